// CODEOWNERS from a hostile repository (docs/security.md): matching is linear in pattern × path (no
// backtracking blow-up), odd bytes (a BOM, a newline in a path) do not change the answer, a
// backwards GitLab range is a validate error, and duplicate owners are one owner.
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../analyzer/codeowners/matcher';
import { parseCodeowners } from '../../analyzer/codeowners/parse';
import { cli } from '../fixtures/cli';
import { scratch } from '../fixtures/scratch';

const { repoOf } = scratch('conway-co-');
const BOUND_MS = 500;

function timed<T>(fn: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t };
}

describe('matching stays linear on patterns built to backtrack', () => {
  const name = 'a'.repeat(60);
  const cases: [string, 'github' | 'gitlab', string, string][] = [
    ['20 stars', 'github', `/${'*a'.repeat(20)}*b @x/y`, name],
    ['20 stars, unanchored (the regex took minutes)', 'github', `${'*a'.repeat(20)}*b @x/y`, name],
    ['1,000 /**/ segments (the regex took minutes)', 'gitlab', `/${'**/'.repeat(1000)}x @x/y`, `${'d/'.repeat(1000)}y`],
    ['20 stars', 'gitlab', `/${'*a'.repeat(20)}*b @x/y`, name],
    ['2,000 **/ segments', 'github', `${'**/'.repeat(2000)}x @x/y`, `${'d/'.repeat(1000)}y`],
    ['2,000 **/ segments', 'gitlab', `/${'**/'.repeat(2000)}x @x/y`, `${'d/'.repeat(1000)}y`],
    ['a deep /**/ pattern', 'gitlab', `/**/${'a*/'.repeat(200)}z @x/y`, `${'ab/'.repeat(1000)}y`],
  ];
  for (const [what, flavor, line, path] of cases) {
    it(`${what} (${flavor}): an answer within ${BOUND_MS} ms`, () => {
      const m = createMatcher(parseCodeowners(line, 'CODEOWNERS', flavor));
      const { value, ms } = timed(() => m.match(path));
      expect(value.owners).toEqual([]);
      expect(ms).toBeLessThan(BOUND_MS);
    });
  }

  it('who and check answer at once on a repository with such a CODEOWNERS', async () => {
    const deep = `${'d/'.repeat(200)}y.ts`;
    const r = repoOf([
      {
        files: {
          CODEOWNERS: `${'**/'.repeat(2000)}x @x/y\n/${'*a'.repeat(20)}*b @x/y\n* @x/all\n`,
          [deep]: 'export {};\n',
          [`${'a'.repeat(60)}.ts`]: '',
        },
      },
    ]);
    const started = performance.now();
    expect((await cli(['who', '--repo', r.dir, deep])).stdout).toContain('owners: @x/all');
    expect((await cli(['check', '--repo', r.dir, '--no-cache'])).stderr).not.toContain('ERROR');
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('odd bytes do not change who owns what', () => {
  it('a path with a newline is owned like any other (no false unowned)', async () => {
    const r = repoOf([
      {
        files: {
          CODEOWNERS: '*.ts @acme/core\n/docs/ @acme/docs\n',
          'src/new\nline.ts': 'export {};\n',
          'docs/a\nb.md': 'x\n',
        },
      },
    ]);
    const m = createMatcher(parseCodeowners('*.ts @acme/core\n/docs/ @acme/docs\n', 'CODEOWNERS', 'github'));
    expect(m.match('src/new\nline.ts').owners).toEqual(['@acme/core']);
    expect(m.match('docs/a\nb.md').owners).toEqual(['@acme/docs']);
    const report = JSON.parse((await cli(['analyze', '--repo', r.dir, '--no-cache'])).stdout);
    expect(report.violations.filter((v: { kind: string }) => v.kind === 'unowned')).toEqual([]);
  });

  it('a UTF-8 BOM before rule 1 is not part of its pattern', async () => {
    const r = repoOf([{ files: { CODEOWNERS: '\uFEFF* @acme/core\n', 'a.ts': 'x\n' } }]);
    expect((await cli(['who', '--repo', r.dir, 'a.ts'])).stdout).toContain('owners: @acme/core');
    expect(parseCodeowners('\uFEFF*.md @a/b\n', 'CODEOWNERS', 'gitlab').rules[0].pattern).toBe('*.md');
  });
});

describe('GitLab ranges and duplicate owners', () => {
  it('a range written backwards is an error for its line, which is skipped; every command still runs', async () => {
    const r = repoOf([{ files: { CODEOWNERS: '/[z-a].ts @acme/a\n* @acme/all\n', 'b.ts': 'x\n' } }]);
    const v = await cli(['validate', '--repo', r.dir, '--flavor', 'gitlab']);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain(
      "CODEOWNERS:1: error: '/[z-a].ts': character range [z-a] is out of order — write [a-z]; the line is skipped",
    );
    const who = await cli(['who', '--repo', r.dir, '--flavor', 'gitlab', 'b.ts']);
    expect(who).toMatchObject({ code: 0, stdout: expect.stringContaining('owners: @acme/all') });
    expect((await cli(['check', '--repo', r.dir, '--flavor', 'gitlab', '--no-cache'])).stderr).not.toContain(
      'internal error',
    );
  });

  it('an owner listed 50,000 times on one rule is one owner', () => {
    const line = `* ${Array(50_000).fill('@acme/core').join(' ')} @ACME/core @acme/web`;
    expect(parseCodeowners(line, 'CODEOWNERS', 'github').rules[0].owners).toEqual(['@acme/core', '@acme/web']);
  });
});
