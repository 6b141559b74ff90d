// Runs the history command and streams it through LogParser. What docs/architecture.md ("Performance") shows pays:
//   git -c core.quotepath=off -c core.bigFileThreshold=256k -c core.attributesFile=<lockfiles -diff>
//       rev-list --no-merges|--first-parent [--since] [--until] <range>
//   then per shard (contiguous slices of that list, in order):
//   git … log --use-mailmap --no-walk=unsorted --stdin -M -z --numstat|--name-status --format=LOG_FORMAT
// Sharding runs git's diffing (the whole cost) on several cores: ~1.7× on 2 cores. Shards are
// concatenated in rev-list order, so the result is the same as one `git log`.
// Text files over that threshold get their counts from a second, small run (recount-big.ts).
// Missing blobs (`fatal: unable to read`) make numstat die: fall back to --name-status, then
// to --no-renames (rename detection reads blobs too), each time with a note.
import { availableParallelism } from 'node:os';
import { MissingObjectError, streamGit } from '../collect/git';
import { gitDate } from './window';
import { LOG_FORMAT, LogParser, type LogMode, type RawCommit } from './parseLog';
import { recountBigFiles } from './recount-big';

export interface LogRunOptions {
  since?: string;
  until?: string;
  firstParent?: boolean;
  /** Number of parallel git processes; default min(cores, 4), at least 2, above SHARD_MIN commits. */
  shards?: number;
  signal?: AbortSignal;
  onProgress?: (p: { phase: string; commits: number; total?: number }) => void;
}

export interface LogRun {
  commits: RawCommit[];
  mode: LogMode;
  notes: string[];
}

/** Below this many commits one git process is faster than starting several. */
export const SHARD_MIN = 2000;

export const MISSING_BLOBS_NOTE =
  'some git objects are missing (partial clone or incomplete mirror): line counts are unavailable, files were listed with --name-status instead';
const NO_RENAMES_NOTE = 'rename detection needs the missing objects too: renames are not followed';

/** Mines `range` (e.g. [HEAD] or [`old..HEAD`]) with the given mode, falling back on missing objects. */
export async function runLog(
  dir: string,
  range: string[],
  mode: LogMode,
  attributesFile: string,
  opts: LogRunOptions,
): Promise<LogRun> {
  opts.onProgress?.({ phase: 'listing', commits: 0 });
  const shas = await listCommits(dir, range, opts);
  const notes: string[] = [];
  const attempts: [LogMode, boolean][] =
    mode === 'numstat'
      ? [
          ['numstat', true],
          ['name-status', true],
          ['name-status', false],
        ]
      : [
          ['name-status', true],
          ['name-status', false],
        ];
  for (const [i, [m, renames]] of attempts.entries()) {
    try {
      const args = logArgs(attributesFile, m, renames, opts);
      const commits = await mineShards(dir, shas, args, m, opts);
      // Counts of big files are a refinement: a fault there leaves them null (named in the report), never the mining.
      await recountBigFiles(dir, commits, args, m, opts.signal).catch((e) => {
        if (!(e instanceof MissingObjectError)) throw e;
      });
      return { commits, mode: m, notes };
    } catch (e) {
      if (!(e instanceof MissingObjectError) || i === attempts.length - 1) throw e;
      notes.push(m === 'numstat' ? MISSING_BLOBS_NOTE : NO_RENAMES_NOTE);
    }
  }
  throw new Error('unreachable');
}

/** The shas one `git log` of `range` lists, newest first, in git's order (not necessarily by date). */
export async function listShas(dir: string, range: string[], opts: LogRunOptions): Promise<string[]> {
  const { text } = await listCommits(dir, range, opts);
  return text.split('\n').filter((s) => s !== '');
}

/** The commits to mine, newest first, with the window and merge options applied by git. */
async function listCommits(dir: string, range: string[], opts: LogRunOptions): Promise<ShaList> {
  const args = ['rev-list', opts.firstParent ? '--first-parent' : '--no-merges'];
  if (opts.since) args.push(`--since=${gitDate(opts.since)}`);
  if (opts.until) args.push(`--until=${gitDate(opts.until)}`);
  // One string of `sha\n` lines, not a string per commit: at 1M commits 41 MB instead of ~100 MB.
  const chunks: string[] = [];
  for await (const chunk of streamGit(dir, [...args, ...range, '--'], { signal: opts.signal })) chunks.push(chunk);
  const text = chunks.join('');
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return { text, count };
}

/** rev-list's output: `count` lines of `sha\n`. */
interface ShaList {
  text: string;
  count: number;
}

/** Splits the list into `n` contiguous runs of whole lines, in order (each ends with `\n`). */
export function splitShas(list: ShaList, n: number): ShaList[] {
  const size = Math.ceil(list.count / n);
  const out: ShaList[] = [];
  let from = 0;
  for (let left = list.count; left > 0; left -= size) {
    let to = from;
    for (let k = Math.min(size, left); k > 0; k--) to = list.text.indexOf('\n', to) + 1;
    out.push({ text: list.text.slice(from, to), count: Math.min(size, left) });
    from = to;
  }
  return out;
}

function logArgs(attributesFile: string, mode: LogMode, renames: boolean, opts: LogRunOptions): string[] {
  return [
    '-c',
    'core.quotepath=off',
    '-c',
    'core.bigFileThreshold=256k',
    '-c',
    `core.attributesFile=${attributesFile}`,
    'log',
    '--use-mailmap',
    '--no-walk=unsorted',
    '--stdin',
    renames ? '-M' : '--no-renames',
    '-z',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    mode === 'numstat' ? '--numstat' : '--name-status',
    `--format=${LOG_FORMAT}`,
    ...(opts.firstParent ? ['--diff-merges=first-parent'] : []),
  ];
}

async function mineShards(
  dir: string,
  shas: ShaList,
  args: string[],
  mode: LogMode,
  opts: LogRunOptions,
): Promise<RawCommit[]> {
  let done = 0;
  const tick = () => {
    if (++done % 1000 === 0) opts.onProgress?.({ phase: 'mining', commits: done, total: shas.count });
  };
  const slices = splitShas(shas, shardCount(shas.count, opts.shards));
  const parts = await Promise.all(slices.map((s) => mineSlice(dir, s, args, mode, tick, opts.signal)));
  opts.onProgress?.({ phase: 'mining', commits: shas.count, total: shas.count });
  return parts.length === 1 ? parts[0] : parts.flat();
}

async function mineSlice(
  dir: string,
  shas: ShaList,
  args: string[],
  mode: LogMode,
  tick: () => void,
  signal?: AbortSignal,
): Promise<RawCommit[]> {
  if (shas.count === 0) return [];
  const out: RawCommit[] = [];
  const parser = new LogParser(mode, (c) => {
    out.push(c);
    tick();
  });
  for await (const chunk of streamGit(dir, args, { stdin: shas.text, signal })) parser.push(chunk);
  parser.end();
  return out;
}

/** min(cores, 4), at least 2, only when there are enough commits; an explicit count wins. */
export function shardCount(commits: number, requested?: number): number {
  if (requested !== undefined) return Math.max(1, Math.min(requested, commits));
  if (commits <= SHARD_MIN) return 1;
  return Math.max(2, Math.min(availableParallelism(), 4));
}
