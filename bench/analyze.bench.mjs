// The whole `conway analyze` (ownership, history, import graph, every metric, the report) on the
// generated repository of bench/genrepo.mjs, against plain `git log --numstat --no-merges` of
// the same repository in the same run (the target: Conway's whole analysis takes less time than that git log).
// Cache off, each run in a fresh process so its peak RSS is its own.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { genRepo } from './genrepo.mjs';

const here = new URL('.', import.meta.url).pathname;
const bundle = join(here, '.repos', '.build', 'analyze.cjs');

if (process.argv[2] === '--child') {
  const { analyzeRepo } = createRequire(import.meta.url)(bundle);
  const t0 = performance.now();
  const r = await analyzeRepo(process.argv[3], { cache: false, metrics: {} });
  const json = JSON.stringify(r);
  process.stdout.write(
    JSON.stringify({
      ms: performance.now() - t0,
      rss: Math.round(process.resourceUsage().maxRSS / 1024),
      commits: r.window.commits,
      files: r.files.length,
      bytes: json.length,
      violations: r.violations.length,
    }),
  );
} else {
  const sizes = {
    commits: Number(process.env.BENCH_COMMITS) || 50_000,
    files: Number(process.env.BENCH_FILES) || 10_000,
    teams: Number(process.env.BENCH_TEAMS) || 20,
  };
  const repo = await genRepo(sizes);
  const esbuild = await import('esbuild');
  mkdirSync(join(here, '.repos', '.build'), { recursive: true });
  await esbuild.build({
    entryPoints: [join(here, '..', 'analyzer', 'analyze.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: bundle,
    logLevel: 'warning',
  });
  const t0 = performance.now();
  const git = spawn('git', ['log', '--numstat', '--no-merges'], { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] });
  for await (const _ of git.stdout);
  const gitMs = performance.now() - t0;
  const out = spawnSync(process.execPath, [new URL(import.meta.url).pathname, '--child', repo], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (out.status !== 0) throw new Error('analyze child failed');
  const r = JSON.parse(out.stdout);
  console.log(`analyze: ${sizes.commits} commits, ${sizes.files} files, ${sizes.teams} teams`);
  console.log(`  git log --numstat --no-merges        ${(gitMs / 1000).toFixed(2)} s`);
  console.log(
    `  conway analyze (whole pipeline)      ${(r.ms / 1000).toFixed(2)} s  peak RSS ${r.rss} MB  ${r.commits} commits, ${r.files} files, ${r.violations} violations, report ${(r.bytes / 1e6).toFixed(1)} MB`,
  );
  console.log(
    `  ratio: ${(r.ms / gitMs).toFixed(2)}× of plain git log ${r.ms < gitMs ? '(target < 1×: met)' : '(target < 1×: MISSED)'}`,
  );
}
