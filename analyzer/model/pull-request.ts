// A merged pull request (GitHub) or merge request (GitLab) as an export the user made gives it
// (`--prs FILE`, sources/pull-requests.ts). Conway never calls a forge's API: the export is the
// only source, and everything here is what the export said, before identities are resolved.
export interface PullRequest {
  /** The PR number (GitHub `number`, GitLab `iid`). */
  number: number;
  /** The author's forge login, or null when the export has none (a deleted account). */
  author: string | null;
  /** Unix seconds. */
  createdAt: number;
  /** Unix seconds. */
  mergedAt: number;
  /** The commit the merge made on the base branch (merge or squash commit), or null. */
  mergeCommit: string | null;
  /** Logins of the people who reviewed or approved it, each once, the author left out. */
  reviewers: string[];
}

export interface PullRequestExport {
  /** The export file, as the user named it. */
  file: string;
  source: 'github' | 'gitlab';
  prs: PullRequest[];
}
