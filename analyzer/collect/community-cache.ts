// Louvain answers (metrics/id-graph.ts) kept between runs in the user's cache directory, one file
// per repository holding the last few answers by key (a hash of the weighted graph, so any change
// to the imports, the window's change coupling or the algorithm is another key). A warm
// `conway analyze` of an unchanged window skips the module inference's graph and Louvain passes
// (0.1–0.2 s on 4–5k-file repositories). Storage and faults: collect/keyed-cache.ts.
import { keyedStore, type KeyedStore } from './keyed-cache';

/** Answers kept per repository: a run or two with other options must not push out the usual one. */
const KEPT = 4;
const MAX_BYTES = 256 * 1024 * 1024;

export type CommunityStore = KeyedStore<string[][]>;

export function communityStore(cacheDir: string, root: string): CommunityStore {
  return keyedStore<string[][]>(cacheDir, root, {
    dir: 'modules',
    version: 1,
    kept: KEPT,
    maxBytes: MAX_BYTES,
    valid: (v) =>
      Array.isArray(v) && (v as unknown[]).every((g) => Array.isArray(g) && g.every((id) => typeof id === 'string')),
  });
}
