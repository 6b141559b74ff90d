// `conway review`: what a change does, before it lands — whose approval it needs (CODEOWNERS of
// the base, as the forge computes it), which other teams import what it changes, which import
// edges between teams it adds or removes, which violations it introduces or fixes, and who in
// each required team knows the changed files best.
//
//   change   merge base of --base and --head (or HEAD and the index / the work tree)
//   sides    base and head as file lists + readers (side.ts), no checkout, nothing written
//   models   ownership, edges, violations per side (side-model.ts), from the work tree's graph
//   review   approvals.ts, impact.ts, reviewers.ts
import { runGit } from '../collect/git';
import { listTrackedIndex } from '../collect/tracked-files';
import { defaultBaseRef, diffChanges, listUntracked, mergeBase, resolveCommit, type Change } from '../collect/revision';
import { readRepoState } from '../collect/repo-state';
import { UserError } from '../contract/errors';
import { defaultCacheDir } from '../history/cache';
import { mineHistory } from '../history/mine';
import { defaultSince } from '../history/window';
import { buildImportGraph, hasWarmImports } from '../imports';
import { approvalSet } from './approval-set';
import { botApprovalNotes } from './bot-notes';
import { fileRows, requiredApprovals } from './approvals';
import { affectedTeams, edgeChanges, independenceChanges, violationChanges } from './impact';
import { suggestReviewers } from './reviewers';
import { sideAtCommit, sideAtIndex, sideAtWorktree, type Side } from './side';
import type { ParsedTeamMap } from '../teams/parse';
import type { WarmContext } from '../model/warm';
import { buildSideModel, type SideInputs } from './side-model';
import { REVIEW_SCHEMA_VERSION, type Review } from '../contract/review';

export type { Review } from '../contract/review';

export interface ReviewOptions extends Partial<SideInputs> {
  base?: string;
  head?: string;
  /** Compare the index (staged) or the work tree (staged + unstaged + untracked) with the base. */
  mode?: 'refs' | 'staged' | 'working-tree';
  cache?: boolean;
  cacheDir?: string;
  /** Reviewers come from changes made in this many days before the base commit (default 365; the
   *  history read is the analysis's default window, 12 months before HEAD). */
  recentDays?: number;
  signal?: AbortSignal;
  /** A long-lived process's state (model/warm.ts): history and import graph kept between runs. */
  warm?: WarmContext;
}

interface Target {
  base: string;
  baseRef: string | null;
  head: string;
  headRef: string;
  /** HEAD's commit (whose history the cache holds). */
  headCommit: string;
  changes: Change[];
  headSide: () => Promise<Side>;
}

