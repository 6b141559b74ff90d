// Where the time of one run goes, from a V8 CPU profile of the CLI:
//   node --cpu-prof --cpu-prof-dir=/tmp/prof dist/cli.js check <repo>
//   node bench/phases.mjs /tmp/prof/CPU.*.cpuprofile [--json]
// Each sample goes to the innermost pipeline phase on its stack (the functions below, as esbuild
// names them in the unminified dist/ bundle: a trailing digit is a renamed duplicate), so phases
// never double-count; "idle" is the main thread waiting (git running, files being read).
import { readFileSync } from 'node:fs';

const PHASES = [
  ['startup: bundle load', /^$/, (cf) => cf.url.endsWith('cli.js') && cf.functionName === ''],
  ['ownership (CODEOWNERS, team map, catalog walk)', /^loadOwnership\d*$/],
  ['repository state, window', /^(readRepoState|headWindow|resolveSince)\d*$/],
  ['history (cache read, git log)', /^(mineHistory|mineWithCache)\d*$/],
  ['import graph (index, cached edges)', /^buildImportGraph\d*$/],
  ['people, identities', /^(resolvePeople|personOwnerNames)\d*$/],
  ['model (delivery teams, public API)', /^buildModel\d*$/],
  ['change sets', /^changeSetsFor\d*$/],
  ['history metrics', /^computeHistoryMetrics\d*$/],
  ['structure: violations', /^computeStructure\d*$/],
  ['structure: module inference', /^inferModules\d*$/],
  ['team work (interactions, coordination)', /^teamwork\d*$/],
  ['findings', /^findingsOf\d*$/],
  ['coverage', /^ownershipCoverage\d*$/],
  ['crossing', /^crossingSection\d*$/],
  ['scorecard', /^scorecardSection\d*$/],
  ['package facts', /^packageFacts\d*$/],
  ['render + write', /^(renderReport|writeOutput|runCheck)\d*$/],
];

const [file, ...flags] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/phases.mjs FILE.cpuprofile [--json]');
  process.exit(2);
}
const p = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const phaseOfNode = new Map();
const phaseOf = (id) => {
  if (phaseOfNode.has(id)) return phaseOfNode.get(id);
  const cf = byId.get(id).callFrame;
  let phase = null;
  if (cf.functionName === '(garbage collector)') phase = 'garbage collector';
  else if (cf.functionName === '(idle)') phase = 'idle (waiting on git / I/O)';
  else {
    for (const [name, re, test] of PHASES) if (test ? test(cf) : re.test(cf.functionName)) phase = name;
    if (!phase) phase = parent.has(id) ? phaseOf(parent.get(id)) : 'other';
  }
  phaseOfNode.set(id, phase);
  return phase;
};
const ms = new Map();
let total = 0;
for (let i = 0; i < p.samples.length; i++) {
  const d = (p.timeDeltas[i] ?? 0) / 1000;
  total += d;
  const ph = phaseOf(p.samples[i]);
  ms.set(ph, (ms.get(ph) ?? 0) + d);
}
const rows = [...ms].sort((a, b) => b[1] - a[1]).map(([phase, t]) => ({ phase, ms: Math.round(t), share: t / total }));
if (flags.includes('--json')) console.log(JSON.stringify({ total: Math.round(total), rows }));
else {
  for (const r of rows)
    console.log(`${String(r.ms).padStart(6)} ms ${(100 * r.share).toFixed(1).padStart(5)}%  ${r.phase}`);
  console.log(`${String(Math.round(total)).padStart(6)} ms  total (profiled; the profiler adds its own cost)`);
}
