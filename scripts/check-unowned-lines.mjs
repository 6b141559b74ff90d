// Checks a report's unowned-directory suggestions against the real CODEOWNERS matcher: each
// suggested line, inserted where its finding says into a copy of CODEOWNERS in a temp dir (never
// the analysed repository), must own exactly the tracked files under its target that no rule
// matched, and leave every other file's owners as they were.
// Usage: node scripts/check-unowned-lines.mjs REPORT.json REPO [flavor]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAnalyzer } from '../bench/bundle.mjs';

const [reportPath, repo, flavor = 'github'] = process.argv.slice(2);
const { parseCodeowners } = await loadAnalyzer('analyzer/codeowners/parse.ts', 'co-parse');
const { createMatcher } = await loadAnalyzer('analyzer/codeowners/matcher.ts', 'co-matcher');
const { insertAt } = await loadAnalyzer('analyzer/model/suggest-line.ts', 'suggest-line');
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const files = execFileSync('git', ['-C', repo, 'ls-files', '-z'], { maxBuffer: 1 << 28 })
  .toString()
  .split('\0')
  .filter(Boolean);
const placed = (report.findings ?? []).filter((f) => f.kind === 'unowned' && f.suggestion && f.placement);
if (!placed.length) {
  console.log('no placed unowned suggestions');
  process.exit(0);
}
const file = placed[0].placement.file;
const text = readFileSync(join(repo, file), 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'conway-unowned-'));
const ownersWith = (t) => {
  writeFileSync(join(tmp, 'CODEOWNERS'), t);
  const m = createMatcher(parseCodeowners(readFileSync(join(tmp, 'CODEOWNERS'), 'utf8'), file, flavor));
  return files.map((f) => m.match(f).owners.join(' '));
};
const before = ownersWith(text);
let bad = 0;
for (const f of placed) {
  const after = ownersWith(insertAt(text, f.placement, f.suggestion));
  const newOwners = f.suggestion.split(' ').slice(1).join(' ');
  const under = (p) => f.target === '.' || p === f.target || p.startsWith(`${f.target}/`);
  const intended = files.filter((p, i) => under(p) && before[i] === '' && !isOwnedByRule(p));
  const changed = files.filter((p, i) => after[i] !== before[i]);
  const wrong = changed.filter((p, i) => !intended.includes(p) || after[files.indexOf(p)] !== newOwners);
  const missed = intended.filter((p) => !changed.includes(p));
  const ok = !wrong.length && !missed.length;
  if (!ok) bad++;
  console.log(
    `${ok ? 'ok ' : 'BAD'} ${f.suggestion}  [${f.placement.beforeLine ? `before line ${f.placement.beforeLine}` : `after line ${f.placement.afterLine}`}]: ${changed.length} files change owner, ${intended.length} intended${wrong.length ? `; wrong: ${wrong.slice(0, 3).join(', ')}` : ''}${missed.length ? `; missed: ${missed.slice(0, 3).join(', ')}` : ''}`,
  );
}
rmSync(tmp, { recursive: true, force: true });
console.log(`${placed.length} lines checked, ${bad} wrong`);
process.exit(bad ? 1 : 0);

// A file that a rule without owners matches is unowned on purpose: no line may take it.
function isOwnedByRule(p) {
  return matcherOriginal().match(p).rule !== null;
}
function matcherOriginal() {
  return (matcherOriginal.m ??= createMatcher(parseCodeowners(text, file, flavor)));
}
