// Which first-parent merge brought each commit in: the grouping behind merge change sets
// (model/change-set.ts). The mined history skips merges (`rev-list --no-merges`), so a merged
// branch's commits look like unrelated changes; this pass gives them back their merge.
//   1. git log --first-parent --merges --format=%H %P %ct %s [--since] [--until] HEAD
//      the merges on the mainline inside the window (none: nothing more to do — the common case
//      for squash-merging repositories, one cheap git call);
//   2. git rev-list --parents HEAD ^<oldest merge>^1
//      every commit a window merge can bring in (the rest is reachable from before the window);
//   3. walk the mainline oldest → newest keeping `seen` = everything reachable from the previous
//      mainline commit: a merge M brings in what its other parents reach that is not yet seen,
//      exactly `git rev-list M^1..M^2` (and ^3… for an octopus), each commit counted once.
// Cached by HEAD (and window) beside the history cache, merges or none: an unchanged HEAD costs no
// git call.
import { realPath } from '../collect/file-stats';
import { readLines, writeLinesAtomic } from '../collect/cache-stream';
import { isRegularFile } from '../collect/file-stats';
import { streamGit } from '../collect/git';
import { cacheFile } from './cache';
import { gitDate } from './window';
import type { WarmContext } from '../model/warm';

export interface MergeCommit {
  sha: string;
  /** Committer date of the merge (Unix seconds): when the change reached the mainline. */
  date: number;
  /** `Merge pull request #123 from …` (GitHub) names its pull request; absent otherwise. */
  pr?: number;
}

export interface MergeGroups {
  merges: MergeCommit[];
  /** Non-merge commit sha → sha of the first-parent merge that brought it in. */
  mergedBy: Map<string, string>;
}

export interface MergeOptions {
  since?: string;
  until?: string;
  /** null: no cache (--no-cache or no cache directory). */
  cacheDir: string | null;
  signal?: AbortSignal;
  /** A long-lived process (the editor's worker) keeps the last answer: a save without a new commit costs no git call. */
  warm?: WarmContext;
}

const VERSION = 1;
const GITHUB_MERGE = /^Merge pull request #(\d{1,9}) /;

export async function mineMerges(root: string, head: string, opts: MergeOptions): Promise<MergeGroups> {
  const key = JSON.stringify([head, opts.since, opts.until]);
  const kept = opts.warm?.slot(root, 'merge-groups', () => ({ key: '', groups: null as MergeGroups | null }));
  if (kept?.groups && kept.key === key) return kept.groups;
  const groups = await mergesOf(root, head, opts);
  if (kept) Object.assign(kept, { key, groups });
  return groups;
}

async function mergesOf(root: string, head: string, opts: MergeOptions): Promise<MergeGroups> {
  const file = opts.cacheDir
    ? cacheFile(opts.cacheDir, realPath(root), ['merges', VERSION, opts.since, opts.until])
    : null;
  const cached = file ? await readMergeCache(file, head) : null;
  if (cached) return cached;
  const groups = await computeMerges(root, head, opts);
  // Also without merges: that one git call walks the whole window (≈ 70 ms of git on 50k commits), a
  // one-line file is cheaper to read.
  if (file) await writeLinesAtomic(file, mergeLines(head, groups)).catch(() => undefined); // an unwritable cache only costs a re-run
  return groups;
}

async function computeMerges(root: string, head: string, opts: MergeOptions): Promise<MergeGroups> {
  const args = ['log', '--first-parent', '--merges', '--no-color', '--format=%H%x1f%P%x1f%ct%x1f%s'];
  if (opts.since) args.push(`--since=${gitDate(opts.since)}`);
  if (opts.until) args.push(`--until=${gitDate(opts.until)}`);
  const merges: MergeCommit[] = [];
  let oldestBase = '';
  for (const line of (await collect(root, [...args, head, '--'], opts.signal)).split('\n')) {
    if (!line) continue;
    const [sha, parents, date, subject = ''] = line.split('\x1f');
    const m: MergeCommit = { sha, date: Number(date) };
    const pr = GITHUB_MERGE.exec(subject);
    if (pr) m.pr = Number(pr[1]);
    merges.push(m);
    oldestBase = parents.split(' ')[0];
  }
  if (!merges.length) return { merges, mergedBy: new Map() };
  const graph = parseParents(await collect(root, ['rev-list', '--parents', head, `^${oldestBase}`, '--'], opts.signal));
  return { merges, mergedBy: bringIns(graph, head, new Set(merges.map((m) => m.sha))) };
}

