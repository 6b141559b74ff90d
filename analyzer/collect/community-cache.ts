// Louvain answers (metrics/id-graph.ts) kept between runs in the user's cache directory, one file
// per repository holding the last few answers by key (a hash of the weighted graph, so any change
// to the imports, the window's change coupling or the algorithm is another key). A warm
// `conway analyze` of an unchanged window skips the module inference's graph and Louvain passes
// (0.1–0.2 s on 4–5k-file repositories). Any fault reading the file is a miss; a failed write
// only costs the computation next time.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { realPath } from './file-stats';
import { writeCacheFile } from './make-dirs';
import { readTextFile } from './read-file';

const VERSION = 1;
/** Answers kept per repository: a run or two with other options must not push out the usual one. */
const KEPT = 4;
const MAX_BYTES = 256 * 1024 * 1024;

export interface CommunityStore {
  get(key: string): string[][] | undefined;
  set(key: string, groups: string[][]): void;
}

export function communityStore(cacheDir: string, root: string): CommunityStore {
  let real = root;
  try {
    real = realPath(root);
  } catch {
    // a root that cannot be resolved is cached under its name
  }
  const name = createHash('sha256')
    .update(JSON.stringify([VERSION, real]))
    .digest('hex')
    .slice(0, 32);
  const file = join(cacheDir, 'modules', `${name}.json`);
  let entries: [string, string[][]][] | undefined;
  const load = () => (entries ??= read(file));
  return {
    get: (key) => load().find(([k]) => k === key)?.[1],
    set(key, groups) {
      entries = [[key, groups] as [string, string[][]], ...load().filter(([k]) => k !== key)].slice(0, KEPT);
      writeCacheFile(file, JSON.stringify({ v: VERSION, entries }));
    },
  };
}

function read(file: string): [string, string[][]][] {
  const r = readTextFile(file, MAX_BYTES);
  if (r.kind !== 'text') return [];
  try {
    const data = JSON.parse(r.text) as { v?: unknown; entries?: unknown };
    if (data.v !== VERSION || !Array.isArray(data.entries)) return [];
    const ok = data.entries.every(
      (e: unknown) =>
        Array.isArray(e) &&
        e.length === 2 &&
        typeof e[0] === 'string' &&
        Array.isArray(e[1]) &&
        (e[1] as unknown[]).every((g) => Array.isArray(g) && g.every((id) => typeof id === 'string')),
    );
    return ok ? (data.entries as [string, string[][]][]) : [];
  } catch {
    return [];
  }
}
