// Line counts git did not give. Text files over git's 256 KB big-file threshold are diffed again
// for real counts (recount-big.ts); a text file that still has none is named, rather than shown
// as a silent 0: git reads it as binary (a NUL byte, or a `-diff`/`binary` attribute in the
// repository's .gitattributes), or its change is in a commit past the MAX_RECOUNT newest that
// are diffed again.
import type { Commit } from '../model/types';
import type { LogMode } from './parseLog';
import { MAX_RECOUNT, maybeCut } from './recount-big';

export function lostLineNotes(commits: Commit[], mode: LogMode): string[] {
  if (mode !== 'numstat') return [];
  const lost = new Map<string, number>();
  for (const c of commits) for (const f of c.files) if (maybeCut(f)) lost.set(f.path, (lost.get(f.path) ?? 0) + 1);
  if (!lost.size) return [];
  const top = [...lost]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .slice(0, 5)
    .map(([p, n]) => `${p} (${n} change${n === 1 ? '' : 's'})`);
  const one = lost.size === 1;
  return [
    `${lost.size} text file${one ? '' : 's'} ${one ? 'has' : 'have'} no line counts (lines added and deleted read 0, and main author by lines misses ${one ? 'it' : 'them'}): ${top.join(', ')}${lost.size > 5 ? ', …' : ''} — git reads ${one ? 'it' : 'them'} as binary (a NUL byte, or a -diff or binary attribute in .gitattributes), or ${one ? 'its' : 'their'} changes to a file over 256 KB are in commits older than the ${MAX_RECOUNT} newest Conway diffs again past git's big-file threshold`,
  ];
}
