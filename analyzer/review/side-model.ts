// What Conway knows about one side of a change: its ownership (CODEOWNERS and conway.yml as
// they are on that side), its import edges and its boundary violations — computed with the same
// functions `conway analyze` uses, so fingerprints compare across the two sides.
//
// Edges: the work tree's import graph is reused for every file whose content is the same on
// this side; files that differ are tokenized from this side's text and resolved with this side's
// file list and configs; an unchanged file's import is resolved again only when its target
// differs, is missing or was unresolved here (a file added or removed can change what it names).
import { parseCodeowners, type ParsedCodeowners } from '../codeowners/parse';
import { parseCodeownersPlus, PLUS_CONFIG, PLUS_FILE } from '../sources/codeowners-plus/load';
import { CODEOWNERS_LOCATIONS, loadCodeowners } from '../codeowners/load';
import { createImportIndex, type ImportGraphResult } from '../imports';
import { isRepoTarget, ownedEdges, type TeamEdge } from '../metrics/cross-team';
import { dependencyIndependence } from '../metrics/static-coupling';
import { fingerprint } from '../metrics/violations/fingerprint';
import { deepImports, forbiddenDependencies } from '../metrics/violations/imports';
import { invalidCodeowners, unowned } from '../metrics/violations/ownership';
import { makeScopeOf, withScopes } from '../metrics/scope';
import { scopedCycles } from '../metrics/violations/team-cycle';
import type { Flavor, ImportEdge, Rule } from '../model/types';
import { withCatalog, type Ownership, type WhoResult } from '../ownership';
import type { OwnershipSource } from '../sources/backstage/apply';
import { catalogAt, loadCatalog } from '../sources/backstage/load';
import { buildModel } from '../pipeline/build-model';
import type { Violation } from '../contract/report';
import { loadTeamMap, TEAM_MAP_FILE } from '../teams/load';
import { parseTeamMap, type ParsedTeamMap } from '../teams/parse';
import type { Side } from './side';

export interface SideInputs {
  flavor: Flavor;
  /** Explicit --codeowners / --teams files (absolute): then used for both sides as given. */
  codeowners?: string;
  teams?: string;
  /** Explicit --catalog file or directory: used for both sides as given (else each side's catalog-info files). */
  catalog?: string;
  /** --ownership catalog: file ownership from the catalog alone. */
  ownership?: OwnershipSource;
  exclude?: string[];
}

export interface SideModel {
  side: Side;
  ownership: Ownership;
  who(path: string): WhoResult;
  /** Owning teams without review groups (pipeline/delivery.ts). */
  deliveryTeamsOf(path: string): string[];
  reviewGroups: Set<string>;
  ruleOf(path: string): Rule | null;
  edges: ImportEdge[];
  teamEdges: TeamEdge[];
  isPublicApi(path: string): boolean;
  violations: Violation[];
  independence(team: string): number | null;
}

