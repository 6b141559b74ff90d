// `mkdir -p` for the cache directory. Node's own recursive mkdirSync loops forever where mkdir
// answers ENOENT for a parent that exists (HOME=/proc, seen in a robustness run); this one
// creates each missing ancestor once, from the top, and throws on the first failure.
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { removeStaleTemps, trackTemp } from './temp-files';

export function makeDirs(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; !isDirectory(d); d = dirname(d)) {
    if (dirname(d) === d) break;
    missing.push(d);
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !isDirectory(d)) throw e;
    }
  }
}

function isDirectory(d: string): boolean {
  try {
    return statSync(d).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Writes one cache file whole (a temp file beside it, then rename: a reader never sees half of
 * it) and never throws: a cache that cannot be written only costs a rebuild next time. The temp
 * file never outlives a failure or a signal, and stale ones of earlier runs are removed (temp-files.ts).
 */
export function writeCacheFile(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const done = trackTemp(tmp);
  try {
    makeDirs(dirname(file));
    writeFileSync(tmp, data);
    renameSync(tmp, file);
    removeStaleTemps(file);
  } catch {
    removeQuietly(tmp);
  } finally {
    done();
  }
}

/** rm -f that never throws: under a file where a directory belongs even the removal fails (ENOTDIR). */
export function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // nothing was written there
  }
}
