// Warm `conway analyze` and `conway check` as CI runs them — the built CLI, one process per run —
// against a cold run (`--no-cache`) in turn, on a generated 10k-file repository with 520
// CODEOWNERS lines (bench/genrepo.mjs: one rule per team directory, 520 teams) and an import in
// every file. Median of 5 of each, cold and warm alternating so both see the same machine; the
// warm cache is filled by one run first. Target: warm ≤ 1 s (issue 18). Prints wall and CPU time
// (CPU is what the work costs on a shared machine) and the warm/cold ratio.
// BENCH_COMMITS (10000), BENCH_FILES (10000), BENCH_TEAMS (520), BENCH_RUNS (5).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { genRepoCopy } from './genrepo.mjs';

const sizes = {
  commits: Number(process.env.BENCH_COMMITS) || 10_000,
  files: Number(process.env.BENCH_FILES) || 10_000,
  teams: Number(process.env.BENCH_TEAMS) || 520,
};
const runs = Number(process.env.BENCH_RUNS) || 5;
const cli = new URL('../dist/cli.js', import.meta.url).pathname;
if (!existsSync(cli)) throw new Error('build first: npm run build');
const { work, repo, git } = await genRepoCopy(sizes, 'conway-warm-bench-');

// Every TS file imports the next file of its directory: an import graph of 10k edges.
const files = git('ls-files', '-z')
  .split('\0')
  .filter((f) => f.endsWith('.ts'));
const byDir = new Map();
for (const f of files) (byDir.get(dirname(f)) ?? byDir.set(dirname(f), []).get(dirname(f))).push(f);
for (const group of byDir.values())
  group.forEach((f, i) => {
    const next = group[(i + 1) % group.length];
    if (next === f) return;
    const spec = `./${next.slice(dirname(next).length + 1).replace(/\.ts$/, '')}`;
    writeFileSync(join(repo, f), `import { x } from '${spec}';\n${readFileSync(join(repo, f), 'utf8')}`);
  });
git('add', '-A');
git('commit', '-q', '-m', 'imports');
const rules = readFileSync(join(repo, '.github', 'CODEOWNERS'), 'utf8')
  .trim()
  .split('\n').length;

const time = (args, cacheDir) => {
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %U %S', process.execPath, cli, ...args], {
    cwd: repo,
    env: { ...process.env, XDG_CACHE_HOME: cacheDir },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const m = /TIME ([\d.]+) ([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
  if (!m || r.status > 1) throw new Error(`${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  return { wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]) };
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(
  `warm: ${sizes.commits} commits, ${files.length} TS files, ${rules} CODEOWNERS lines, median of ${runs} (CLI processes, Node ${process.version})`,
);
for (const [name, args] of [
  ['analyze', ['analyze', '--format', 'json', '--out', join(work, 'report.json')]],
  ['check', ['check']],
]) {
  const cache = join(work, `cache-${name}`);
  time(args, cache); // fills the cache (history, import edges, code cache, module answers)
  const warm = [];
  const cold = [];
  for (let i = 0; i < runs; i++) {
    cold.push(time([...args, '--no-cache'], join(work, 'cache-none')));
    warm.push(time(args, cache));
  }
  const ratio = median(warm.map((w, i) => w.wall / cold[i].wall));
  const w = { wall: median(warm.map((x) => x.wall)), cpu: median(warm.map((x) => x.cpu)) };
  const c = { wall: median(cold.map((x) => x.wall)), cpu: median(cold.map((x) => x.cpu)) };
  const verdict =
    w.wall <= 1 ? 'target ≤ 1 s: met' : w.cpu <= 1 ? 'target ≤ 1 s: met in CPU time, not wall' : 'target ≤ 1 s: MISSED';
  console.log(
    `  ${name.padEnd(8)} warm ${w.wall.toFixed(2)} s wall (min ${Math.min(...warm.map((x) => x.wall)).toFixed(2)}, max ${Math.max(...warm.map((x) => x.wall)).toFixed(2)}), ${w.cpu.toFixed(2)} s CPU · cold ${c.wall.toFixed(2)} s wall, ${c.cpu.toFixed(2)} s CPU · warm/cold ${ratio.toFixed(3)}  ${verdict}`,
  );
}
if (process.env.BENCH_KEEP) console.log(`kept ${repo} (caches in ${work})`);
else rmSync(work, { recursive: true, force: true });
