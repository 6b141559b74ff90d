// Incremental history cache. Lives under the user's cache directory
// (`$XDG_CACHE_HOME/conway` or `~/.cache/conway`), never inside the repository. One NDJSON file
// per key = sha256(repository real path + option fingerprint, .mailmap included): a header line
// `{"v", "head", "mode", "notes", "count"}` then one raw commit per line as a compact array,
// newest first. A cache is only used when it is whole — the count matches and every row has
// the right shape — and every I/O fault (read-only, a file where a directory belongs, a full
// disk) is a miss: a broken cache only ever costs a re-mine. Raw commits (before identity, bot and path filtering) are stored, so changing the team
// map or the globs reuses the cache. Read and written as streams: a 1M-commit cache never
// becomes one string.
import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { readLines, writeLinesAtomic } from '../collect/cache-stream';
import { fileStamp, isRegularFile } from '../collect/file-stats';
import type { FileChange } from '../model/types';
import type { WarmContext } from '../model/warm';
import { NONE, type LogMode, type RawCommit } from './parseLog';

const VERSION = 6; // 3: rows end with the commit's subject print (automated.ts); 4: `bump … to N` subjects are machine-written; 5: review trailers and the squash PR number (change sets); 6: text files over 256 KB have line counts (recount-big.ts)

export interface CacheEntry {
  head: string;
  mode: LogMode;
  notes: string[];
  commits: RawCommit[];
}

/**
 * The user's cache directory for Conway, or null when there is none to use. A relative
 * XDG_CACHE_HOME is ignored, as the XDG Base Directory spec requires (it would put the cache
 * inside whatever directory Conway runs in — the analysed repository); so is a relative HOME.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'conway');
  const home = env.HOME ?? homedir();
  return home && isAbsolute(home) ? join(home, '.cache', 'conway') : null;
}

/** Path of the cache file for a repository and the options that change what git outputs. */
export function cacheFile(cacheDir: string, repoRealPath: string, fingerprint: unknown): string {
  const key = createHash('sha256')
    .update(JSON.stringify([VERSION, repoRealPath, fingerprint]))
    .digest('hex');
  return join(cacheDir, 'history', `${key.slice(0, 32)}.ndjson`);
}

// A long-lived process (the editor's worker, with its WarmContext) keeps the entry it last read
// or wrote, and uses it while the file on disk is the one it knows (same size and mtime): no
// re-parse per update. A one-shot CLI run (no context) keeps nothing: it would only hold the raw
// commits in memory for nothing. A warm process also writes the disk copy (only needed by its
// next start) a moment after the update, so serialising thousands of commits is not on the path
// from a commit to its report; until then the entry in memory is the one read.
const WRITE_DELAY_MS = 300;

/** What a warm process keeps of one repository's history cache files. */
export interface HistoryWarm {
  context: WarmContext;
  entries: Map<string, { stamp: string; entry: CacheEntry }>;
  pending: Map<string, { entry: CacheEntry; done: Promise<void> }>;
}

/** The history-cache state of `root` in a warm process; undefined in a one-shot run. */
export function historyWarm(context: WarmContext | undefined, root: string): HistoryWarm | undefined {
  return context?.slot(root, 'history-cache', () => ({ context, entries: new Map(), pending: new Map() }));
}

function stampOf(file: string): string {
  const stamp = fileStamp(file);
  return stamp === 'missing' ? 'gone' : stamp;
}

/** Reads a cache file, or null when absent or unreadable (a broken cache only costs a re-mine). */
export async function readCache(file: string, warm?: HistoryWarm): Promise<CacheEntry | null> {
  const queued = warm?.pending.get(file);
  if (queued) return queued.entry;
  if (!isRegularFile(file)) return null; // absent, or a directory or FIFO where the file belongs (a FIFO would block the read)
  const known = warm?.entries.get(file);
  if (known && known.stamp === stampOf(file)) return known.entry;
  try {
    const lines = readLines(file);
    let entry: CacheEntry | null = null;
    let count = -1;
    const strings = new Map<string, string>();
    const intern = (s: string) => strings.get(s) ?? (strings.set(s, s), s);
    for await (const line of lines) {
      if (!line) continue;
      if (entry) entry.commits.push(decodeCommit(JSON.parse(line), intern));
      else [entry, count] = decodeHeader(JSON.parse(line));
    }
    // Truncated (even at a line boundary) or padded: not the cache that was written.
    if (!entry || entry.commits.length !== count) return null;
    warm?.entries.set(file, { stamp: stampOf(file), entry });
    return entry;
  } catch {
    return null;
  }
}

