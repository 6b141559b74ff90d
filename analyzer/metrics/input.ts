// What every metric reads: the joined model (docs/architecture.md). Built once by the analyze
// pipeline from the ownership engine, the mined history and the import graph; metrics are pure
// functions `(input, options) => rows` over it and never touch git or the file system.
import type { ChangeSet } from '../model/change-set';
import type { Cluster, Commit, ImportEdge, Team } from '../model/types';
import type { Scope } from './scope';

export interface MetricsInput {
  /** Mined commits, newest first, bots already excluded, paths already following renames to HEAD. */
  commits: Commit[];
  /** The commits grouped into changes (pull requests, merges; model/change-set.ts), newest first.
   *  Absent: every commit is its own change. Read through metrics/change-sets.ts `changeSetsOf`. */
  changeSets?: ChangeSet[];
  /** Files tracked at HEAD (repository-relative). */
  files: string[];
  teams: Team[];
  clusters: Cluster[];
  /** Owning team ids of a path (CODEOWNERS owners mapped through the team map); [] when unowned.
   *  Called once per change by several passes: the pipeline's answer is memoized per path. */
  teamsOf(path: string): string[];
  /** The owning teams of a path that are not review groups (its delivery teams); [] when
   *  unowned or owned only by review groups. Coupling, independence, violations and drift use these.
   *  Memoized per path like teamsOf, and the same array as teamsOf's when nothing is removed. */
  deliveryTeamsOf(path: string): string[];
  /** Teams detected or declared as review groups (teams/roles.ts). */
  reviewGroups: Set<string>;
  /** Delivery teams also listed beside others as approvers (teams/sole.ts). */
  alsoReviews?: Set<string>;
  /** Owners that are bot accounts (teams/bot-owners.ts), with why: role "bot", no score, no members. */
  botOwners?: Map<string, string>;
  /** Declared module of a path: directory of its CODEOWNERS rule, or its workspace package dir. */
  moduleOf(path: string): string;
  /** Declared team ids of a person id (from the team map); [] when the map does not list them. */
  declaredTeamsOf(person: string): string[];
  /** Import edges between repository files and to externals; [] when the graph was not built. */
  imports: ImportEdge[];
  /** True when imports were analysed (so dependency metrics are data, not null). */
  hasImports: boolean;
  /** Public API test for a repository file (team map `publicApi`, package entries, root index files). */
  isPublicApi(path: string): boolean;
  /** Test or production code (metrics/scope.ts); absent: everything is production. */
  scopeOf?(path: string): Scope;
  /** Louvain answers kept between runs (metrics/id-graph.ts), by a hash of the weighted graph; absent: computed each time. */
  communities?: CommunityMemo;
}

/** A store of Louvain answers by key (the pipeline keeps them in the cache directory). */
export interface CommunityMemo {
  get(key: string): string[][] | undefined;
  set(key: string, groups: string[][]): void;
}

export interface MetricsOptions {
  /** code-maat defaults: commits touching more than this many files are ignored for coupling. */
  maxChangesetSize: number;
  minRevs: number;
  minShared: number;
  minDegree: number;
  /** Knowledge island: one person made at least this share of a file's changes. */
  islandShare: number;
  /** Ownership drift: declared team below this share while another team has the majority. */
  driftShare: number;
  /** Honest samples (metrics/sample-size.ts): an autonomy component from fewer commits, changes or import edges is null. */
  minSample: number;
  /** Membership (metrics/membership.ts): a person is an inferred member of a team that received at least this share of their own changes. */
  memberShare: number;
  /** Skip the inferred modules (Louvain communities and the CODEOWNERS lines they suggest): `conway
   *  check` reads only the violations, and community detection is a quarter of a warm run. */
  skipModules?: boolean;
  /** Only what the gate prints — violations, findings, window, coverage (`conway check`): no team or
   *  cluster rows, trends, change coupling, people, crossing or scorecard (empty in the report). */
  gateOnly?: boolean;
  /** The scorecard's periods (org/scorecard.ts): calendar months or quarters (default). */
  period?: 'month' | 'quarter';
}

export const DEFAULT_METRICS_OPTIONS: MetricsOptions = {
  maxChangesetSize: 30,
  minRevs: 5,
  minShared: 5,
  minDegree: 30,
  islandShare: 0.95,
  driftShare: 1 / 3,
  minSample: 10,
  memberShare: 0.25,
};
