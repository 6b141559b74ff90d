// History mining, the public entry point: repository → Commit records (newest first).
//   1. expected states: not a repository (RepoStateError), no commits (empty result + note),
//      shallow clone (shallow: true + note), detached HEAD (works: HEAD is a commit);
//   2. cache: if the cached head is an ancestor of HEAD, mine only `cachedHead..HEAD` and
//      prepend (cache.ts); otherwise mine everything;
//   3. git log, sharded and streamed (logRun.ts), parsed by LogParser (parseLog.ts);
//   4. automated commits tallied per account (automated.ts), then bots dropped (bots.ts),
//      identities resolved, paths filtered (commits.ts).
// Paths are as git reported them; pass headNames (or apply followRenames, renames.ts) for HEAD names.
import { realPath } from '../collect/file-stats';
import { findRepoRoot, GitError, runGit } from '../collect/git';
import { headAndShallow } from '../collect/repo-state';
import type { Commit } from '../model/types';
import type { WarmContext } from '../model/warm';
import { tallyAutomation, type AutomationTally } from './automated';
import { makeBotTest } from './bots';
import { attributesFile } from './attributes-file';
import { cacheFile, defaultCacheDir, historyWarm, readCache, writeCache, type CacheEntry } from './cache';
import { toCommits } from './commits';
import { makeResolver, type Member } from './identity';
import { mailmapKey } from './mailmap-key';
import { listShas, runLog, type LogRun } from './logRun';
import type { LogMode, RawCommit } from './parseLog';
import { makePathFilter } from './paths';
import { mineMerges, type MergeCommit } from './merges';

export interface MineOptions {
  since?: string;
  until?: string;
  firstParent?: boolean;
  include?: string[];
  exclude?: string[];
  /** replaces the default excludes (lockfiles, generated, vendored, dist/, node_modules/, *.min.js, …) */
  defaultExcludes?: string[];
  /** --name-status, no line counts: added/deleted null */
  fast?: boolean;
  /** extra bot patterns (case-insensitive substrings of name or email) */
  bots?: string[];
  includeBots?: boolean;
  /** from the team map: emails, git names, @handles mapping to one person id */
  members?: Member[];
  /** default true */
  cache?: boolean;
  cacheDir?: string;
  shards?: number;
  signal?: AbortSignal;
  onProgress?: (p: { phase: string; commits: number; total?: number }) => void;
  /** Paths as the files' newest names (followRenames), not as git reported them. */
  headNames?: boolean;
  /** The caller already resolved repoDir to the repository root (saves a git call). */
  rootKnown?: boolean;
  /** The caller already read HEAD's commit and shallowness (collect/repo-state.ts; saves a git call). */
  state?: { head: string | null; shallow: boolean; parents?: string[] };
  /** A long-lived process's state (model/warm.ts): cache entries and path filters kept between runs. */
  warm?: WarmContext;
  /** Also find which first-parent merge brought each commit in (merges.ts; `--change-sets auto`). */
  merges?: boolean;
}

export interface HistoryResult {
  head: string | null;
  commits: Commit[];
  shallow: boolean;
  notes: string[];
  mode: LogMode;
  fromCache: number;
  mined: number;
  /** Authors dropped as bots: listed in the report, never dropped silently. */
  bots: DroppedBot[];
  /** Automated/total commits per account over every mined commit (cached and new): who is a bot by name *and* behaviour. */
  automation: AutomationTally;
  /** Co-author person id → `name\x1femail` → trailers: the names co-author trailers give (people/merge.ts). */
  coAuthorNames: Map<string, Map<string, number>>;
  /** The window's first-parent merges (with `merges`); each commit they brought in has `mergedBy`. */
  merges: MergeCommit[];
}

export interface DroppedBot {
  name: string;
  email: string;
  commits: number;
  changes: number;
}

export const SHALLOW_NOTE = 'history is partial: shallow clone (git fetch --unshallow for full history)';
export const EMPTY_NOTE = 'the repository has no commits yet: there is no history to analyze';