/** Writes the cache; in a warm process the disk write is queued and this returns at once. Never throws. */
export async function writeCache(file: string, entry: CacheEntry, warm?: HistoryWarm): Promise<void> {
  if (!warm) return writeFile(file, entry).catch(() => undefined); // a cache that could not be written only costs a re-mine
  const { entries, pending } = warm;
  const before = pending.get(file)?.done ?? Promise.resolve();
  const done = before
    .then(() => new Promise((resolve) => setTimeout(resolve, WRITE_DELAY_MS)))
    .then(() => writeFile(file, entry))
    .then(
      () => void entries.set(file, { stamp: stampOf(file), entry }),
      () => undefined, // a cache that could not be written only costs a re-mine
    )
    .finally(() => {
      if (pending.get(file)?.entry === entry) pending.delete(file);
    });
  pending.set(file, { entry, done });
  warm.context.track(done);
}

/** Writes atomically (temp file + rename) so a crash never leaves half a cache. */
function writeFile(file: string, entry: CacheEntry): Promise<void> {
  return writeLinesAtomic(file, linesOf(entry));
}

function* linesOf(entry: CacheEntry): Iterable<string> {
  yield (
    JSON.stringify({
      v: VERSION,
      head: entry.head,
      mode: entry.mode,
      notes: entry.notes,
      count: entry.commits.length,
    }) + '\n'
  );
  for (const c of entry.commits) yield JSON.stringify(encodeCommit(c)) + '\n';
}

/** The last two columns (review trailers, squash PR number; 0 = none) are written only when a commit has them. */
type Row = [string, string, string, number, string[], (string | number | null)[][], number, string[]?, number?];

function encodeCommit(c: RawCommit): Row {
  const files = c.files.map((f) =>
    f.oldPath === undefined ? [f.path, f.added, f.deleted] : [f.path, f.added, f.deleted, f.oldPath],
  );
  const row: Row = [c.sha, c.name, c.email, c.date, c.coAuthors, files, c.subject];
  if (c.reviewers || c.pr) row.push(c.reviewers ?? [], c.pr ?? 0);
  return row;
}

/** Paths and names repeat across commits: one shared string each keeps a big cache small. */
function decodeCommit(row: Row, intern: (s: string) => string): RawCommit {
  if (!Array.isArray(row) || (row.length !== 7 && row.length !== 9)) throw new Error('bad row');
  const [sha, name, email, date, coAuthors, files, subject, reviewers, pr] = row;
  if (
    row.length === 9 &&
    (!Array.isArray(reviewers) || !reviewers.every(isStr) || !Number.isInteger(pr) || (pr as number) < 0)
  )
    throw new Error('bad row');
  if (
    !isStr(sha) ||
    !isStr(name) ||
    !isStr(email) ||
    typeof date !== 'number' ||
    !Array.isArray(coAuthors) ||
    !coAuthors.every(isStr) ||
    !Array.isArray(files) ||
    !Number.isInteger(subject) ||
    subject < 0 ||
    subject > 0x7fffffff
  )
    throw new Error('bad row');
  const commit: RawCommit = {
    sha,
    name: intern(name),
    email: intern(email),
    date,
    coAuthors: coAuthors.length ? coAuthors.map(intern) : NONE,
    files: files.length ? files.map((f) => decodeFile(f, intern)) : NONE,
    subject,
  };
  if (reviewers?.length) commit.reviewers = reviewers.map(intern);
  if (pr) commit.pr = pr;
  return commit;
}

function decodeFile(f: (string | number | null)[], intern: (s: string) => string): FileChange {
  if (
    !Array.isArray(f) ||
    (f.length !== 3 && f.length !== 4) ||
    !isStr(f[0]) ||
    !isCount(f[1]) ||
    !isCount(f[2]) ||
    (f.length === 4 && !isStr(f[3]))
  )
    throw new Error('bad file');
  const change: FileChange = { path: intern(f[0]), added: f[1], deleted: f[2] };
  if (f.length > 3) change.oldPath = intern(f[3] as string);
  return change;
}

function decodeHeader(h: {
  v: number;
  head: string;
  mode: LogMode;
  notes: string[];
  count: number;
}): [CacheEntry, number] {
  if (
    h?.v !== VERSION ||
    !isStr(h.head) ||
    (h.mode !== 'numstat' && h.mode !== 'name-status') ||
    !Array.isArray(h.notes) ||
    !h.notes.every(isStr) ||
    !Number.isInteger(h.count)
  )
    throw new Error('not this version');
  return [{ head: h.head, mode: h.mode, notes: h.notes, commits: [] }, h.count];
}

function isStr(v: unknown): v is string {
  return typeof v === 'string';
}

function isCount(v: unknown): v is number | null {
  return v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 0);
}
