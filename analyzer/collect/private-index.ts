// A private copy of the index for `git diff` against the work tree: porcelain diff writes the
// stat data it refreshed back into the index it read (diff.c's refresh_index_quietly), even with
// --no-optional-locks, and Conway writes nothing into the repository. The copy lives in the
// temp directory, is tracked for signals (temp-files.ts) and removed when git exits; copies a
// killed run left are removed by the next copy.
import { randomBytes } from 'node:crypto';
import { constants, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeStaleTemps, trackTemp } from './temp-files';

export interface PrivateIndex {
  path: string;
  dispose: () => void;
}

/** A copy of the index file at `real`, or null when there is none (a fresh repository: git reads none either). */
export function copyIndex(real: string): PrivateIndex | null {
  const path = join(tmpdir(), `conway-index.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const done = trackTemp(path);
  try {
    copyFileSync(real, path, constants.COPYFILE_EXCL);
  } catch {
    done();
    return null;
  }
  removeStaleTemps(path, 'conway-index.'); // copies a killed run left behind
  return { path, dispose: () => (rmSync(path, { force: true }), done()) };
}
