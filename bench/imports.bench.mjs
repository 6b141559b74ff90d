// Import graph speed and correctness on a generated 20k-file monorepo (bench/genmonorepo.mjs:
// workspaces, a path alias, re-exports, type and dynamic imports): Conway's files/s including
// resolution (target ≥ 5,000 files/s on 2 cores), and dependency-cruiser on the same tree with
// the same tsconfig — time ratio (target ≥ 10×) and the resolved edge sets compared.
// BENCH_FILES shrinks the tree; BENCH_DEPCRUISE_FILES caps the tree dependency-cruiser gets.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAnalyzer } from './bundle.mjs';
import { genMonorepo } from './genmonorepo.mjs';

const FILES = Number(process.env.BENCH_FILES) || 20_000;
const repo = genMonorepo({ files: FILES });
const { buildImportGraph } = await loadAnalyzer('analyzer/imports/index.ts', 'imports');

const t0 = performance.now();
const g = await buildImportGraph(repo);
const ms = performance.now() - t0;
const rate = Math.round(g.files.length / (ms / 1000));
console.log(
  `imports: ${g.files.length} files, ${g.edges.length} edges (${g.unresolved.length} unresolved, ${g.externals.length} externals) in ${(ms / 1000).toFixed(2)} s`,
);
console.log(`  conway: ${rate} files/s ${rate >= 5000 ? '(target ≥ 5,000: met)' : '(target ≥ 5,000: MISSED)'}`);

// dependency-cruiser on the same tree: TS pre-compilation deps, the root tsconfig, no node_modules.
const depcruise = join(new URL('..', import.meta.url).pathname, 'node_modules/.bin/depcruise');
const outDir = join(new URL('.', import.meta.url).pathname, '.out');
mkdirSync(outDir, { recursive: true });
const cfg = join(outDir, 'depcruise.cjs');
writeFileSync(
  cfg,
  `module.exports = { options: { tsPreCompilationDeps: true, tsConfig: { fileName: 'tsconfig.json' }, combinedDependencies: false, exclude: { path: 'node_modules' } } };\n`,
);
const t1 = performance.now();
const dc = spawnSync(depcruise, ['--config', cfg, '--output-type', 'json', 'packages', 'apps'], {
  cwd: repo,
  encoding: 'utf8',
  maxBuffer: 1 << 30,
});
const dcMs = performance.now() - t1;
if (dc.status !== 0 && !dc.stdout) {
  console.log(`  dependency-cruiser failed: ${dc.stderr.split('\n')[0]}`);
  process.exit(0);
}
const cruise = JSON.parse(dc.stdout);
console.log(
  `  dependency-cruiser: ${(dcMs / 1000).toFixed(2)} s for ${cruise.modules.length} modules → Conway is ${(dcMs / ms).toFixed(1)}× faster ${dcMs / ms >= 10 ? '(target ≥ 10×: met)' : '(target ≥ 10×: MISSED)'}`,
);

// Compare resolved repository edges (file → file), ignoring kinds and lines.
const ours = new Set(g.edges.filter((e) => e.to && !/^(npm|node):/.test(e.to)).map((e) => `${e.from} -> ${e.to}`));
const theirs = new Set();
for (const m of cruise.modules)
  for (const d of m.dependencies ?? [])
    if (d.resolved && !d.coreModule && !d.couldNotResolve && !/node_modules/.test(d.resolved))
      theirs.add(`${m.source} -> ${d.resolved}`);
const onlyOurs = [...ours].filter((e) => !theirs.has(e));
const onlyTheirs = [...theirs].filter((e) => !ours.has(e));
console.log(
  `  edges: conway ${ours.size}, dependency-cruiser ${theirs.size}, both ${ours.size - onlyOurs.length}, only conway ${onlyOurs.length}, only dependency-cruiser ${onlyTheirs.length}`,
);
for (const e of onlyOurs.slice(0, 3)) console.log(`    only conway: ${e}`);
for (const e of onlyTheirs.slice(0, 3)) console.log(`    only dependency-cruiser: ${e}`);
