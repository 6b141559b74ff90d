// The versioned report: the only thing reporters, the extension and the webview read, published
// as report.schema.json (scripts/contract-schema.mjs writes it from these types). Keep these
// names; add fields, never rename. Ratios are in [0, 1], scores in [0, 100]; a component without
// data is null, never 0. Months are `YYYY-MM`.
import type { ChangeSetSummary, CrossingRow } from './teamwork-crossing';

import type { Coordination, InteractionRow } from './teamwork-interactions';
export type * from './teamwork-interactions';

import type { ClusterFit, Scorecard } from './teamwork-scorecard';

/** Moves when the contract changes: test/contract/schema.test.ts fails until it does. */
export const SCHEMA_VERSION = 4;

/** Versions only add optional fields, so a reader accepts every version up to its own. */
export function isReadableVersion(v: unknown): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= SCHEMA_VERSION;
}

/** A team dependency to cut to break a team cycle: how many import edges it has, with example locations. */
export interface CycleCut {
  from: string;
  to: string;
  edges: number;
  examples: { file: string; line: number }[];
}

export interface Autonomy {
  /** Mean of the non-null components, ×100; null when every component is null. */
  score: number | null;
  deliveryIndependence: number | null;
  ownershipIntegrity: number | null;
  dependencyIndependence: number | null;
}

export interface TeamTrendPoint {
  month: string;
  changes: number;
  commits: number;
  alignment: number | null;
  deliveryIndependence: number | null;
  fragmentation: number | null;
  /** Counts behind alignment and delivery independence that month (org-merge sums them). */
  aligned?: number;
  memberCommits?: number;
  independent?: number;
}

/**
 * The counts behind a team's or cluster's ratios, so `conway merge` recomputes every ratio of
 * several repositories from sums instead of averaging them (docs/metrics.md "Merged reports").
 */
/** A cluster's counts: its teams' summed counters with its changes and commits. */
export interface ClusterCounts extends GroupCounts {
  changes: number;
  commits: number;
}

export interface GroupCounts {
  /** Changes to owned files made by members (alignment = aligned / changes). */
  aligned: number;
  /** Members' commits touching files with a delivery team, and those touching only the group's (delivery independence). */
  memberCommits: number;
  independent: number;
  /** Import edges leaving the group's files to owned files, and those inside it or through a public API. */
  dependencyOk: number;
  dependencyTotal: number;
  /** Changes to owned files by the author's primary team (fragmentation). */
  changesByTeam: Record<string, number>;
  /** Person ids who changed owned files in the window. */
  authors: string[];
}

export interface MemberRow {
  person: string;
  name: string;
  /** true when the membership was inferred from history (no team map lists the person). */
  inferred: boolean;
  changes: number;
  /** Inferred members: the share of the person's own changes in the window (commits up to --max-changeset files) that went to this team's files, */
  ownShare?: number;
  /** … how many changes that was, */
  teamChanges?: number;
  /** … and of how many own changes. */
  ownChanges?: number;
}

/** where a team's members come from. */
export type Membership = 'declared' | 'inferred';

/** Said wherever team numbers are shown for a team whose members were guessed from history. */
export const INFERRED_MEMBERSHIP = 'membership inferred from history — run `conway init`';
/** a review group approves others' code (listed beside other teams on most rules); a team delivers it. */
export type TeamRole = 'team' | 'review-group' | 'bot';

/** one person with every identity merged into it, and why. */
export interface PersonRow {
  id: string;
  names: string[];
  emails: string[];
  handles: string[];
  changes: number;
  commits: number;
  teams: string[];
  /** Why identities were merged: `mailmap`, `handle <h>`, `noreply <email>`, `same name <n>`, … */
  merged: { identity: string; reason: string }[];
  bot: boolean;
  /** every (name, email) the person committed as, busiest first — what `conway people --mailmap` maps. */
  identities?: { name: string; email: string; commits: number }[];
  /** why an account named like a bot was kept as a person, e.g. `named like a bot, but 2 of 40 commits look automated`. */
  botNote?: string;
  /** Links Conway refused because they would join two people's full names, e.g. "`bob@acme.io` used by two names: Bob Stone (757 commits), Ann Lee (1) — kept apart". */
  keptApart?: string[];
}