export async function mineHistory(repoDir: string, opts: MineOptions = {}): Promise<HistoryResult> {
  const root = opts.rootKnown ? repoDir : await findRepoRoot(repoDir);
  const { head, shallow } = opts.state ?? (await headAndShallow(root));
  const wanted: LogMode = opts.fast ? 'name-status' : 'numstat';
  const notes = shallow ? [SHALLOW_NOTE] : [];
  if (head === null)
    return {
      head,
      commits: [],
      shallow,
      notes: [...notes, EMPTY_NOTE],
      mode: wanted,
      fromCache: 0,
      mined: 0,
      bots: [],
      automation: new Map(),
      coAuthorNames: new Map(),
      merges: [],
    };
  // The merge pass is a separate, cheap git walk: it runs while the log is mined.
  const mergesRun =
    opts.merges && !opts.firstParent
      ? mineMerges(root, head, {
          since: opts.since,
          until: opts.until,
          cacheDir: mergeCacheDir(opts),
          signal: opts.signal,
          warm: opts.warm,
        })
      : null;
  mergesRun?.catch(() => undefined); // awaited below
  const raw = await mineWithCache(root, head, wanted, opts);
  const bots = new Map<string, DroppedBot>();
  // Per account, before any commit is dropped: the cache entry holds cached and new commits alike.
  const automation = tallyAutomation(raw.entry.commits);
  const coAuthorNames = new Map<string, Map<string, number>>();
  const malformed: string[] = [];
  const commits = toCommits(raw.entry.commits, {
    resolve: makeResolver(opts.members),
    isBot: makeBotTest(opts.bots, automation),
    includeBots: opts.includeBots ?? false,
    keepPath: makePathFilter(
      opts,
      opts.warm?.slot(root, 'path-filters', () => new Map()),
    ),
    // A one-shot run owns the raw commits: each is dropped once converted, so at 1M commits the
    // raw and the converted records are not all alive together.
    consume: !opts.warm,
    // Renamed here, not by the caller: no commit is held both as git named it and renamed.
    headNames: opts.headNames,
    onBot: (name, email, changes) => tallyBot(bots, name, email, changes),
    onCoAuthor: (person, name, email) => tallyCoAuthor(coAuthorNames, person, name, email),
    onMalformed: (value) => malformed.push(value),
  });
  const allNotes = [...notes, ...raw.entry.notes, ...malformedNote(malformed)];
  const groups = mergesRun ? await mergesRun : null;
  if (groups?.mergedBy.size) {
    for (const c of commits) {
      const m = groups.mergedBy.get(c.sha);
      if (m) c.mergedBy = m;
    }
  }
  return {
    head,
    commits,
    shallow,
    notes: allNotes,
    mode: raw.entry.mode,
    fromCache: raw.fromCache,
    mined: raw.mined,
    bots: [...bots.values()],
    automation,
    coAuthorNames,
    merges: groups?.merges ?? [],
  };
}

/** The merge groups are cached beside the history, under the same rules (no cache for relative dates). */
function mergeCacheDir(opts: MineOptions): string | null {
  const dir = opts.cache === false ? null : (opts.cacheDir ?? defaultCacheDir());
  return dir !== null && isAbsoluteDate(opts.since) && isAbsoluteDate(opts.until) ? dir : null;
}

function tallyBot(bots: Map<string, DroppedBot>, name: string, email: string, changes: number): void {
  const key = `${name}\x1f${email.toLowerCase()}`;
  const b = bots.get(key) ?? bots.set(key, { name, email, commits: 0, changes: 0 }).get(key)!;
  b.commits++;
  b.changes += changes;
}

function tallyCoAuthor(names: Map<string, Map<string, number>>, person: string, name: string, email: string): void {
  const pairs = names.get(person) ?? names.set(person, new Map()).get(person)!;
  const key = `${name}\x1f${email}`;
  pairs.set(key, (pairs.get(key) ?? 0) + 1);
}

