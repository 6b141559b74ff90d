// Test code apart from production code: every violation and finding says which; production
// findings rank first; "Where to act first" shows test findings only when there is no other;
// `--scope` filters; conway.yml `testPaths` adds to the conventions.
import { describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import { makeScopeOf } from '../../analyzer/metrics/scope';
import { renderMarkdown } from '../../analyzer/report/markdown';
import { cli } from '../fixtures/cli';
import { ANN, BOB } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const { repoOf, tempDir } = scratch();

const BASE = {
  CODEOWNERS: '/a/ @o/a\n/b/ @o/b\n',
  'conway.yml': 'teams:\n  a: { owners: ["@o/a"] }\n  b: { owners: ["@o/b"] }\ntestPaths: ["a/qa/**"]\n',
  'b/index.ts': 'export const b = 1;\n',
  'b/x.ts': 'export const x = 1;\n',
  'b/y.ts': 'export const y = 1;\n',
};
const TESTS = {
  'a/__tests__/app.test.ts': "import { y } from '../../b/y';\nexport const t = y;\n",
  'a/test/helper.ts': "import { y } from '../../b/y';\nexport const h = y;\n",
  'a/qa/check.ts': "import { y } from '../../b/y';\nexport const q = y;\n",
};

describe('makeScopeOf', () => {
  it('knows the conventions and the configured globs', () => {
    const scopeOf = makeScopeOf(['tools/qa/**']);
    for (const p of [
      'src/a.test.ts',
      'src/a.spec.tsx',
      'src/__tests__/a.ts',
      'test/a.ts',
      'pkg/tests/a.js',
      'e2e/a.ts',
      'pkg/fixtures/x.ts',
      'bench/run.ts',
      'pkg/benchmarks/x.ts',
      'tools/qa/x.ts',
      'src/setupTests.ts',
    ])
      expect([p, scopeOf(p)]).toEqual([p, 'test']);
    for (const p of ['src/a.ts', 'src/testament.ts', 'contest/a.ts', 'src/latest/x.ts'])
      expect([p, scopeOf(p)]).toEqual([p, 'production']);
  });
});

describe('scope of violations and findings', () => {
  it('ranks a production deep import before busier test ones, and acts on production first', async () => {
    const repo = repoOf([
      {
        author: ANN,
        date: '2024-01-01T10:00:00Z',
        files: { ...BASE, ...TESTS, 'a/app.ts': "import { x } from '../b/x';\nexport const app = x;\n" },
      },
      // the test files change more: by changes alone they would rank first
      ...[2, 3, 4].map((d) => ({
        author: BOB,
        date: `2024-01-0${d}T10:00:00Z`,
        files: { 'a/__tests__/app.test.ts': `import { y } from '../../b/y';\nexport const t = y + ${d};\n` },
      })),
    ]);
    const r = await analyzeRepo(repo.dir, { cacheDir: tempDir() });
    const deep = r.violations.filter((v) => v.kind === 'deep-import');
    expect(deep.map((v) => [v.file, v.scope])).toEqual([
      ['a/__tests__/app.test.ts', 'test'],
      ['a/app.ts', 'production'],
      ['a/qa/check.ts', 'test'],
      ['a/test/helper.ts', 'test'],
    ]);
    const findings = r.findings!.filter((f) => f.kind === 'deep-import');
    expect(findings.map((f) => [f.target, f.scope, f.count])).toEqual([
      ['b/x.ts', 'production', 1],
      ['b/y.ts', 'test', 3],
    ]);
    expect(findings[1].title).toMatch(/\(test code\)$/);
    const md = renderMarkdown(r);
    const act = md.slice(
      md.indexOf('## Where to act first'),
      md.indexOf('\n\n', md.indexOf('## Where to act first') + 25),
    );
    expect(act).toContain('b/x.ts');
    expect(act).not.toContain('test code');

    const prod = JSON.parse((await cli(['analyze', '--repo', repo.dir, '--no-cache', '--scope', 'production'])).stdout);
    expect(
      prod.violations.filter((v: { kind: string }) => v.kind === 'deep-import').map((v: { file: string }) => v.file),
    ).toEqual(['a/app.ts']);
    expect(prod.notes).toContain('--scope production: 3 test-code violations left out');
    expect(await cli(['analyze', '--repo', repo.dir, '--scope', 'prod'])).toMatchObject({
      code: 2,
      stderr: 'ERROR: --scope prod: expected production or test\n',
    });
  });

  it('shows test findings first only when there is no production finding', async () => {
    const repo = repoOf([{ author: ANN, date: '2024-01-01T10:00:00Z', files: { ...BASE, ...TESTS } }]);
    const md = renderMarkdown(await analyzeRepo(repo.dir, { cacheDir: tempDir() }));
    expect(md).toMatch(/## Where to act first\n\n1\. \*\*deep-import\*\* .*b\/y\.ts.*\(test code\)/);
  });
});
