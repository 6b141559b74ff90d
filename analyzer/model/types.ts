// The records every layer shares (docs/architecture.md, "Rooms"). Paths are repository-relative with `/`;
// line numbers are 1-based; dates are Unix seconds (UTC).

import type { InteractionMode } from '../contract/teamwork-interactions';

export type Flavor = 'github' | 'gitlab';

/** One problem found in an input file; `line` is 0 when it concerns the whole file. */
export interface Problem {
  file: string;
  line: number;
  message: string;
}

export interface Problems {
  errors: Problem[];
  warnings: Problem[];
}

/** One CODEOWNERS rule as written. */
export interface Rule {
  line: number;
  pattern: string;
  owners: string[];
  /** GitLab only: the section the rule sits in. */
  section?: string;
  /** GitLab only: `!pattern` inside a section removes ownership in that section. */
  exclusion?: boolean;
  /** Set when ownership spans several files (Codeowners Plus `.codeowners`): the rule's file. */
  file?: string;
  /** Codeowners Plus: `&` adds a required reviewer group, `?` an optional one. */
  kind?: 'and' | 'optional';
}

/** What a path resolves to. */
export interface OwnerMatch {
  owners: string[];
  /** The deciding rule (GitHub: the last matching one; GitLab: the last matching in the first section that matched). */
  rule: Rule | null;
  /** GitLab: the deciding rule of every section that matched; Codeowners Plus: the primary rule and every `&` rule. */
  sectionRules?: Rule[];
  /** Codeowners Plus: matching `?` rules (reviewers told, not required). */
  optionalRules?: Rule[];
}

export interface Team {
  id: string;
  name: string;
  owners: string[];
  members: string[];
  dependsOn?: string[];
  publicApi?: string[];
  /** Ids of the clusters that list this team. */
  clusters: string[];
  /** Team map `role`: a review group approves others' code; a team delivers it. */
  role?: 'team' | 'review-group';
  /** The team map gives `members:` (even an empty list): membership is declared, not inferred. */
  membersDeclared?: boolean;
  /** Derived from a CODEOWNERS owner the team map does not list (teams/derive.ts). */
  implicit?: boolean;
  /** Team map `interactions`: how this team agreed to work with others (Team Topologies' Team API). */
  interactions?: DeclaredInteraction[];
}

export interface DeclaredInteraction {
  team: string;
  mode: InteractionMode;
  purpose: string | null;
  /** `YYYY-MM-DD` (UTC), as written. */
  since: string | null;
  until: string | null;
  /** 1-based line of the entry in the team map (for findings and SARIF). */
  line: number;
}

export interface Cluster {
  id: string;
  teams: string[];
}

export interface TeamMap {
  /** Repository-relative path of conway.yml, or null when teams were derived from CODEOWNERS. */
  path: string | null;
  teams: Team[];
  clusters: Cluster[];
  /** Extra globs of test code (conway.yml `testPaths`), beside the conventions of metrics/scope.ts. */
  testPaths?: string[];
  /** conway.yml `cost`: the price of an engineer day, so effort estimates are also shown in money. */
  cost?: { perEngineerDay: number; currency: string };
}

export interface FileChange {
  path: string;
  /** Set when git detected a rename in this commit. */
  oldPath?: string;
  /** null for binary files and in --fast mode (no line counts). */
  added: number | null;
  deleted: number | null;
}

export interface Commit {
  sha: string;
  /** Resolved identity (see analyzer/history/identity.ts): a stable person id. */
  author: string;
  authorName: string;
  authorEmail: string;
  /** Unix seconds. */
  date: number;
  /** Resolved identities from Co-authored-by trailers. */
  coAuthors: string[];
  files: FileChange[];
  /** Resolved identities from Reviewed-by / Approved-by / Acked-by trailers; absent when none. */
  reviewers?: string[];
  /** The pull request a squash commit names (`… (#123)`); absent otherwise. */
  pr?: number;
  /** The first-parent merge commit that brought this commit in (history/merges.ts); absent otherwise. */
  mergedBy?: string;
}

export type ImportKind = 'static' | 'type' | 'reexport' | 'dynamic' | 'require' | 'reference';

export interface ImportEdge {
  from: string;
  /** Repository-relative file, or `npm:<package>` for an external package, or null when unresolved. */
  to: string | null;
  specifier: string;
  line: number;
  kind: ImportKind;
}