/** Trailers git would not read as an identity: said, never made into people. */
function malformedNote(values: string[]): string[] {
  if (!values.length) return [];
  const shown = [...new Set(values)]
    .slice(0, 3)
    .map((v) => `\`${v}\``)
    .join(', ');
  return [
    `${values.length} Co-authored-by trailer${values.length === 1 ? '' : 's'} ignored: not \`Name <email>\` (${shown})`,
  ];
}

async function mineWithCache(root: string, head: string, wanted: LogMode, opts: MineOptions) {
  // --no-cache never touches the cache directory; an unusable one only costs a re-mine.
  const cacheDir = opts.cache === false ? null : (opts.cacheDir ?? defaultCacheDir());
  const useCache = cacheDir !== null && isAbsoluteDate(opts.since) && isAbsoluteDate(opts.until);
  const file = useCache
    ? cacheFile(cacheDir, realPath(root), [opts.since, opts.until, !!opts.firstParent, wanted, await mailmapKey(root)])
    : null;
  const base = file
    ? await usableCache(root, head, await readCache(file, historyWarm(opts.warm, root)), opts.state?.parents)
    : null;
  let run: LogRun = { commits: [], mode: base?.mode ?? wanted, notes: [] };
  if (base?.head !== head) {
    const attributes = attributesFile(cacheDir);
    try {
      run = await runLog(root, base ? [`${base.head}..${head}`] : [head], run.mode, attributes.file, opts);
    } finally {
      attributes.dispose();
    }
  }
  const entry: CacheEntry = {
    head,
    mode: run.mode,
    notes: [...new Set([...(base?.notes ?? []), ...run.notes])],
    commits: base && run.commits.length ? await inLogOrder(root, head, run.commits, base, opts) : (base ?? run).commits,
  };
  if (file && base?.head !== head) await writeCache(file, entry, historyWarm(opts.warm, root));
  return { entry, fromCache: base?.commits.length ?? 0, mined: run.commits.length };
}

/**
 * The commits in the order a full `git log` lists them. New commits merely put before the cached
 * ones are not: a merged branch's older commits interleave by date with the cached ones, and
 * every consumer of the order (window first/last, coupling evidence, first-seen orders) would
 * make the warm report differ from a cold one. One commit on top of the cached head is already
 * in order; otherwise a rev-list of shas (tens of ms on 15k commits) gives the order.
 */
async function inLogOrder(
  root: string,
  head: string,
  added: RawCommit[],
  base: CacheEntry,
  opts: MineOptions,
): Promise<RawCommit[]> {
  const commits = added.concat(base.commits);
  const parents = opts.state?.parents;
  if (added.length === 1 && added[0].sha === head && parents?.length === 1 && parents[0] === base.head) return commits;
  const bySha = new Map(commits.map((c) => [c.sha, c]));
  const ordered = (await listShas(root, [head], opts)).flatMap((s) => bySha.get(s) ?? []);
  return ordered.length === commits.length ? ordered : commits;
}

/**
 * The cached entry when HEAD descends from its head (so only newer commits are missing). One
 * commit on top of the cached head (HEAD's parents are known from readRepoState) needs no git.
 */
async function usableCache(
  root: string,
  head: string,
  cached: CacheEntry | null,
  parents?: string[],
): Promise<CacheEntry | null> {
  if (!cached) return null;
  if (cached.head === head || parents?.includes(cached.head)) return cached;
  try {
    await runGit(root, ['merge-base', '--is-ancestor', cached.head, head]);
    return cached;
  } catch (e) {
    if (e instanceof GitError) return null; // not an ancestor (rewritten history) or unknown commit
    throw e;
  }
}

/** Relative dates (`6 months ago`) move with the clock, so a cache keyed by them would go stale. */
function isAbsoluteDate(d: string | undefined): boolean {
  return d === undefined || !Number.isNaN(Date.parse(d));
}
export { canonicalPaths, followRenames } from './renames';
