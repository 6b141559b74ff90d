// Answers kept between runs in the user's cache directory: one JSON file per repository (and
// kind), holding the last few answers by key, newest first. The community cache (Louvain) and the
// team-work cache (pipeline/teamwork-cache.ts) both keep theirs so. Any fault reading the file —
// missing, unreadable, too big, not JSON, another version, an entry of the wrong shape — is a
// miss; a failed write (XDG_CACHE_HOME a file, a read-only disk) only costs the computation next time.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { realPath } from './file-stats';
import { writeCacheFile } from './make-dirs';
import { readTextFile } from './read-file';

export interface KeyedStore<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
}

export interface KeyedStoreOptions {
  /** Directory under the cache directory (`modules`, `teamwork`). */
  dir: string;
  /** The file's format version: another version is a miss. */
  version: number;
  /** Answers kept per repository. */
  kept: number;
  maxBytes: number;
  /** True when a parsed value has the stored shape. */
  valid(value: unknown): boolean;
}

/** A repository's store: its file is named by a hash of the repository's real path and the version. */
export function keyedStore<T>(cacheDir: string, root: string, o: KeyedStoreOptions): KeyedStore<T> {
  let real = root;
  try {
    real = realPath(root);
  } catch {
    // a root that cannot be resolved is cached under its name
  }
  const name = createHash('sha256')
    .update(JSON.stringify([o.version, real]))
    .digest('hex')
    .slice(0, 32);
  const file = join(cacheDir, o.dir, `${name}.json`);
  let entries: [string, T][] | undefined;
  const load = () => (entries ??= read(file, o));
  return {
    get: (key) => load().find(([k]) => k === key)?.[1],
    set(key, value) {
      entries = [[key, value] as [string, T], ...load().filter(([k]) => k !== key)].slice(0, o.kept);
      writeCacheFile(file, JSON.stringify({ v: o.version, entries }));
    },
  };
}

function read<T>(file: string, o: KeyedStoreOptions): [string, T][] {
  const r = readTextFile(file, o.maxBytes);
  if (r.kind !== 'text') return [];
  try {
    const data = JSON.parse(r.text) as { v?: unknown; entries?: unknown };
    if (data.v !== o.version || !Array.isArray(data.entries)) return [];
    const ok = data.entries.every(
      (e: unknown) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && o.valid(e[1]),
    );
    return ok ? (data.entries as [string, T][]) : [];
  } catch {
    return [];
  }
}
