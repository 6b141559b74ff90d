// Line counts git withheld for big text files. The log runs with core.bigFileThreshold=256k
// (it halves mining time, docs/architecture.md "Performance"): a text file larger than that is
// diffed as binary and its changes come as `-\t-`, so its lines added, churn and main author by
// lines would read 0 on exactly the biggest hotspots. Only the commits with such a change are
// diffed again, with git's own threshold (512 MB), limited to those files (and the paths they
// were renamed from, so -M still pairs them): the cost is diffing the big files, not the commits
// around them (MetaMask/core, 122 such commits: 1.2 s limited, 19 s whole). At most MAX_RECOUNT
// commits (the newest) and MAX_PATHS files (the most changed) are diffed again; what is still
// without counts is named in the report (lost-lines.ts).
import { streamGit } from '../collect/git';
import { LogParser, type LogMode, type RawCommit } from './parseLog';
import { BINARY_ATTRIBUTES } from './paths';

/** Text by extension: a null count on these is the size cut-off (or a `-diff` attribute), not a real binary. */
export const TEXT_PATH =
  /\.(?:[cm]?[jt]sx?|json|md|mdx|css|scss|less|html?|ya?ml|toml|txt|xml|svg|graphql|py|go|rs|java|kt|rb|php|c|cc|cpp|h|hpp|cs|swift|sh)$/i;
/** The most commits diffed again in one run (newest first): bounds the time a repository of generated files can cost. */
export const MAX_RECOUNT = 2000;
/** The most files named to git at once (an argument list stays far below the system's limit). */
export const MAX_PATHS = 1000;
/** git's default core.bigFileThreshold. */
export const FULL_THRESHOLD = '512m';

const NO_DIFF = BINARY_ATTRIBUTES.map((a) => a.replace(/ -diff$/, ''));

/** Lockfiles and minified files Conway marks `-diff` on purpose: their counts stay null. */
export function markedNoDiff(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return NO_DIFF.some((p) => (p.startsWith('*') ? base.endsWith(p.slice(1)) : base === p));
}

/** A change whose line counts the size cut-off may have withheld. */
export function maybeCut(f: { path: string; added: number | null }): boolean {
  return f.added === null && TEXT_PATH.test(f.path) && !markedNoDiff(f.path);
}

/**
 * Fills in the counts of big text files in place. `args` is the numstat log command as mined,
 * with `-c core.bigFileThreshold=…` in it; returns how many commits were diffed again.
 */
export async function recountBigFiles(
  dir: string,
  commits: RawCommit[],
  args: string[],
  mode: LogMode,
  signal?: AbortSignal,
): Promise<number> {
  if (mode !== 'numstat') return 0;
  const changes = new Map<string, number>();
  for (const c of commits)
    for (const f of c.files) if (maybeCut(f)) changes.set(f.path, (changes.get(f.path) ?? 0) + 1);
  if (!changes.size) return 0;
  const kept = new Set(
    [...changes]
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
      .slice(0, MAX_PATHS)
      .map(([p]) => p),
  );
  const targets = commits.filter((c) => c.files.some((f) => maybeCut(f) && kept.has(f.path))).slice(0, MAX_RECOUNT);
  const paths = new Set<string>();
  for (const c of targets)
    for (const f of c.files) if (maybeCut(f) && kept.has(f.path)) paths.add(f.path).add(f.oldPath ?? f.path);
  const full = [
    '--literal-pathspecs',
    ...args.map((a) => (a.startsWith('core.bigFileThreshold=') ? `core.bigFileThreshold=${FULL_THRESHOLD}` : a)),
    '--',
    ...[...paths].sort(),
  ];
  const bySha = new Map(targets.map((c) => [c.sha, c]));
  const parser = new LogParser(mode, (again) => {
    const c = bySha.get(again.sha);
    if (!c) return;
    const counted = new Map(again.files.map((f) => [f.path, f]));
    for (const f of c.files) {
      const g = maybeCut(f) ? counted.get(f.path) : undefined;
      if (g && g.added !== null) {
        f.added = g.added;
        f.deleted = g.deleted;
      }
    }
  });
  const stdin = targets.map((c) => c.sha).join('\n') + '\n';
  for await (const chunk of streamGit(dir, full, { stdin, signal })) parser.push(chunk);
  parser.end();
  return targets.length;
}
