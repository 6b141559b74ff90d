// CI's path: `conway check`, `conway analyze` and `conway review` as CI runs them —
// the built CLI in its own process — with an empty cache (cold) and with the cache a previous run
// left (warm), on a 10k-file, 15k-commit repository (bench/genrepo.mjs) given an import graph
// (one commit: an index.ts per team re-exporting its first module, a sibling import in every
// file, a public cross-team import in every 10th and a deep one in every 50th) and a branch
// `change` of 50 files in 5 teams, 5 of them adding deep cross-team imports.
// Targets: review ≤ 1 s warm, check and analyze ≤ 1.5 s warm. Prints wall and CPU time (the
// machine may be shared: CPU time is what the work costs). BENCH_COMMITS (15000), BENCH_FILES (10000),
// BENCH_KEEP=1 keeps the repository and caches for profiling.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { genRepoCopy } from './genrepo.mjs';

const sizes = {
  commits: Number(process.env.BENCH_COMMITS) || 15_000,
  files: Number(process.env.BENCH_FILES) || 10_000,
  teams: 20,
};
const cli = new URL('../dist/cli.js', import.meta.url).pathname;
if (!existsSync(cli)) throw new Error('build first: npm run build');
const { work, repo, git } = await genRepoCopy(sizes, 'conway-review-bench-');

addImports();
makeChange(50);

const rows = [];
const measure = (label, args, cacheDir, target) => {
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %U %S %M', process.execPath, cli, ...args], {
    cwd: repo,
    env: { ...process.env, XDG_CACHE_HOME: cacheDir },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const m = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr ?? '');
  if (!m || r.status > 1) throw new Error(`${label}: exit ${r.status}: ${r.stderr}`);
  rows.push({
    label,
    wall: Number(m[1]),
    cpu: Number(m[2]) + Number(m[3]),
    rss: Math.round(Number(m[4]) / 1024),
    target,
  });
};
const out = join(work, 'report.json');
const fresh = (name) => join(work, `cache-${name}`);
measure('check, cold cache', ['check'], fresh('check'));
measure('check, warm cache', ['check'], fresh('check'), 1.5);
measure('review after check (CI order)', ['review', '--base', 'main'], fresh('check'), 1);
measure('analyze, cold cache', ['analyze', '--out', out], fresh('analyze'));
measure('analyze, warm cache', ['analyze', '--out', out], fresh('analyze'), 1.5);
measure('review, cold cache', ['review', '--base', 'main'], fresh('review'));
measure('review, warm cache', ['review', '--base', 'main'], fresh('review'), 1);

console.log(
  `review: ${sizes.commits} commits, ${sizes.files} files, a 50-file change (CLI processes, Node ${process.version})`,
);
for (const r of rows) {
  const verdict = r.target
    ? r.wall <= r.target
      ? `target ≤ ${r.target} s: met`
      : r.cpu <= r.target
        ? `target ≤ ${r.target} s: met in CPU time, not wall (shared machine)`
        : `target ≤ ${r.target} s: MISSED`
    : '';
  console.log(
    `  ${r.label.padEnd(32)} ${r.wall.toFixed(2)} s wall, ${r.cpu.toFixed(2)} s CPU, ${String(r.rss).padStart(4)} MB  ${verdict}`,
  );
}
if (process.env.BENCH_KEEP) console.log(`kept ${repo} (caches in ${work})`);
else rmSync(work, { recursive: true, force: true });

/** One commit on main that gives the generated files an import graph. */
function addImports() {
  writeFileSync(
    join(repo, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'esnext', moduleResolution: 'bundler' } }),
  );
  const files = git('ls-files', 'packages')
    .split('\n')
    .filter((f) => f.endsWith('.ts'));
  const teams = [...new Set(files.map((f) => f.split('/')[1]))];
  for (const t of teams) {
    const mine = files.filter((f) => f.startsWith(`packages/${t}/src/mod0/`)).slice(0, 5);
    writeFileSync(
      join(repo, `packages/${t}/src/index.ts`),
      mine.map((f) => `export * from './${f.split('/src/')[1].replace(/\.ts$/, '')}';`).join('\n') + '\n',
    );
  }
  const firstOf = new Map(teams.map((t) => [t, files.find((f) => f.startsWith(`packages/${t}/src/mod`))]));
  files.forEach((f, i) => {
    const team = f.split('/')[1];
    const other = teams[(teams.indexOf(team) + 1) % teams.length];
    const dir = f.slice(0, f.lastIndexOf('/'));
    const sibling = [files[i + 1], files[i - 1]].find((x) => x && x.slice(0, x.lastIndexOf('/')) === dir);
    const lines = sibling ? [`import * as sibling from './${sibling.slice(dir.length + 1, -3)}';`] : [];
    if (i % 10 === 0) lines.push(`import * as api from '../../../${other}/src';`);
    if (i % 50 === 0)
      lines.push(`import * as deep from '../../../${firstOf.get(other).slice(`packages/`.length, -3)}';`);
    writeFileSync(join(repo, f), lines.join('\n') + '\n' + readFileSync(join(repo, f), 'utf8'));
  });
  git('add', '-A');
  git('commit', '-q', '-m', 'imports');
}

/** Branch `change`: 50 files in 5 teams edited, 5 of them with a new deep import into the next team. */
function makeChange(n) {
  git('checkout', '-q', '-b', 'change');
  const files = git('ls-files', 'packages')
    .split('\n')
    .filter((f) => /\/file\d+\.ts$/.test(f));
  const teams = [...new Set(files.map((f) => f.split('/')[1]))];
  for (let i = 0; i < n; i++) {
    const team = teams[i % 5];
    const mine = files.filter((x) => x.startsWith(`packages/${team}/`));
    const f = mine[(i * 7) % mine.length];
    const other = teams[(teams.indexOf(team) + 2) % teams.length];
    const target = files.find((x) => x.startsWith(`packages/${other}/src/mod1/`));
    const extra = i % 10 === 0 ? `import * as reach from '../../../${target.slice('packages/'.length, -3)}';\n` : '';
    writeFileSync(join(repo, f), extra + readFileSync(join(repo, f), 'utf8') + `export const changed${i} = ${i};\n`);
  }
  git('commit', '-q', '-a', '-m', 'a 50-file change');
}