/** `teamMaps`: parsed team maps by text, shared by the two sides of one review (YAML parsing is the costly part). */
export function buildSideModel(
  root: string,
  side: Side,
  disk: ImportGraphResult,
  inputs: SideInputs,
  teamMaps = new Map<string, ParsedTeamMap>(),
): SideModel {
  const ownership = sideOwnership(root, side, inputs, teamMaps);
  const memo = new Map<string, WhoResult>();
  const who = (p: string) => memo.get(p) ?? memo.set(p, ownership.who(p)).get(p)!;
  const index = createImportIndex(root, side.tracked, inputs.exclude, side.read);
  const edges = sideEdges(side, disk, index);
  // The model analyze builds: coupling, independence and violations are about delivery teams.
  const model = buildModel({
    ownership: { ...ownership, who },
    files: side.tracked,
    commits: [],
    imports: edges,
    packages: index.packages,
  });
  const { ruleOf, delivery } = model;
  const teamEdges = ownedEdges(model.input);
  const publicMemo = new Map<string, boolean>();
  const isPublicApi = (p: string) => publicMemo.get(p) ?? publicMemo.set(p, model.input.isPublicApi(p)).get(p)!;
  const teams = new Map(ownership.teamMap.teams.map((t) => [t.id, t]));
  const codeowners = ownership.codeowners;
  const scopeOf = makeScopeOf(ownership.teamMap.testPaths);
  const violations = fingerprint(
    withScopes(
      [
        ...deepImports(teamEdges, isPublicApi, model.publicHint),
        ...forbiddenDependencies(teamEdges, teams),
        ...scopedCycles(teamEdges, scopeOf),
        ...(codeowners ? unowned(side.tracked, (p) => who(p).rule !== null, codeowners.path) : []),
        ...invalidCodeowners(codeowners?.errors ?? []),
      ],
      scopeOf,
    ),
  );
  const independence = (team: string) => dependencyIndependence(teamEdges, new Set([team]), isPublicApi);
  return {
    side,
    ownership,
    who,
    deliveryTeamsOf: delivery.deliveryTeamsOf,
    reviewGroups: delivery.reviewGroups,
    ruleOf,
    edges,
    teamEdges,
    isPublicApi,
    violations,
    independence,
  };
}

function sideEdges(side: Side, disk: ImportGraphResult, index: ReturnType<typeof createImportIndex>): ImportEdge[] {
  const out: ImportEdge[] = [];
  for (const e of disk.edges) {
    if (side.differs.has(e.from) || !side.trackedSet.has(e.from)) continue;
    const stale = e.to === null || (isRepoTarget(e.to) && (side.differs.has(e.to) || !side.trackedSet.has(e.to)));
    out.push(stale ? { ...e, to: index.resolve(e.from, e.specifier) } : e);
  }
  const sources = new Set(index.sources);
  for (const f of side.differs) {
    if (!sources.has(f)) continue;
    const text = side.read(f);
    if (text !== null) for (const e of index.resolveFile(f, text)) out.push(e);
  }
  return out;
}

function sideOwnership(root: string, side: Side, inputs: SideInputs, teamMaps: Map<string, ParsedTeamMap>): Ownership {
  const codeowners = inputs.codeowners
    ? loadCodeowners(root, { flavor: inputs.flavor, path: inputs.codeowners })
    : readCodeowners(side, inputs.flavor);
  const teamText = inputs.teams ? null : side.read(TEAM_MAP_FILE);
  const teamMap = inputs.teams
    ? loadTeamMap(root, inputs.teams)
    : teamText === null
      ? null
      : parseOnce(teamText, teamMaps);
  // The catalog as it is on this side, like CODEOWNERS: a change that edits a component's owner
  // in catalog-info.yaml is approved by the owner the base names, never by the one it writes.
  const catalog = inputs.catalog ? loadCatalog(root, inputs.catalog) : catalogAt(side.tracked, side.read);
  return withCatalog(root, inputs.flavor, codeowners, teamMap, catalog, inputs.ownership);
}

function parseOnce(text: string, parsed: Map<string, ParsedTeamMap>): ParsedTeamMap {
  let r = parsed.get(text);
  if (!r) parsed.set(text, (r = parseTeamMap(text, TEAM_MAP_FILE)));
  return r;
}

/** The side's CODEOWNERS, found where the forge looks (first found wins). */
function readCodeowners(side: Side, flavor: Flavor): ParsedCodeowners | null {
  if (side.trackedSet.has(PLUS_FILE) || side.trackedSet.has(PLUS_CONFIG)) {
    return parseCodeownersPlus(
      side.tracked.filter((p) => p === PLUS_FILE || p.endsWith(`/${PLUS_FILE}`)),
      (p) => side.read(p),
    );
  }
  for (const path of CODEOWNERS_LOCATIONS[flavor]) {
    const text = side.read(path);
    if (text !== null) return parseCodeowners(text, path, flavor);
  }
  return null;
}