/** `sha parent…` lines → sha → parents. */
export function parseParents(text: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    if (!line) continue;
    const [sha, ...parents] = line.split(' ');
    graph.set(sha, parents);
  }
  return graph;
}

/**
 * Step 3 above, pure: `graph` holds every commit that may be brought in (commits outside it are
 * reachable from before the window, so already seen); returns commit → the merge that brought it.
 */
export function bringIns(graph: Map<string, string[]>, head: string, windowMerges: Set<string>): Map<string, string> {
  const mainline: string[] = [];
  for (let c: string | undefined = head; c !== undefined && graph.has(c); c = graph.get(c)![0]) mainline.push(c);
  const seen = new Set<string>();
  const out = new Map<string, string>();
  for (let i = mainline.length - 1; i >= 0; i--) {
    const m = mainline[i];
    seen.add(m);
    const parents = graph.get(m)!;
    if (parents.length < 2) continue;
    const stack = parents.slice(1).filter((p) => graph.has(p) && !seen.has(p));
    for (const p of stack) seen.add(p);
    while (stack.length) {
      const c = stack.pop()!;
      const ps = graph.get(c)!;
      // A merge inside the branch (main merged into it) brings nothing of its own: it is not mined.
      if (ps.length < 2 && windowMerges.has(m)) out.set(c, m);
      for (const p of ps) if (graph.has(p) && !seen.has(p)) (seen.add(p), stack.push(p));
    }
  }
  return out;
}

async function collect(root: string, args: string[], signal?: AbortSignal): Promise<string> {
  const chunks: string[] = [];
  for await (const chunk of streamGit(root, args, { signal })) chunks.push(chunk);
  return chunks.join('');
}

function* mergeLines(head: string, g: MergeGroups): Iterable<string> {
  const byMerge = new Map<string, string[]>();
  for (const [c, m] of g.mergedBy) (byMerge.get(m) ?? byMerge.set(m, []).get(m)!).push(c);
  yield JSON.stringify({ v: VERSION, head, count: g.merges.length }) + '\n';
  for (const m of g.merges) yield JSON.stringify([m.sha, m.date, m.pr ?? 0, byMerge.get(m.sha) ?? []]) + '\n';
}

/** The cached groups for this HEAD, or null (absent, another HEAD, unreadable: a re-run). */
async function readMergeCache(file: string, head: string): Promise<MergeGroups | null> {
  if (!isRegularFile(file)) return null;
  try {
    let count = -1;
    const merges: MergeCommit[] = [];
    const mergedBy = new Map<string, string>();
    for await (const line of readLines(file)) {
      if (!line) continue;
      const row = JSON.parse(line) as unknown;
      if (count < 0) {
        const h = row as { v?: number; head?: string; count?: number };
        if (h.v !== VERSION || h.head !== head || !Number.isInteger(h.count)) return null;
        count = h.count!;
        continue;
      }
      const [sha, date, pr, commits] = row as [string, number, number, string[]];
      if (typeof sha !== 'string' || typeof date !== 'number' || !Number.isInteger(pr) || !Array.isArray(commits))
        return null;
      merges.push(pr ? { sha, date, pr } : { sha, date });
      for (const c of commits) mergedBy.set(c, sha);
    }
    return merges.length === count ? { merges, mergedBy } : null;
  } catch {
    return null;
  }
}
