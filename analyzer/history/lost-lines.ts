// Line counts git did not give. `git log --numstat` runs with core.bigFileThreshold=256k (it
// halves the mining time: docs/architecture.md, "Performance"): a text file larger than that is diffed as binary and
// its changes come without line counts (`-\t-`), so its lines added and churn would read 0 on
// exactly the biggest hotspots. Rather than a silent 0, the report names those files.
import type { Commit } from '../model/types';
import type { LogMode } from './parseLog';

/** Text by extension: a null count on these is the size cut-off, not a real binary. */
const TEXT = /\.(?:[cm]?[jt]sx?|json|md|mdx|css|scss|less|html?|ya?ml|toml|txt|xml|svg|graphql|py|go|rs|java|kt|rb|php|c|cc|cpp|h|hpp|cs|swift|sh)$/i;

export function lostLineNotes(commits: Commit[], mode: LogMode): string[] {
  if (mode !== 'numstat') return [];
  const lost = new Map<string, number>();
  for (const c of commits) for (const f of c.files) if (f.added === null && TEXT.test(f.path)) lost.set(f.path, (lost.get(f.path) ?? 0) + 1);
  if (!lost.size) return [];
  const top = [...lost].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).slice(0, 5).map(([p, n]) => `${p} (${n} change${n === 1 ? '' : 's'})`);
  return [`${lost.size} text file${lost.size === 1 ? '' : 's'} larger than 256 KB (git's core.bigFileThreshold) ${lost.size === 1 ? 'has' : 'have'} no line counts (their lines added and deleted read 0, and main author by lines misses them): ${top.join(', ')}${lost.size > 5 ? ', …' : ''}`];
}
