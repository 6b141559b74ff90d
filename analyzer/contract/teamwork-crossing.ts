// Change sets and the cost of crossing a team boundary (docs/metrics.md, "Change sets" and
// "The cost of crossing a boundary"). Optional Report fields: older reports have none.

/** How the window's commits were grouped into change sets. */
export interface ChangeSetSummary {
  /** `auto`: pull requests, merges and squash commits grouped; `commit`: every commit its own change. */
  mode: 'auto' | 'commit';
  /** Mined commits in the window (bots excluded). */
  commits: number;
  changeSets: number;
  byKind: { pr: number; merge: number; commit: number };
  /** Change sets of more than one commit (merged branches, exported pull requests). */
  multiCommit: number;
  /** The `--prs` export: its file, forge, pull requests in it and how many matched a mined commit; null without `--prs`. */
  prs: {
    file: string;
    source: 'github' | 'gitlab';
    exported: number;
    matched: number;
    /** The export's distinct author and reviewer logins, and how many resolve to no team member
     * (their pull requests and reviews count for no team); absent in reports of older versions. */
    logins?: PrLogins;
  } | null;
}

export interface PrLogins {
  authors: number;
  unmatchedAuthors: number;
  reviewers: number;
  unmatchedReviewers: number;
  /** Up to 10 logins that match no member (reviewers first, then authors; each once, ascending). */
  examples: string[];
}

/** Change sets on one side of the comparison (single-team or cross-team). */
export interface CrossingSide {
  n: number;
  /** Median hours from opened to merged over the change sets that have an elapsed time; null when none has. */
  medianHours: number | null;
  /** Median people involved (authors + reviewers) per change set; null when n = 0. */
  people: number | null;
}

/** One size band (files per change set): the comparison is made inside a band. */
export interface CrossingBand {
  band: 'small' | 'medium' | 'large';
  single: CrossingSide;
  cross: CrossingSide;
  /** cross.medianHours / single.medianHours; null when either is missing or single's is 0. */
  ratio: number | null;
}

export interface CrossingRow {
  scope: { kind: 'team' | 'cluster' | 'all'; id: string | null };
  /** `2026-Q4` / `2026-11`; null = the whole window. */
  period: string | null;
  single: CrossingSide;
  cross: CrossingSide;
  /** Size-matched: the bands' ratios weighted by their cross-team counts; null when no band has both sides timed. */
  ratio: number | null;
  /** cross.n / (single.n + cross.n); null when both are 0. */
  crossShare: number | null;
  bands: CrossingBand[];
  /** An ESTIMATE of the effort that went into cross-team change sets (git-hours sessions, docs/metrics.md). */
  effort?: { hours: number; engineerDays: number; method: string; estimate: true };
  /** effort in money, only when conway.yml has `cost:` (cluster and whole-repository rows). */
  cost?: { amount: number; currency: string; perEngineerDay: number; estimate: true };
}

/** "--prs prs.json: 14 of 52 reviewer logins … match no team member" (their reviews count for no team); null when all match. One text for the report's notes and its Coordination section. */
export function prLoginText(s: ChangeSetSummary | undefined): string | null {
  const l = s?.prs?.logins;
  if (!l || (!l.unmatchedReviewers && !l.unmatchedAuthors)) return null;
  const part = (n: number, of: number, what: string) => `${n} of ${of} ${what} login${of === 1 ? '' : 's'}`;
  return `--prs ${s!.prs!.file}: ${part(l.unmatchedReviewers, l.reviewers, 'reviewer')} and ${part(l.unmatchedAuthors, l.authors, 'author')} match no team member (${l.examples.join(', ')}${l.examples.length === 10 && l.unmatchedReviewers + l.unmatchedAuthors > 10 ? ', …' : ''}); their reviews and pull requests count as no team's — add each as '@login' beside the member's address in conway.yml members, or join their addresses with a .mailmap`;
}