export async function reviewChange(repoDir: string, opts: ReviewOptions = {}): Promise<Review> {
  // One git call for the top level, HEAD, its parents and shallowness (shared with mineHistory).
  const state = await readRepoState(repoDir);
  const root = state.root;
  if (state.head === null) throw new UserError(`${root} has no commits yet: there is no change to review`);
  const inputs: SideInputs = {
    flavor: opts.flavor ?? 'github',
    codeowners: opts.codeowners,
    teams: opts.teams,
    catalog: opts.catalog,
    ownership: opts.ownership,
    exclude: opts.exclude,
  };
  const target = await resolveTarget(root, state.head, opts);
  const [baseDate, headDate] = await commitDates(root, [target.base, target.headCommit]);
  // The window `conway analyze` and `check` use by default (12 months before HEAD), so the three
  // share one history cache and a review after a check mines nothing.
  const historyRun = mineHistory(root, {
    rootKnown: true,
    state,
    headNames: true,
    since: defaultSince(headDate),
    cache: opts.cache,
    cacheDir: opts.cacheDir,
    signal: opts.signal,
    warm: opts.warm,
  });
  historyRun.catch(() => undefined);
  const importCache = opts.cache !== false ? (opts.cacheDir ?? defaultCacheDir() ?? undefined) : undefined;
  const index = await listTrackedIndex(root, {
    modified: hasWarmImports(root, importCache, opts.warm),
    signal: opts.signal,
  });
  const [disk, baseSide, headSide] = await Promise.all([
    buildImportGraph(root, {
      exclude: opts.exclude,
      index,
      cacheDir: importCache,
      signal: opts.signal,
      warm: opts.warm,
    }),
    sideAtCommit(root, target.base),
    target.headSide(),
  ]);
  // Both sides usually carry the same conway.yml: parsed once per text for this review.
  const teamMaps = new Map<string, ParsedTeamMap>();
  const base = buildSideModel(root, baseSide, disk, inputs, teamMaps);
  const head = buildSideModel(root, headSide, disk, inputs, teamMaps);
  const { changes } = target;
  const approvals = requiredApprovals(changes, base);
  const [history, own] = await Promise.all([historyRun, ownCommits(root, target)]);
  const renames = new Map(changes.filter((c) => c.oldPath !== undefined).map((c) => [c.oldPath!, c.path]));
  return {
    schemaVersion: REVIEW_SCHEMA_VERSION,
    base: target.base,
    head: target.head,
    baseRef: target.baseRef,
    headRef: target.headRef,
    codeowners: base.ownership.codeowners?.path ?? null,
    files: fileRows(changes, base),
    approvals,
    approvalSet: approvalSet(approvals),
    affectedTeams: affectedTeams(changes, base, head),
    edges: edgeChanges(base, head),
    violations: violationChanges(base, head),
    independence: independenceChanges(changes, base, head),
    reviewers: suggestReviewers(
      { commits: history.commits, renames, own, since: baseDate - (opts.recentDays ?? 365) * 86_400 },
      approvals,
      base,
    ),
    notes: [
      ...history.notes,
      ...botApprovalNotes(base, approvals, history.bots, inputs.flavor),
      ...(base.ownership.codeowners
        ? []
        : [
            `no CODEOWNERS file${opts.ownership === 'catalog' ? ' (no Backstage catalog)' : ''} at the base (${target.base.slice(0, 12)}): no approvals are required`,
          ]),
    ],
  };
}

async function resolveTarget(root: string, current: string, opts: ReviewOptions): Promise<Target> {
  const mode = opts.mode ?? 'refs';
  const headRef = mode === 'refs' ? (opts.head ?? 'HEAD') : 'HEAD';
  const headCommit = headRef === 'HEAD' ? current : await resolveCommit(root, headRef, '--head');
  const baseRef = opts.base ?? (mode === 'refs' ? await defaultBaseRef(root) : null);
  const base =
    baseRef === null ? headCommit : await mergeBase(root, await resolveCommit(root, baseRef, '--base'), headCommit);
  if (mode === 'staged')
    return {
      base,
      baseRef,
      head: 'index',
      headRef: 'index',
      headCommit: current,
      changes: await diffChanges(root, ['--cached', base]),
      headSide: () => sideAtIndex(root),
    };
  if (mode === 'working-tree') {
    const [tracked, untracked] = await Promise.all([diffChanges(root, [base]), listUntracked(root)]);
    const changes = [...tracked, ...untracked.map((path) => ({ path, status: 'added' as const }))];
    return {
      base,
      baseRef,
      head: 'worktree',
      headRef: 'worktree',
      headCommit: current,
      changes,
      headSide: () => sideAtWorktree(root),
    };
  }
  return {
    base,
    baseRef,
    head: headCommit,
    headRef,
    headCommit: current,
    changes: await diffChanges(root, [base, headCommit]),
    headSide: () => sideAtCommit(root, headCommit),
  };
}

/** Committer dates (Unix seconds) of the given commits, in order (git shows a commit named twice once). */
async function commitDates(root: string, commits: string[]): Promise<number[]> {
  const unique = [...new Set(commits)];
  const dates = (await runGit(root, ['show', '-s', '--format=%ct', ...unique])).trim().split('\n').map(Number);
  return commits.map((c) => dates[unique.indexOf(c)]);
}

/** The change's own commits (base..head): their authors are not suggested to review it. */
async function ownCommits(root: string, t: Target): Promise<Set<string>> {
  if (t.head === 'index' || t.head === 'worktree' || t.head === t.base) return new Set();
  return new Set((await runGit(root, ['rev-list', `${t.base}..${t.head}`])).split('\n').filter(Boolean));
}
