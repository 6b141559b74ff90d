// The joined model: ownership (CODEOWNERS + team map), history (commits) and structure (import
// edges) as the one MetricsInput every metric reads. `conway analyze`, the editor's per-file
// check and `conway review` build it here, so a file's delivery teams, public API and module are
// the same answer everywhere (and violation fingerprints compare across them).
import { ruleKey } from '../codeowners/parse';
import type { WorkspacePackage } from '../imports/workspaces';
import { makeScopeOf } from '../metrics/scope';
import type { MetricsInput } from '../metrics/input';
import type { Commit, ImportEdge, Rule } from '../model/types';
import type { Ownership } from '../ownership';
import { createModuleOf } from '../ownership/modules';
import { buildDelivery } from './delivery';
import { makeDeclaredTeamsOf } from './membership';
import { buildPublicApi } from './public-api';

export type Delivery = ReturnType<typeof buildDelivery>;

export interface ModelSources {
  ownership: Ownership;
  /** Tracked files: review groups are told apart over all of them. */
  files: string[];
  commits: Commit[];
  /** Import edges, or null when the import graph was not built. */
  imports: ImportEdge[] | null;
  packages: WorkspacePackage[];
  /** Owner teams that are bot accounts (teams/bot-owners.ts): no score, no members, no coupling. */
  botOwners?: Map<string, string>;
  /** Handle key → the git name that is that CODEOWNERS person owner (pipeline/owner-names.ts). */
  ownerAliases?: Map<string, string>;
  /** Delivery teams already computed for this ownership and these files (the warm context keeps them). */
  delivery?: Delivery;
}

export interface JoinedModel {
  input: MetricsInput;
  ruleOf(path: string): Rule | null;
  /** Where a team's public API is declared, for violation messages. */
  publicHint(team: string): string;
  delivery: Delivery;
}

/**
 * A path's answer, computed once: the declared module is asked per file and per community by the
 * module suggestions (a rule lookup and a scan of the package directories each time, 0.1 s of a
 * warm analyze of a 5k-file monorepo with 100+ packages).
 */
function memoByPath<T>(f: (path: string) => T): (path: string) => T {
  const memo = new Map<string, T>();
  return (path) => {
    let v = memo.get(path);
    if (v === undefined && !memo.has(path)) memo.set(path, (v = f(path)));
    return v as T;
  };
}

export function buildModel(src: ModelSources): JoinedModel {
  const { ownership, files, commits } = src;
  const who = ownership.who;
  // Rules are keyed by file and line: Codeowners Plus spreads them over many files.
  const rulesByKey = new Map((ownership.codeowners?.rules ?? []).map((r) => [ruleKey(r), r]));
  const ruleOf = (p: string) => {
    const r = who(p).rule;
    return r ? (rulesByKey.get(ruleKey(r)) ?? null) : null;
  };
  const publicApi = buildPublicApi(ownership, { workspacePackages: src.packages }, ruleOf, files);
  const teamsOf = (p: string) => who(p).teams;
  const botOwners = src.botOwners ?? new Map<string, string>();
  const delivery = src.delivery ?? buildDelivery(ownership, files, teamsOf, new Set(botOwners.keys()));
  const input: MetricsInput = {
    commits,
    files,
    teams: ownership.teamMap.teams,
    clusters: ownership.teamMap.clusters,
    teamsOf,
    deliveryTeamsOf: delivery.deliveryTeamsOf,
    reviewGroups: delivery.reviewGroups,
    alsoReviews: delivery.alsoReviews,
    botOwners,
    moduleOf: memoByPath(
      createModuleOf(
        ruleOf,
        src.packages.map((p) => p.dir),
      ),
    ),
    declaredTeamsOf: makeDeclaredTeamsOf(ownership.teamMap.teams, commits, src.ownerAliases),
    imports: src.imports ?? [],
    hasImports: src.imports !== null,
    isPublicApi: publicApi.isPublicApi,
    scopeOf: makeScopeOf(ownership.teamMap.testPaths),
  };
  return { input, ruleOf, publicHint: publicApi.hint, delivery };
}
