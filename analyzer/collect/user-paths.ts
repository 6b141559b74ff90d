// Paths the user names on the command line (--catalog DIR|FILE): what they are and the files
// under a directory. Links are not followed into directories, and the walk has a depth cap, as
// every walk over input data does.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const MAX_DEPTH = 64;

/** 'dir', 'file' or null when nothing is there. */
export function userPathKind(abs: string): 'dir' | 'file' | null {
  try {
    return statSync(abs).isDirectory() ? 'dir' : 'file';
  } catch {
    return null;
  }
}

/** Regular files under `dir` whose name matches, sorted; node_modules and .git are skipped. */
export function filesUnder(dir: string, name: RegExp, depth = 0): string[] {
  if (depth > MAX_DEPTH) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const p = join(dir, e.name);
      if (e.isDirectory() && e.name !== 'node_modules' && e.name !== '.git') return filesUnder(p, name, depth + 1);
      return e.isFile() && name.test(e.name) ? [p] : [];
    })
    .sort();
}
