// Incremental history cache (issue 3, "Incremental"). Lives under the user's cache directory
// (`$XDG_CACHE_HOME/conway` or `~/.cache/conway`), never inside the repository. One NDJSON file
// per key = sha256(repository real path + option fingerprint): a header line
// `{"v", "head", "mode", "notes"}` then one raw commit per line as a compact array, newest
// first. Raw commits (before identity, bot and path filtering) are stored, so changing the team
// map or the globs reuses the cache. Read and written as streams: a 1M-commit cache never
// becomes one string.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, renameSync, existsSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { FileChange } from '../model/types';
import { NONE, type LogMode, type RawCommit } from './parseLog';

const VERSION = 1;

export interface CacheEntry {
  head: string;
  mode: LogMode;
  notes: string[];
  commits: RawCommit[];
}

/** The user's cache directory for Conway. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'conway');
}

/** Path of the cache file for a repository and the options that change what git outputs. */
export function cacheFile(cacheDir: string, repoRealPath: string, fingerprint: unknown): string {
  const key = createHash('sha256').update(JSON.stringify([VERSION, repoRealPath, fingerprint])).digest('hex');
  return join(cacheDir, 'history', `${key.slice(0, 32)}.ndjson`);
}

// A long-lived process (the editor's worker) keeps the entry it last read or wrote, and uses it
// while the file on disk is the one it knows (same size and mtime): no re-parse per update.
// Off by default: a one-shot CLI run would only hold the raw commits in memory for nothing.
// It also writes the disk copy (only needed by its next start) a moment after the update, so
// serialising thousands of commits is not on the path from a commit to its report; until then
// the entry in memory is the one read.
const warm = new Map<string, { stamp: string; entry: CacheEntry }>();
const pending = new Map<string, { entry: CacheEntry; done: Promise<void> }>();
let keep = false;
const WRITE_DELAY_MS = 300;

/** Whether cache entries outlive the call that read or wrote them (then nobody may consume them). */
export function cacheKeptWarm(): boolean {
  return keep;
}

export function keepCacheWarm(on = true): void {
  keep = on;
  if (!on) warm.clear();
}

/** Resolves when the delayed disk writes of a warm process are done (tests, shutdown). */
export async function flushCacheWrites(): Promise<void> {
  await Promise.all([...pending.values()].map((p) => p.done));
}

function stampOf(file: string): string {
  const s = statSync(file);
  return `${s.size}:${s.mtimeMs}`;
}

/** Reads a cache file, or null when absent or unreadable (a broken cache only costs a re-mine). */
export async function readCache(file: string): Promise<CacheEntry | null> {
  const queued = pending.get(file);
  if (queued) return queued.entry;
  if (!existsSync(file)) return null;
  const known = warm.get(file);
  if (known && known.stamp === stampOf(file)) return known.entry;
  try {
    const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    let entry: CacheEntry | null = null;
    const strings = new Map<string, string>();
    const intern = (s: string) => strings.get(s) ?? (strings.set(s, s), s);
    for await (const line of lines) {
      if (!line) continue;
      if (entry) entry.commits.push(decodeCommit(JSON.parse(line), intern));
      else entry = decodeHeader(JSON.parse(line));
    }
    if (entry && keep) warm.set(file, { stamp: stampOf(file), entry });
    return entry;
  } catch {
    return null;
  }
}

/** Writes the cache; in a warm process the disk write is queued and this returns at once. */
export async function writeCache(file: string, entry: CacheEntry): Promise<void> {
  if (!keep) return writeFile(file, entry);
  const before = pending.get(file)?.done ?? Promise.resolve();
  const done = before
    .then(() => new Promise((resolve) => setTimeout(resolve, WRITE_DELAY_MS)))
    .then(() => writeFile(file, entry))
    .then(
      () => void warm.set(file, { stamp: stampOf(file), entry }),
      () => undefined, // a cache that could not be written only costs a re-mine
    )
    .finally(() => {
      if (pending.get(file)?.entry === entry) pending.delete(file);
    });
  pending.set(file, { entry, done });
}

/** Writes atomically (temp file + rename) so a crash never leaves half a cache. */
async function writeFile(file: string, entry: CacheEntry): Promise<void> {
  mkdirSync(join(file, '..'), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const out = createWriteStream(tmp, 'utf8');
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(JSON.stringify({ v: VERSION, head: entry.head, mode: entry.mode, notes: entry.notes }) + '\n');
  for (const c of entry.commits) await write(JSON.stringify(encodeCommit(c)) + '\n');
  out.end();
  await once(out, 'close');
  renameSync(tmp, file);
}

type Row = [string, string, string, number, string[], (string | number | null)[][]];

function encodeCommit(c: RawCommit): Row {
  const files = c.files.map((f) => (f.oldPath === undefined ? [f.path, f.added, f.deleted] : [f.path, f.added, f.deleted, f.oldPath]));
  return [c.sha, c.name, c.email, c.date, c.coAuthors, files];
}

/** Paths and names repeat across commits: one shared string each keeps a big cache small. */
function decodeCommit(row: Row, intern: (s: string) => string): RawCommit {
  const [sha, name, email, date, coAuthors, files] = row;
  return {
    sha,
    name: intern(name),
    email: intern(email),
    date,
    coAuthors: coAuthors.length ? coAuthors.map(intern) : NONE,
    files: files.length ? files.map((f) => decodeFile(f, intern)) : NONE,
  };
}

function decodeFile(f: (string | number | null)[], intern: (s: string) => string): FileChange {
  const change: FileChange = { path: intern(f[0] as string), added: f[1] as number | null, deleted: f[2] as number | null };
  if (f.length > 3) change.oldPath = intern(f[3] as string);
  return change;
}

function decodeHeader(h: { v: number; head: string; mode: LogMode; notes: string[] }): CacheEntry {
  if (h.v !== VERSION) throw new Error('cache version changed');
  return { head: h.head, mode: h.mode, notes: h.notes, commits: [] };
}
