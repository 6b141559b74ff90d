// All structure metrics: static team coupling, dependency independence per team and cluster,
// boundary violations, inferred modules and suggestions — over the import graph and history.
import type { Problem, Team } from '../model/types';
import type { FileCoupling, InferredModule, StaticCoupling, TeamCoupling, Violation } from '../contract/report';
import { suggestClusters, whyNoClusters } from './cluster-suggestions';
import { ownedEdges, type TeamEdge } from './cross-team';
import type { MetricsInput, MetricsOptions } from './input';
import type { Membership } from './membership';
import { inferModules, scatteredTeams } from './modules';
import { dependencySample, staticCoupling, type TeamStatic } from './static-coupling';
import { fingerprint } from './violations/fingerprint';
import { deepImports, forbiddenDependencies } from './violations/imports';
import { invalidCodeowners, ownershipDrift, unowned } from './violations/ownership';
import { scopedCycles } from './violations/team-cycle';
import { withScopes } from './scope';

export interface StructureExtras {
  members: Map<string, Membership>;
  fileCoupling: FileCoupling[];
  teamCoupling: TeamCoupling[];
  /** Repository-relative CODEOWNERS path, or null when there is none. */
  codeowners: string | null;
  codeownersErrors: Problem[];
  hasRule(path: string): boolean;
  /** The owners the file's deciding rule lists (absent: none). */
  ownersOf?(path: string): string[];
  /** Where a team's public API is, for messages. */
  publicHint(team: string, target: string): string;
  /** Changes per author of a file in the window. */
  changesOf(file: string): Map<string, { changes: number }> | undefined;
}

/** Import edges leaving a group's files to owned files (`total`) and those staying inside or using a public API (`ok`). */
export interface DependencySample {
  ok: number;
  total: number;
}

export interface StructureResult {
  static: StaticCoupling[];
  perTeam: Map<string, TeamStatic & { dependency: DependencySample | null }>;
  clusterDependency: Map<string, DependencySample | null>;
  violations: Violation[];
  modules: InferredModule[];
  suggestions: { codeowners: string[]; clusters: { teams: string[]; reason: string }[] };
  /** Why there are no cluster suggestions, when there are none. */
  notes: string[];
  /** The owned import edges by delivery team, for later passes that would classify them again (org/). */
  edges: TeamEdge[];
}

export function computeStructure(input: MetricsInput, opts: MetricsOptions, x: StructureExtras): StructureResult {
  const edges = ownedEdges(input);
  const teams = new Map<string, Team>(input.teams.map((t) => [t.id, t]));
  const ownerOf = (t: string) => teams.get(t)?.owners[0] ?? t;
  const { pairs, perTeam } = staticCoupling(
    edges,
    input.teams.map((t) => t.id),
  );
  const depInd = (ids: string[]) =>
    input.hasImports ? dependencySample(edges, new Set(ids), input.isPublicApi) : null;
  const scopeOf = input.scopeOf ?? (() => 'production' as const);
  const drafts = [
    ...(input.hasImports
      ? [
          ...deepImports(edges, input.isPublicApi, x.publicHint),
          ...forbiddenDependencies(edges, teams),
          ...scopedCycles(edges, scopeOf),
        ]
      : []),
    ...(x.codeowners ? unowned(input.files, x.hasRule, x.codeowners) : []),
    ...ownershipDrift(
      input,
      x.members,
      opts,
      { ownerOf, ownersOf: x.ownersOf ?? (() => []), teamOwners: (t) => teams.get(t)?.owners ?? [t] },
      x.changesOf,
    ),
    ...invalidCodeowners(x.codeownersErrors),
  ];
  const { modules, codeowners } = opts.skipModules
    ? { modules: [], codeowners: [] }
    : inferModules(input, x.fileCoupling, ownerOf, {
        changesByAuthor: (f) => [...(x.changesOf(f) ?? [])].map(([a, c]): [string, number] => [a, c.changes]),
        teamsOfPerson: (p) => x.members.get(p)?.teams ?? [],
      });
  // The gate has no team coupling (metrics/history.ts) and prints no suggestions.
  const clusters = opts.gateOnly ? [] : suggestClusters(pairs, x.teamCoupling, input.clusters);
  return {
    static: pairs,
    perTeam: new Map([...perTeam].map(([t, s]) => [t, { ...s, dependency: depInd([t]) }])),
    clusterDependency: new Map(input.clusters.map((c) => [c.id, depInd(c.teams)])),
    edges,
    violations: fingerprint(withScopes(drafts, scopeOf)),
    modules,
    suggestions: { codeowners: [...codeowners, ...scatteredTeams(modules).map((s) => `# ${s}`)], clusters },
    notes: clusters.length || opts.gateOnly ? [] : [whyNoClusters(pairs, x.teamCoupling)],
  };
}
