// One change as a team experiences it: a pull request, a merge commit with the commits it brings
// in, or a single (squash) commit. Coupling, shared commits, coordination and the cost of crossing
// a boundary count change sets, not commits, because a merged branch spreads one change's files
// over several commits (docs/metrics.md, "Change sets").
import type { Commit } from './types';

export type ChangeSetKind = 'pr' | 'merge' | 'commit';

export interface ChangeSet {
  /** `#<number>` for a pull request, else the merge commit's or the commit's sha. */
  id: string;
  kind: ChangeSetKind;
  /** The mined (non-merge) commits of the change, newest first; never empty. */
  commits: Commit[];
  /** Repository paths the change touched (after renames), each once, in first-seen order. */
  files: string[];
  /** Lines added + deleted over the commits; null when a commit has no line counts (--fast, binary). */
  lines: number | null;
  /** Person ids that wrote it: commit authors and co-authors, each once. */
  authors: string[];
  /** Person ids that reviewed or approved it (PR reviews, Reviewed-by / Approved-by / Acked-by trailers). */
  reviewers: string[];
  /** Unix seconds: the pull request's creation, else the first commit's author date. */
  opened: number;
  /** Unix seconds: the merge (pull request merged, merge commit date), else the last commit's date. */
  merged: number;
}
