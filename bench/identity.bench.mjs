// Identity benchmark: does Conway merge a person's identities the way the maintainers' curated
// `.mailmap` does, without seeing that file?
//   node bench/identity.bench.mjs <git dir>...   (BENCH_ANALYZER=<checkout root> runs another version's analyzer)
// Per repository: a temporary clone without a work tree (git reads a .mailmap from the work tree
// only, so Conway's git sees none; HEAD is untouched); the ground truth is git's own mapping of
// the original history (`git -c mailmap.blob=HEAD:.mailmap log --no-merges --format=%an %ae %aN
// %aE`); Conway analyses the whole history (`since: 1970-01-01`, no cache, no imports, --fast).
// Units and pairs, precisely:
//   - a unit is a raw author email (lowercased) of a commit Conway did not treat as a bot;
//   - its true person is the mapped email (%aE, lowercased) of most of its commits;
//   - Conway's person is the `people` row that lists it;
//   - T = unit pairs with the same true person, C = unit pairs with the same Conway person;
//   - precision = |C ∩ T| / |C|, over pairs whose two units the .mailmap names (on any line):
//     those are the pairs the maintainers decided — merged or kept apart;
//   - recall = |C ∩ T| / |T| over every unit pair.
// Prints one Markdown table row per repository (docs/inputs.md, "People").
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('..', import.meta.url));
const { analyzeRepo } = await loadAnalyzer(process.env.BENCH_ANALYZER ?? here);
const git = (cwd, ...args) => execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });

console.log(
  '| repository | commits | emails | .mailmap pairs | merged pairs (named by .mailmap) | precision | recall |',
);
console.log('|---|---|---|---|---|---|---|');
for (const src of process.argv.slice(2)) console.log(await benchOne(src));

async function benchOne(src) {
  const dir = mkdtempSync(join(tmpdir(), 'conway-identity-'));
  try {
    git(tmpdir(), 'clone', '-q', '--no-checkout', src, dir);
    git(dir, 'read-tree', 'HEAD');
    const truth = mappedEmails(
      git(dir, '-c', 'mailmap.blob=HEAD:.mailmap', 'log', '--no-merges', '--format=%an%x1f%ae%x1f%aN%x1f%aE'),
    );
    const named = namedEmails(git(dir, 'show', 'HEAD:.mailmap'));
    const report = await analyzeRepo(dir, { cache: false, imports: false, fast: true, since: '1970-01-01' });
    const conway = new Map();
    for (const p of report.people ?? []) if (!p.bot) for (const e of p.emails) conway.set(e.toLowerCase(), p.id);
    const units = [...truth.keys()].filter((e) => conway.has(e));
    const s = score(
      units,
      (e) => truth.get(e),
      (e) => conway.get(e),
      (e) => named.has(e),
    );
    if (process.env.BENCH_VERBOSE) explain(units, truth, conway, named);
    const name = basename(dirname(src)).replace('+', '/') || src;
    return `| ${name} | ${report.window.commits} | ${units.length} | ${s.t} | ${s.cNamed} | ${s.precision} | ${s.recall} |`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Raw email → the mapped email most of its commits got. */
function mappedEmails(log) {
  const votes = new Map();
  for (const line of log.split('\n')) {
    const [, ae, , mE] = line.split('\x1f');
    if (ae === undefined || mE === undefined) continue;
    const v = votes.get(ae.toLowerCase()) ?? votes.set(ae.toLowerCase(), new Map()).get(ae.toLowerCase());
    v.set(mE.toLowerCase(), (v.get(mE.toLowerCase()) ?? 0) + 1);
  }
  return new Map([...votes].map(([e, v]) => [e, [...v].sort((a, b) => b[1] - a[1])[0][0]]));
}

function namedEmails(text) {
  return new Set([...text.matchAll(/<([^>]*)>/g)].map((m) => m[1].trim().toLowerCase()));
}

/** Pair counts by grouping: pairs within a group of k are k(k−1)/2. */
function score(units, truthOf, conwayOf, isNamed) {
  const pairs = (keyOf, xs) => [...count(xs.map(keyOf)).values()].reduce((a, k) => a + (k * (k - 1)) / 2, 0);
  const t = pairs(truthOf, units);
  const both = pairs((e) => `${truthOf(e)}\0${conwayOf(e)}`, units);
  const namedUnits = units.filter(isNamed);
  const cNamed = pairs(conwayOf, namedUnits);
  const bothNamed = pairs((e) => `${truthOf(e)}\0${conwayOf(e)}`, namedUnits);
  return {
    t,
    cNamed,
    precision: cNamed ? (bothNamed / cNamed).toFixed(3) : '–',
    recall: t ? (both / t).toFixed(3) : '–',
  };
}

/** BENCH_VERBOSE=1: the true people Conway split, and the merges the .mailmap does not make. */
function explain(units, truth, conway, named) {
  const by = (keyOf) => units.reduce((m, e) => m.set(keyOf(e), [...(m.get(keyOf(e)) ?? []), e]), new Map());
  for (const [t, es] of by((e) => truth.get(e)))
    if (new Set(es.map((e) => conway.get(e))).size > 1)
      console.error(`split  ${t}: ${es.map((e) => `${e}→${conway.get(e)}`).join(', ')}`);
  for (const [c, es] of by((e) => conway.get(e)))
    if (new Set(es.filter((e) => named.has(e)).map((e) => truth.get(e))).size > 1)
      console.error(`wrong  ${c}: ${es.map((e) => `${e}→${truth.get(e)}`).join(', ')}`);
}

function count(keys) {
  const out = new Map();
  for (const k of keys) out.set(k, (out.get(k) ?? 0) + 1);
  return out;
}

async function loadAnalyzer(root) {
  const outfile = join(here, 'bench', '.out', `identity-${Buffer.from(root).toString('hex').slice(-16)}.cjs`);
  if (!existsSync(join(root, 'node_modules'))) symlinkSync(join(here, 'node_modules'), join(root, 'node_modules'));
  await esbuild.build({
    entryPoints: [join(root, 'analyzer', 'analyze.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  return createRequire(import.meta.url)(outfile);
}
