// The `conway review` JSON contract, published as review.schema.json. Like the report, it only grows: fields are
// added, never renamed. Paths are repository-relative with `/`, lines 1-based; teams are team
// ids as in the team map (or the CODEOWNERS owner when no team lists it).
import type { Violation } from './report';

export type ChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'type-changed';

export type RuleRef = {
  line: number;
  pattern: string;
  section?: string;
  file?: string;
  kind?: 'and' | 'optional';
} | null;

export interface ReviewFile {
  path: string;
  status: ChangeStatus;
  /** Owners and deciding rule from the BASE revision's CODEOWNERS (what the forge uses). */
  owners: string[];
  teams: string[];
  rule: RuleRef;
  /** GitLab: the deciding rule of each matching section, when more than one matched. */
  sectionRules?: NonNullable<RuleRef>[];
  /** Renames: the path before, and who owned it (also required to approve). */
  oldPath?: string;
  previous?: { owners: string[]; teams: string[]; rule: RuleRef };
}

export interface ReviewApproval {
  /** One approval from any of these owners (GitLab: `approvals` of them) is required. */
  owners: string[];
  teams: string[];
  files: string[];
  /** GitLab section name; absent on GitHub and for rules before the first section. */
  section?: string;
  approvals: number;
  /** GitLab `^[Section]`, Codeowners Plus `?` rules: listed, not required. */
  optional: boolean;
  /** The CODEOWNERS lines (base revision) that put these files in this group. */
  rules: { line: number; pattern: string; file?: string }[];
}

export interface ReviewEdge {
  /** Importing team and imported team. */
  from: string;
  to: string;
  file: string;
  line: number;
  target: string;
}

export interface AffectedTeam {
  team: string;
  /** Each importing file of the team, the file it imports and the changed file that reaches it. */
  via: { file: string; line: number; target: string; changed: string }[];
}

/** Moves when the review contract changes (review.schema.json; test/contract/schema.test.ts checks it). */
export const REVIEW_SCHEMA_VERSION = 3;

export interface Review {
  schemaVersion: typeof REVIEW_SCHEMA_VERSION;
  /** Commits (merge base and head); head is "index" or "worktree" for --staged / --working-tree. */
  base: string;
  head: string;
  baseRef: string | null;
  headRef: string;
  codeowners: string | null;
  files: ReviewFile[];
  approvals: ReviewApproval[];
  /** The fewest owners whose approvals satisfy every required group (review/approval-set.ts). */
  approvalSet: { owners: string[]; size: number; method: 'exact' | 'greedy' };
  affectedTeams: AffectedTeam[];
  edges: { added: ReviewEdge[]; removed: ReviewEdge[] };
  violations: { new: Violation[]; fixed: Violation[] };
  /** Dependency independence of each touched team before and after (null: no edges to owned files). */
  independence: { team: string; base: number | null; head: number | null }[];
  /** basis: `members` — the team's members (declared or inferred); `recent-authors` — a review group
   *  without declared members, so the files' recent main authors whoever they are; `person-owner` — a
   *  person named as owner in CODEOWNERS: that person. */
  reviewers: {
    team: string;
    basis: 'members' | 'recent-authors' | 'person-owner';
    people: { person: string; name: string; changes: number; lines: number | null }[];
  }[];
  notes: string[];
}
