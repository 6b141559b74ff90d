// Advice that applies: a deep import's hint names only entry points of the target team that
// exist, nearest to the imported file first, and says so when there is none.
import { describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import { ANN, BOB } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const { repoOf, tempDir } = scratch();

describe('deep-import advice', () => {
  it('names the real entry points of the target team, never a guessed index.ts', async () => {
    const repo = repoOf([
      {
        author: ANN,
        date: '2024-01-01T10:00:00Z',
        files: {
          CODEOWNERS: '/a/ @o/a\n/b/ @o/b\n/b/bench/ @o/b\n/.claude/ @o/b\n/tools/ @o/b\n/c/ @o/c\n',
          'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['b/*'] }),
          '.claude/notes.md': 'x\n',
          'tools/run.ts': 'export const run = 1;\n',
          'b/bench/index.ts': 'export const bench = 1;\n',
          'b/far/package.json': JSON.stringify({ name: '@o/far', main: 'src/index.ts' }),
          'b/far/src/index.ts': 'export const far = 1;\n',
          'b/near/package.json': JSON.stringify({ name: '@o/near', exports: { '.': './src/main.ts' } }),
          'b/near/src/main.ts': "export * from './internal';\n",
          'b/near/src/internal.ts': 'export const deep = 1;\n',
          'c/lib/util.ts': 'export const util = 1;\n',
          'a/app.ts':
            "import { deep } from '../b/near/src/internal';\nimport { util } from '../c/lib/util';\nexport const app = deep + util;\n",
        },
      },
    ]);
    const r = await analyzeRepo(repo.dir, { cacheDir: tempDir() });
    const deep = r.violations.filter((v) => v.kind === 'deep-import');
    const toB = deep.find((v) => v.toTeam === '@o/b')!.message;
    expect(toB).toContain("import from @o/b's public API (b/near/src/main.ts, b/far/src/index.ts) instead");
    expect(toB).not.toMatch(/\.claude\/index|tools\/index|b\/index|bench/);
    expect(deep.find((v) => v.toTeam === '@o/c')!.message).toContain(
      '@o/c has no public entry point (no package.json entry, no index file, no publicApi)',
    );
    const finding = r.findings!.find((f) => f.toTeam === '@o/b' && f.kind === 'deep-import')!;
    expect(finding.suggestion).toMatch(/^import from @o\/b's public API \(b\/near\/src\/main\.ts, /);
  });
});

describe('drift suggestions', () => {
  it('hand the file over and keep the review group the current rule lists', async () => {
    const teams =
      'teams:\n  a: { owners: ["@o/a"], members: ["ann@acme.io"] }\n  b: { owners: ["@o/b"], members: ["bob@acme.io"] }\n  reviewers: { owners: ["@o/reviewers"], role: review-group }\n';
    const repo = repoOf([
      {
        author: BOB,
        date: '2024-01-01T10:00:00Z',
        files: {
          CODEOWNERS: '/a/ @o/a @o/reviewers\n/b/ @o/b @o/reviewers\n',
          'conway.yml': teams,
          'b/f.ts': '0\n',
          'a/x.ts': '0\n',
        },
      },
      ...['02', '03', '04'].map((d) => ({
        author: ANN,
        date: `2024-01-${d}T10:00:00Z`,
        files: { 'b/f.ts': `${d}\n` },
      })),
    ]);
    const r = await analyzeRepo(repo.dir, { cacheDir: tempDir() });
    const drift = r.violations.find((v) => v.kind === 'ownership-drift')!;
    expect(drift.message).toContain('(`/b/f.ts @o/a @o/reviewers` in CODEOWNERS)');
    expect(r.findings!.find((f) => f.kind === 'ownership-drift')!.suggestion).toBe('/b/ @o/a @o/reviewers'); // b/f.ts is all of b/
  });
});
