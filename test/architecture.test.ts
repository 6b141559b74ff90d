// The architecture rules (.dependency-cruiser.cjs, run by `npm run lint`) hold on the real tree,
// and each one bites: a small tree with one file breaking each rule fails with that rule's name.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const DEPCRUISE = join(ROOT, 'node_modules', '.bin', 'depcruise');

function cruise(cwd: string): { status: number | null; out: string } {
  const r = spawnSync(
    DEPCRUISE,
    ['analyzer', 'extension', 'webview', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'],
    { cwd, encoding: 'utf8' },
  );
  return { status: r.status, out: r.stdout + r.stderr };
}

// One violating import per rule: [rule, importing file, its text, the file it imports (created empty)].
const BREAKS: [string, string, string, string?][] = [
  [
    'room-metrics',
    'analyzer/metrics/a.ts',
    "import { x } from '../imports/x';\nexport const a = x;\n",
    'analyzer/imports/x.ts',
  ],
  [
    'room-report',
    'analyzer/report/a.ts',
    "import { x } from '../history/x';\nexport const a = x;\n",
    'analyzer/history/x.ts',
  ],
  [
    'room-contract',
    'analyzer/contract/a.ts',
    "import { x } from '../model/x';\nexport const a = x;\n",
    'analyzer/model/x.ts',
  ],
  ['room-top', 'analyzer/analyze.ts', "import { x } from './cli/x';\nexport const a = x;\n", 'analyzer/cli/x.ts'],
  ['known-room', 'analyzer/attic/a.ts', "import { x } from '../model/x';\nexport const a = x;\n"],
  [
    'io-only-where-designed',
    'analyzer/history/b.ts',
    "import { readFileSync } from 'node:fs';\nexport const b = readFileSync;\n",
  ],
  [
    'vscode-only-in-extension',
    'analyzer/collect/a.ts',
    "import * as vscode from 'vscode';\nexport const a = vscode;\n",
  ],
  ['webview-own-files', 'webview/a.ts', "import { x } from '../analyzer/model/x';\nexport const a = x;\n"],
  ['extension-through-api', 'extension/a.ts', "import { x } from '../analyzer/history/x';\nexport const a = x;\n"],
  ['no-analyzer-to-editor', 'analyzer/cli/a.ts', "import { a } from '../../extension/a';\nexport const b = a;\n"],
  [
    'no-cycles',
    'analyzer/model/c1.ts',
    "import { c2 } from './c2';\nexport const c1 = () => c2;\n",
    'analyzer/model/c2.ts',
  ],
];

describe('architecture rules', () => {
  let tree: string;
  let result: { status: number | null; out: string };
  beforeAll(() => {
    tree = mkdtempSync(join(tmpdir(), 'conway-arch-'));
    copyFileSync(join(ROOT, '.dependency-cruiser.cjs'), join(tree, '.dependency-cruiser.cjs'));
    const write = (rel: string, text: string) => {
      mkdirSync(dirname(join(tree, rel)), { recursive: true });
      writeFileSync(join(tree, rel), text);
    };
    for (const [, file, text, target] of BREAKS) {
      write(file, text);
      if (target && target.endsWith('c2.ts'))
        write(target, "import { c1 } from './c1';\nexport const c2 = () => c1;\n");
      else if (target) write(target, 'export const x = 1;\n');
    }
    result = cruise(tree);
  }, 60_000);
  afterAll(() => rmSync(tree, { recursive: true, force: true }));

  it('hold on the real tree', () => {
    const real = cruise(ROOT);
    expect(real.out).toContain('no dependency violations found');
    expect(real.status).toBe(0);
  }, 60_000);

  it.each(BREAKS.map(([rule, file]) => [rule, file]))('%s bites (%s)', (rule, file) => {
    expect(result.status).not.toBe(0);
    expect(result.out).toMatch(new RegExp(`error ${rule}: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} →`));
  });

  it('the tree that breaks every rule fails nothing else', () => {
    const errors = result.out.split('\n').filter((l) => /^\s*error /.test(l));
    expect(errors.length).toBe(BREAKS.length);
  });
});

// Long-lived state is one WarmContext passed through the options (docs/architecture.md, "Where
// long-lived state lives"): no analyzer module keeps mutable state of its own. Allowed: the
// worker's table of running requests (the process it owns), the built dashboard read once (Conway's
// own asset, not input), the temp files this process is writing (removed by its own signal
// handlers), memos keyed weakly by the objects they describe, and the TypeScript library loaded
// on first use with the token kinds read from it (constants of the library, not of any input), and
// the running build's id (collect/build-id.ts: Conway's own code, the same for the whole process).
const MODULE_STATE_ALLOWED = new Set([
  'analyzer/worker.ts: running',
  'analyzer/collect/temp-files.ts: live',
  'analyzer/collect/temp-files.ts: installed',
  'analyzer/codeowners/parse.ts: byName',
  'analyzer/collect/dashboard-assets.ts: cached',
  'analyzer/metrics/truck-factor.ts: authorsMemo',
  'analyzer/ownership/modules.ts: dirs',
  'analyzer/imports/ts-lib.ts: lib',
  'analyzer/imports/extract.ts: K',
  'analyzer/imports/extract.ts: noRegexAfter',
  'analyzer/collect/build-id.ts: build',
]);

function* analyzerFiles(dir: string): Generator<string> {
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) yield* analyzerFiles(rel);
    else if (rel.endsWith('.ts')) yield rel;
  }
}

describe('module state', () => {
  it('no analyzer module keeps mutable state outside the WarmContext', () => {
    const found: string[] = [];
    for (const file of analyzerFiles('analyzer')) {
      for (const m of readFileSync(join(ROOT, file), 'utf8').matchAll(
        /^(?:export )?(?:let (\w+)|const (\w+)(?:: [^=]+)? = new (?:Map|Set|WeakMap)\b[^(]*\(\))/gm,
      )) {
        found.push(`${file}: ${m[1] ?? m[2]}`);
      }
    }
    expect(found.filter((f) => !MODULE_STATE_ALLOWED.has(f))).toEqual([]);
    expect(found.length).toBeGreaterThan(0); // the pattern still finds the allowed ones: it can bite
  });
});
