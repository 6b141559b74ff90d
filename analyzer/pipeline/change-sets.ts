// Commits → change sets (model/change-set.ts), `--change-sets auto` (docs/metrics.md, "Change sets"):
//   1. a pull request from the `--prs` export whose merge commit is this commit (squash);
//   2. else a squash commit named `… (#123)`: the pull request #123 — even when a merge brought it
//      in: a release branch that merges main in brings dozens of already-merged pull requests,
//      which stay one change each (seen on firebase-js-sdk, whose `Merge main into release`
//      merges carry up to 29 squashed PRs);
//   3. else the export's pull request whose merge commit is the first-parent merge that brought
//      this commit in;
//   4. else that merge, with the other commits it brought in (history/merges.ts);
//   5. else the commit alone.
// Reviewers are the commits' Reviewed-by / Approved-by / Acked-by trailers plus, for an exported
// pull request, its reviews' authors (logins resolved by loginResolver below).
import type { ChangeSet, ChangeSetKind } from '../model/change-set';
import type { PullRequest, PullRequestExport } from '../model/pull-request';
import type { Commit } from '../model/types';
import type { MergeCommit } from '../history/merges';
import type { ChangeSetSummary } from '../contract/teamwork-crossing';
import type { HistoryResult } from '../history/mine';
import { commitChangeSet } from '../metrics/change-sets';
import type { People } from './people';

export type ChangeSetMode = 'auto' | 'commit';

export interface Grouping {
  changeSets: ChangeSet[];
  summary: ChangeSetSummary;
  /** With `--prs`: every author and reviewer login of the export → the person it resolved to. */
  prLogins?: PrLoginPeople;
}

export interface PrLoginPeople {
  authors: Map<string, string>;
  reviewers: Map<string, string>;
}

interface Draft {
  id: string;
  kind: ChangeSetKind;
  commits: Commit[];
  pr?: PullRequest;
  merge?: MergeCommit;
}

/** The change sets of the run: grouped (`auto`), or one per commit (`commit`, built once here so no metric rebuilds them). */
export function changeSetsFor(
  mode: ChangeSetMode,
  history: Pick<HistoryResult, 'commits' | 'merges'>,
  prs: PullRequestExport | null,
  people: People,
): Grouping {
  if (mode === 'commit') {
    const changeSets = history.commits.map(commitChangeSet);
    return {
      changeSets,
      summary: {
        mode,
        commits: history.commits.length,
        changeSets: changeSets.length,
        byKind: { pr: 0, merge: 0, commit: changeSets.length },
        multiCommit: 0,
        prs: null,
      },
    };
  }
  const merge = people.merge;
  return groupChangeSets(history.commits, history.merges, prs, (login) => {
    const p = merge.personOf(login);
    return merge.people.has(p) ? p : null;
  });
}

/**
 * Groups `commits` (newest first, identities final). `personOf` maps a forge login to a person
 * id when the people merge knows it (a team-map `@handle`, a noreply address), else null.
 */
export function groupChangeSets(
  commits: Commit[],
  merges: MergeCommit[],
  prs: PullRequestExport | null,
  personOf: (login: string) => string | null,
): Grouping {
  // Nothing to group (no merge, no export, no squash commit naming its pull request): one change per commit.
  if (!merges.length && !prs?.prs.length && !commits.some((c) => c.pr)) {
    const changeSets = commits.map((c) => toChangeSet({ id: c.sha, kind: 'commit', commits: [c] }, (l) => l));
    return { changeSets, summary: summarize(changeSets, commits.length, prs, 0) };
  }
  const mergeBySha = new Map(merges.map((m) => [m.sha, m]));
  const prByCommit = new Map((prs?.prs ?? []).filter((p) => p.mergeCommit).map((p) => [p.mergeCommit!, p]));
  // A squash commit the export lists under another oid (a rebased or cherry-picked copy) still names its number.
  const prByNumber = new Map((prs?.prs ?? []).map((p) => [p.number, p]));
  const drafts = new Map<string, Draft>();
  for (const c of commits) {
    const own = prByCommit.get(c.sha);
    const merge = own || c.pr ? undefined : c.mergedBy ? mergeBySha.get(c.mergedBy) : undefined;
    const pr = own ?? (merge ? prByCommit.get(merge.sha) : undefined) ?? (c.pr ? prByNumber.get(c.pr) : undefined);
    const key = pr ? `#${pr.number}` : c.pr ? `#${c.pr}` : merge ? merge.sha : c.sha;
    const d = drafts.get(key);
    if (d) d.commits.push(c);
    else drafts.set(key, { id: key, kind: pr || c.pr ? 'pr' : merge ? 'merge' : 'commit', commits: [c], pr, merge });
  }
  const login = loginResolver([...drafts.values()], personOf);
  const changeSets = [...drafts.values()].map((d) => toChangeSet(d, login));
  const matched = new Set([...drafts.values()].flatMap((d) => (d.pr ? [d.pr.number] : [])));
  const summary = summarize(changeSets, commits.length, prs, matched.size);
  return prs ? { changeSets, summary, prLogins: exportLogins(prs, login) } : { changeSets, summary };
}

