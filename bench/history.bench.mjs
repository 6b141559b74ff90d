// History mining bench (speed): on a generated repository (bench/genrepo.mjs),
// time plain `git log --numstat --no-merges` against mineHistory (cache off) in the same run,
// print the ratio and peak RSS; the same for --fast against `git log --name-status -M`; and a
// re-run from a warm cache (bench/.repos/.cache).
// Sizes: BENCH_COMMITS (50000), BENCH_FILES (10000), BENCH_TEAMS (20). Each mineHistory run
// is a fresh child process so its peak RSS is its own.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { genRepo } from './genrepo.mjs';

const here = new URL('.', import.meta.url).pathname;
const bundle = join(here, '.repos', '.build', 'history.cjs');

if (process.argv[2] === '--child') await child(process.argv[3], JSON.parse(process.argv[4]));
else await main();

async function main() {
  const sizes = {
    commits: num('BENCH_COMMITS', 50_000),
    files: num('BENCH_FILES', 10_000),
    teams: num('BENCH_TEAMS', 20),
  };
  let t0 = Date.now();
  const repo = await genRepo(sizes);
  console.log(
    `history: ${sizes.commits} commits, ${sizes.files} files, ${sizes.teams} teams at ${repo} (ready in ${secs(Date.now() - t0)})`,
  );
  await build();
  const rows = [];
  const baseline = await timeGit(repo, ['log', '--numstat', '--no-merges']);
  rows.push(['git log --numstat --no-merges', baseline, null, '']);
  for (const [label, opts] of [
    ['mineHistory (numstat, default shards)', {}],
    ['mineHistory (numstat, 1 shard)', { shards: 1 }],
  ]) {
    const r = runChild(repo, opts);
    rows.push([label, r.ms, r.rss, `${r.commits} commits, ratio ${(r.ms / baseline).toFixed(2)}× of git`]);
  }
  const cacheDir = join(here, '.repos', '.cache');
  rmSync(cacheDir, { recursive: true, force: true });
  runChild(repo, { cache: true, cacheDir });
  const warm = runChild(repo, { cache: true, cacheDir });
  rows.push([
    'mineHistory, warm cache, HEAD unchanged',
    warm.ms,
    warm.rss,
    `${warm.fromCache} from cache, ${warm.mined} mined`,
  ]);
  const fastBase = await timeGit(repo, ['log', '--name-status', '-M', '--no-merges']);
  rows.push(['git log --name-status -M --no-merges', fastBase, null, '']);
  const fast = runChild(repo, { fast: true });
  rows.push([
    'mineHistory --fast',
    fast.ms,
    fast.rss,
    `${fast.commits} commits, ratio ${(fast.ms / fastBase).toFixed(2)}× of git, ${(fast.ms / baseline).toFixed(2)}× of numstat git`,
  ]);
  for (const [label, ms, rss, note] of rows) {
    console.log(
      `  ${label.padEnd(40)} ${secs(ms).padStart(8)}  ${rss === null ? ''.padStart(14) : `peak RSS ${String(rss).padStart(4)} MB`}  ${note}`,
    );
  }
}

async function child(repo, opts) {
  const { mineHistory } = createRequire(import.meta.url)(bundle);
  const t0 = performance.now();
  const res = await mineHistory(repo, { cache: false, ...opts });
  const ms = performance.now() - t0;
  const rss = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(
    JSON.stringify({ ms, rss, commits: res.commits.length, fromCache: res.fromCache, mined: res.mined }),
  );
}

function runChild(repo, opts) {
  const out = spawnSync(process.execPath, [new URL(import.meta.url).pathname, '--child', repo, JSON.stringify(opts)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  if (out.status !== 0) throw new Error(`bench child failed (${out.status})`);
  return JSON.parse(out.stdout);
}

/** Wall time of a git command whose output is read and discarded, as a user piping it would. */
async function timeGit(repo, args) {
  const t0 = performance.now();
  const git = spawn('git', args, { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] });
  for await (const _ of git.stdout);
  await new Promise((resolve) => (git.exitCode === null ? git.on('close', resolve) : resolve()));
  return performance.now() - t0;
}

async function build() {
  const esbuild = await import('esbuild');
  mkdirSync(join(here, '.repos', '.build'), { recursive: true });
  await esbuild.build({
    entryPoints: [join(here, '..', 'analyzer', 'history', 'mine.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: bundle,
    logLevel: 'warning',
  });
}

function num(name, dflt) {
  return Number(process.env[name]) || dflt;
}

function secs(ms) {
  return `${(ms / 1000).toFixed(2)} s`;
}
