// The versioned report: the only thing reporters, the extension and the webview read.
// Contract from issues 3 and 4 — keep these names; add fields, never rename. Ratios are in [0, 1],
// scores in [0, 100]; a component without data is null, never 0. Months are `YYYY-MM`.

export const SCHEMA_VERSION = 1;

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

/** Issue 9: where a team's members come from. */
export type Membership = 'declared' | 'inferred';
/** Issue 9: a review group approves others' code (listed beside other teams on most rules); a team delivers it. */
export type TeamRole = 'team' | 'review-group' | 'bot';

/** Issue 9: one person with every identity merged into it, and why. */
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
  /** Issue 9: every (name, email) the person committed as, busiest first — what `conway people --mailmap` maps. */
  identities?: { name: string; email: string; commits: number }[];
  /** Issue 9: why an account named like a bot was kept as a person, e.g. `named like a bot, but 2 of 40 commits look automated`. */
  botNote?: string;
  /** Links Conway refused because they would join two people's full names, e.g. "`bob@acme.io` used by two names: Bob Stone (757 commits), Ann Lee (1) — kept apart". */
  keptApart?: string[];
}

export interface TeamRow {
  id: string;
  name: string;
  cluster: string | null;
  /** Issue 9 (optional until it lands): declared in the team map, or inferred from history. */
  membership?: Membership;
  /** Issue 9 (optional until it lands). */
  role?: TeamRole;
  /** A delivery team (the only owner of a substantial part of the code) that is also listed beside other teams as an approver. */
  alsoReviews?: boolean;
  /** Issue 9: for a review group, the share of the window's changes to owned files that needed its approval (touched its files). */
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
}

export interface ClusterRow {
  id: string;
  teams: string[];
  autonomy: Autonomy;
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
  | 'invalid-codeowners';

export interface Violation {
  kind: ViolationKind;
  file: string;
  line: number;
  fromTeam: string | null;
  toTeam: string | null;
  target: string | null;
  message: string;
  /** Stable across unrelated edits: built from kind, teams, file and target — never from line numbers. */
  fingerprint: string;
  /** Issue 10: id of the finding (group) this location belongs to. */
  group?: string;
}

/**
 * Issue 10: a group of violations a lead reads as one finding — same kind, target and team pair;
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
}

export interface InferredModule {
  id: string;
  files: string[];
  /** team id → share of the community's files the team owns (unowned under `(unowned)`). */
  owners: Record<string, number>;
  suggestion: string | null;
  /** Issue 10: every CODEOWNERS line of the suggestion, also when its text only summarises them. */
  lines?: string[];
  /** Issue 10: the files the suggestion moves between delivery teams, and the window's changes to them. */
  moved?: { files: number; changes: number };
  /** Issue 10: the suggestion's rank among the report's module suggestions (1 = first): by `moved.changes`, then `moved.files`. */
  rank?: number;
}

export interface Report {
  schemaVersion: typeof SCHEMA_VERSION;
  generatedAt: string;
  repo: { root: string; head: string | null; branch: string | null; codeowners: string | null; teamMap: string | null; shallow: boolean };
  window: {
    since: string | null;
    until: string | null;
    commits: number;
    mode: 'numstat' | 'name-status';
    /** Issue 10: first and last commit in the window (sha, ISO date), null when the window is empty. */
    first?: { sha: string; date: string } | null;
    last?: { sha: string; date: string } | null;
  };
  notes: string[];
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
  /** Issue 10 (optional until it lands): violations grouped and ranked, rank 1 first. */
  findings?: Finding[];
  /** Issue 9 (optional until it lands): every person, identities merged, bots flagged. */
  people?: PersonRow[];
  /** Inferred modules (Louvain communities), issue 4's `modules` contract. */
  modules: InferredModule[];
  suggestions: { codeowners: string[]; clusters: { teams: string[]; reason: string }[] };
}