/** The export's logins (every pull request, matched or not) and the people they resolve to. */
function exportLogins(prs: PullRequestExport, login: (l: string) => string): PrLoginPeople {
  const authors = new Map<string, string>();
  const reviewers = new Map<string, string>();
  for (const p of prs.prs) {
    if (p.author) authors.set(p.author.toLowerCase(), login(p.author));
    for (const r of p.reviewers) reviewers.set(r.toLowerCase(), login(r));
  }
  return { authors, reviewers };
}

function toChangeSet(d: Draft, login: (l: string) => string): ChangeSet {
  const files: string[] = [];
  // A set of the paths only for a change of many files: most are one commit of a few files.
  const seen = d.commits.length > 1 || d.commits[0].files.length > 16 ? new Set<string>() : null;
  const authors: string[] = [];
  const reviewers: string[] = [];
  let lines: number | null = 0;
  let first = Infinity;
  let last = -Infinity;
  for (const c of d.commits) {
    for (const f of c.files) {
      if (seen ? !seen.has(f.path) : !files.includes(f.path)) (seen?.add(f.path), files.push(f.path));
      lines = f.added === null || f.deleted === null || lines === null ? null : lines + f.added + f.deleted;
    }
    for (const p of [c.author, ...c.coAuthors]) if (!authors.includes(p)) authors.push(p);
    if (c.reviewers) for (const p of c.reviewers) if (!reviewers.includes(p)) reviewers.push(p);
    first = Math.min(first, c.date);
    last = Math.max(last, c.date);
  }
  for (const l of d.pr?.reviewers ?? []) {
    const p = login(l);
    if (!reviewers.includes(p)) reviewers.push(p);
  }
  const opened = d.pr ? d.pr.createdAt : first;
  const merged = d.pr ? d.pr.mergedAt : d.merge ? d.merge.date : last;
  return {
    id: d.id,
    kind: d.kind,
    commits: d.commits,
    files,
    lines,
    authors,
    reviewers: reviewers.length ? reviewers.filter((r) => !authors.includes(r)) : reviewers,
    opened,
    merged,
  };
}

/**
 * A forge login → person id: the people merge's answer (team-map `@handle`, GitHub noreply
 * address); else the one person who wrote most commits of the pull requests that login opened
 * (learned from the export itself); else the login, lowercased.
 */
export function loginResolver(drafts: Draft[], personOf: (login: string) => string | null): (login: string) => string {
  const votes = new Map<string, Map<string, number>>();
  for (const d of drafts) {
    const author = d.pr?.author?.toLowerCase();
    if (!author) continue;
    const v = votes.get(author) ?? votes.set(author, new Map()).get(author)!;
    for (const c of d.commits) v.set(c.author, (v.get(c.author) ?? 0) + 1);
  }
  const memo = new Map<string, string>();
  return (raw) => {
    const l = raw.toLowerCase();
    let p = memo.get(l);
    if (p === undefined) {
      const best = [...(votes.get(l) ?? [])].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
      memo.set(l, (p = personOf(l) ?? best?.[0] ?? l));
    }
    return p;
  };
}

function summarize(
  sets: ChangeSet[],
  commits: number,
  prs: PullRequestExport | null,
  matched: number,
): ChangeSetSummary {
  const byKind = { pr: 0, merge: 0, commit: 0 };
  for (const s of sets) byKind[s.kind]++;
  return {
    mode: 'auto',
    commits,
    changeSets: sets.length,
    byKind,
    multiCommit: sets.filter((s) => s.commits.length > 1).length,
    prs: prs ? { file: prs.file, source: prs.source, exported: prs.prs.length, matched } : null,
  };
}