export interface TeamRow {
  id: string;
  name: string;
  cluster: string | null;
  /** Declared in the team map, or inferred from history (always written; optional so the dashboard reads older reports). */
  membership?: Membership;
  /** Always written; optional so the dashboard reads older reports. */
  role?: TeamRole;
  /** A delivery team (the only owner of a substantial part of the code) that is also listed beside other teams as an approver. */
  alsoReviews?: boolean;
  /** for a review group, the share of the window's changes to owned files that needed its approval (touched its files). */
  approvalShare?: number;
  members: MemberRow[];
  files: number;
  changes: number;
  commits: number;
  linesAdded: number;
  linesDeleted: number;
  authors: number;
  alignment: number | null;
  fragmentation: number | null;
  truckFactor: number | null;
  /** People whose degree of authorship makes them authors of the team's code (truck-factor set). */
  truckFactorAuthors: string[];
  knowledgeIslands: number;
  autonomy: Autonomy;
  /** Static coupling: import edges into (afferent) and out of (efferent) the team's files to other teams. */
  afferent: number;
  efferent: number;
  instability: number | null;
  trend: TeamTrendPoint[];
  counts?: GroupCounts;
  /** Merged reports: the team in each repository (files owned, changes, commits). */
  repositories?: { repository: string; files: number; changes: number; commits: number }[];
}

export interface ClusterRow {
  id: string;
  teams: string[];
  autonomy: Autonomy;
  counts?: ClusterCounts;
}

export interface FileRow {
  path: string;
  owners: string[];
  teams: string[];
  /** CODEOWNERS line that decides the owners, null when no rule matched. */
  ruleLine: number | null;
  module: string;
  changes: number;
  authors: number;
  linesAdded: number;
  linesDeleted: number;
  mainTeam: string | null;
  mainAuthor: string | null;
  fragmentation: number | null;
  knowledgeIsland: boolean;
}

/** A declared module: the directory of a file's CODEOWNERS rule, or its workspace package. */
export interface ModuleRow {
  id: string;
  files: number;
  changes: number;
  teams: string[];
  mainTeam: string | null;
  mainAuthor: string | null;
  fragmentation: number | null;
}

export interface FileCoupling {
  a: string;
  b: string;
  shared: number;
  degree: number;
  /** Up to 20 of the shared commits, newest first — the evidence. */
  commits: string[];
}

export interface TeamCoupling {
  a: string;
  b: string;
  sharedCommits: number;
  degree: number;
  commits: string[];
  /** Change sets touching each team's files (the degree's revs), so merged reports recompute the degree. */
  revsA?: number;
  revsB?: number;
}

export interface StaticCoupling {
  from: string;
  to: string;
  edges: number;
  /** Up to 20 example import edges: `file:line -> target`. */
  examples: { file: string; line: number; target: string }[];
}

export type ViolationKind =
  | 'deep-import'
  | 'forbidden-dependency'
  | 'team-cycle'
  | 'unowned'
  | 'ownership-drift'
  | 'invalid-codeowners'
  | 'interaction';

export interface Violation {
  kind: ViolationKind;
  file: string;
  line: number;
  fromTeam: string | null;
  toTeam: string | null;
  target: string | null;
  message: string;
  /** Stable across harmless edits (metrics/violations/fingerprint.ts): a cycle's teams; a deep import's file and target; never line numbers. */
  fingerprint: string;
  /** id of the finding (group) this location belongs to. */
  group?: string;
  /** team-cycle: the fewest, lightest team dependencies to cut (metrics/violations/cycle-cut.ts). */
  cut?: CycleCut[];
  /** Test or production code (metrics/scope.ts): the importing file, the unowned or drifting file; a cycle is test when only test imports close it. */
  scope?: 'production' | 'test';
}

/**
 * a group of violations a lead reads as one finding — same kind, target and team pair;
 * unowned files grouped by the highest directory whose source files are all unowned.
 */
export interface Finding {
  /** Stable id (kind + target + teams, or kind + directory); `violations[].group` points here. */
  id: string;
  kind: ViolationKind;
  /** One line a lead reads: what, where, between whom. */
  title: string;
  fromTeam: string | null;
  toTeam: string | null;
  /** The file, directory or team the finding is about. */
  target: string | null;
  /** team-cycle: the team dependencies to cut, as on the violation. */
  cut?: CycleCut[];
  /** production when any location is production code; production findings rank first. */
  scope?: 'production' | 'test';
  /** Number of locations (violations) in the group. */
  count: number;
  /** Changes in the window to the files involved: the rank key. */
  changes: number;
  /** 1 = act first; ordered by changes, then count. */
  rank: number;
  /** Up to three locations. */
  examples: { file: string; line: number }[];
  /** What would fix it, when one line does (e.g. the CODEOWNERS line that would own a directory). */
  suggestion: string | null;
  /** unowned: where the suggested line goes (CODEOWNERS is last-match-wins: before the rules it must not override). */
  placement?: Placement;
}

/** Where a suggested CODEOWNERS line is inserted: right before `beforeLine` (after the rule on `afterLine`), or after `afterLine` when `beforeLine` is null (at the end). Lines are 1-based lines of `file`; both null: the file has no rules. */
export interface Placement {
  file: string;
  afterLine: number | null;
  beforeLine: number | null;
}

