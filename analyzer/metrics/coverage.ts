// Ownership coverage over every tracked file, any language (CODEOWNERS applies to all of them;
// only the import graph is TS/JS): how many files a rule with owners decides, how many only a
// catch-all rule (`*`, `**`) decides — owned on paper, nobody's module — and how many of the
// window's changes (commit, file pairs) went to files no rule owns. One repository had 2,812 of
// 3,116 files and 92% of its changes unowned, its C++ core among them, and no summary said so.
// The largest unowned directories are the highest directories whose files are all unowned.
import type { Commit } from '../model/types';
import type { Coverage } from '../contract/report';
import { ancestors, countByDirectory } from './directories';

export const LARGEST_SHOWN = 10;

export interface CoverageInput {
  files: string[];
  commits: Commit[];
  /** 'owned' | 'catch-all' (owned only by a catch-all rule) | 'unowned'. */
  ownershipOf(path: string): 'owned' | 'catch-all' | 'unowned';
}

export function ownershipCoverage(x: CoverageInput): Coverage {
  const unowned = x.files.filter((f) => x.ownershipOf(f) === 'unowned');
  const catchAll = x.files.filter((f) => x.ownershipOf(f) === 'catch-all').length;
  let changes = 0;
  let unownedChanges = 0;
  const memo = new Map<string, boolean>();
  for (const c of x.commits) {
    for (const f of c.files) {
      changes++;
      let u = memo.get(f.path);
      if (u === undefined) memo.set(f.path, (u = x.ownershipOf(f.path) === 'unowned'));
      if (u) unownedChanges++;
    }
  }
  return {
    files: x.files.length,
    ownedFiles: x.files.length - unowned.length,
    unownedFiles: unowned.length,
    catchAllOnlyFiles: catchAll,
    changes,
    unownedChanges,
    largestUnowned: largestUnowned(x.files, unowned),
  };
}

function largestUnowned(files: string[], unowned: string[]): Coverage['largestUnowned'] {
  if (!unowned.length) return [];
  const all = countByDirectory(files);
  const mine = countByDirectory(unowned);
  const full = (d: string) => mine.get(d) === all.get(d);
  const tops = new Map<string, number>();
  for (const f of unowned) {
    const dir = ancestors(f).find(full) ?? f.slice(0, Math.max(0, f.lastIndexOf('/')));
    tops.set(dir, (tops.get(dir) ?? 0) + (full(dir) ? 0 : 1));
  }
  // A fully unowned directory counts its files once; a file alone in an owned directory counts under that directory.
  return [...tops]
    .map(([dir, n]) => ({ dir, files: full(dir) ? mine.get(dir)! : n }))
    .sort((a, b) => b.files - a.files || (a.dir < b.dir ? -1 : 1))
    .slice(0, LARGEST_SHOWN);
}
