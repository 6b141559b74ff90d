// CODEOWNERS matching: owners of every file in a 100k-file tree with a 1,000-rule file.
// Baseline in the same run: the same compiled patterns tested linearly from the last rule up
// (what a straightforward last-match-wins implementation does). Target: Conway well under 1 s.
import { loadAnalyzer } from './bundle.mjs';

const FILES = Number(process.env.BENCH_FILES ?? 100_000);
const RULES = Number(process.env.BENCH_RULES ?? 1_000);

const { parseCodeowners } = await loadAnalyzer('analyzer/codeowners/parse.ts', 'co-parse');
const { createMatcher } = await loadAnalyzer('analyzer/codeowners/matcher.ts', 'co-matcher');
const { compileGithubPattern } = await loadAnalyzer('analyzer/codeowners/glob-github.ts', 'co-glob');
const { matchSegments } = await loadAnalyzer('analyzer/codeowners/segment-glob.ts', 'co-segments');

function tree() {
  const exts = ['ts', 'tsx', 'js', 'md', 'json', 'css'];
  const files = [];
  for (let i = 0; files.length < FILES; i++) {
    const team = `team${i % 250}`;
    files.push(`packages/${team}/src/mod${i % 40}/sub${i % 7}/file${i}.${exts[i % exts.length]}`);
  }
  return files;
}

function codeowners() {
  const lines = ['* @org/everyone', '*.md @org/docs', '**/package.json @org/infra', 'docs/* @org/docs'];
  for (let i = 0; lines.length < RULES; i++) {
    const team = `team${i % 250}`;
    const kind = Math.floor(i / 250) % 4;
    if (kind === 0) lines.push(`/packages/${team}/ @org/${team}`);
    else if (kind === 1) lines.push(`/packages/${team}/src/mod${i % 40}/ @org/${team}-core`);
    else if (kind === 2) lines.push(`/packages/${team}/src/*.ts @org/${team}-api`);
    else lines.push(`packages/${team}/**/*.css @org/design`);
  }
  return lines.join('\n');
}

function time(fn) {
  const t = process.hrtime.bigint();
  const out = fn();
  return [Number(process.hrtime.bigint() - t) / 1e6, out];
}

const files = tree();
const text = codeowners();
const [conwayMs, owned] = time(() => {
  const m = createMatcher(parseCodeowners(text, 'CODEOWNERS', 'github'));
  let n = 0;
  for (const f of files) if (m.match(f).owners.length) n++;
  return n;
});
const [naiveMs, ownedNaive] = time(() => {
  const rules = parseCodeowners(text, 'CODEOWNERS', 'github').rules.map((r) => ({
    r,
    items: compileGithubPattern(r.pattern).items,
  }));
  let n = 0;
  for (const f of files) {
    const segs = f.split('/'); // once per file, as the index does
    for (let i = rules.length - 1; i >= 0; i--)
      if (matchSegments(rules[i].items, segs)) {
        if (rules[i].r.owners.length) n++;
        break;
      }
  }
  return n;
});
if (owned !== ownedNaive) throw new Error(`results differ: ${owned} vs ${ownedNaive}`);
console.log(`codeowners: ${FILES} files × ${RULES} rules`);
console.log(
  `  conway (parse + compile + match all): ${conwayMs.toFixed(0)} ms  ${conwayMs < 1000 ? '(target < 1000 ms: met)' : '(target < 1000 ms: MISSED)'}`,
);
console.log(`  baseline linear last-match scan:      ${naiveMs.toFixed(0)} ms`);
console.log(`  speed-up: ${(naiveMs / conwayMs).toFixed(1)}×  (same owners for all ${FILES} files)`);