export interface InferredModule {
  id: string;
  files: string[];
  /** team id → share of the community's files the team owns (unowned under `(unowned)`). */
  owners: Record<string, number>;
  suggestion: string | null;
  /** every CODEOWNERS line of the suggestion, also when its text only summarises them. */
  lines?: string[];
  /** the files the suggestion moves between delivery teams, and the window's changes to them. */
  moved?: { files: number; changes: number };
  /** the suggestion's rank among the report's module suggestions (1 = first): by `moved.changes`, then `moved.files`. */
  rank?: number;
}

/** Ownership coverage over every tracked file, any language (metrics/coverage.ts). */
export interface Coverage {
  files: number;
  ownedFiles: number;
  unownedFiles: number;
  /** Owned only by a catch-all rule. */
  catchAllOnlyFiles: number;
  /** (commit, file) pairs in the window, to any path. */
  changes: number;
  /** Of those, to paths no rule owns (as CODEOWNERS at HEAD reads them). */
  unownedChanges: number;
  /** Highest all-unowned directories by files, at most 10 ('' is the repository root). */
  largestUnowned: { dir: string; files: number }[];
}

export interface Report {
  schemaVersion: typeof SCHEMA_VERSION;
  generatedAt: string;
  repo: {
    root: string;
    head: string | null;
    branch: string | null;
    codeowners: string | null;
    teamMap: string | null;
    shallow: boolean;
  };
  window: {
    since: string | null;
    until: string | null;
    commits: number;
    mode: 'numstat' | 'name-status';
    /** first and last commit in the window (sha, ISO date), null when the window is empty. */
    first?: { sha: string; date: string } | null;
    last?: { sha: string; date: string } | null;
  };
  notes: string[];
  /** Ownership coverage over every tracked file, any language (metrics/coverage.ts); absent in older reports. */
  coverage?: Coverage;
  teams: TeamRow[];
  clusters: ClusterRow[];
  files: FileRow[];
  declaredModules: ModuleRow[];
  coupling: { files: FileCoupling[]; teams: TeamCoupling[]; static: StaticCoupling[] };
  graph: {
    files: number;
    edges: number;
    edgesByKind: Record<string, number>;
    unresolved: number;
    unresolvedExamples: { file: string; line: number; specifier: string }[];
    parseErrors: number;
  } | null;
  violations: Violation[];
  /** Violations grouped and ranked, rank 1 first (always written; optional so the dashboard reads older reports). */
  findings?: Finding[];
  /** Every person, identities merged, bots flagged (always written; optional so the dashboard reads older reports). */
  people?: PersonRow[];
  /** Inferred modules (Louvain communities on the file graph, docs/metrics.md). */
  modules: InferredModule[];
  suggestions: { codeowners: string[]; clusters: { teams: string[]; reason: string }[] };
  /** Packages this repository declares (package.json names: the root's and its workspaces'), with their owning teams. */
  packages?: { name: string; dir: string; teams: string[] }[];
  /** Imports of packages not in this repository (`npm:` targets): one per (file, package), with the importing file's delivery teams. */
  externalImports?: { package: string; file: string; line: number; teams: string[] }[];
  /** Merged reports (`conway merge`): the repositories joined, and package dependencies between them. */
  org?: OrgSection;
  /** How commits were grouped into change sets (pull requests, merges, commits; docs/metrics.md "Change sets"). */
  changeSets?: ChangeSetSummary;
  /** Cross-team vs single-team change sets per team, cluster and the repository, per period and the window (org/crossing.ts). */
  crossing?: CrossingRow[];
  /** Team pairs: the interaction declared in conway.yml against the one observed (org/interactions.ts). */
  interactions?: InteractionRow[];
  /** Coordination the teams' work needs (co-change, Cataldo's C_R) against the coordination seen (org/coordination.ts). */
  coordination?: Coordination;
  /** How the declared clusters fit the team coupling graph against the best partition found (org/cluster-fit.ts). */
  clusterFit?: ClusterFit;
  /** Per team and cluster, per period (`--period`): autonomy and the team-work numbers beside the previous period's (org/scorecard.ts). */
  scorecard?: Scorecard;
}

export interface OrgRepository {
  /** Repository name: the report's root directory name (`--name` of analyze), unique in the merge. */
  name: string;
  head: string | null;
  since: string | null;
  commits: number;
  files: number;
  teams: number;
}

export interface CrossRepoDependency {
  package: string;
  /** Consuming repository and team, publishing repository and team. */
  fromRepository: string;
  fromTeam: string | null;
  toRepository: string;
  toTeam: string | null;
  /** Importing files (`repository/path:line`), at most 20; `imports` counts them all. */
  files: string[];
  imports: number;
}

export interface OrgSection {
  repositories: OrgRepository[];
  dependencies: CrossRepoDependency[];
}
