import fc from 'fast-check';
import { Minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXCLUDES, makePathFilter } from '../../analyzer/history/paths';
import { canonicalPaths, followRenames } from '../../analyzer/history/renames';
import type { Commit } from '../../analyzer/model/types';

describe('path filter', () => {
  it('drops lockfiles, vendored, built and minified files by default', () => {
    const keep = makePathFilter();
    expect(['src/a.ts', '.github/CODEOWNERS', 'pkg/src/index.ts'].map(keep)).toEqual([true, true, true]);
    expect(
      ['package-lock.json', 'a/yarn.lock', 'node_modules/x/i.js', 'dist/a.js', 'x/y.min.js', 'vendor/z.go'].map(keep),
    ).toEqual([false, false, false, false, false, false]);
  });

  it("the literal pre-check never changes an answer: same as testing every glob's minimatch expression", () => {
    const globs = [...DEFAULT_EXCLUDES, 'src/**/*.gen.ts'];
    const matchers = globs.map((g) => new Minimatch(g, { dot: true }).makeRe() as RegExp);
    const keep = makePathFilter({ exclude: ['src/**/*.gen.ts'] });
    const segment = fc.constantFrom(
      'src',
      'dist',
      'distance',
      'node_modules',
      'vendor',
      'a.lock',
      'x.min.js',
      'y.map',
      'mapper.ts',
      'file.gen.ts',
      '__generated__',
      'c.snap',
      'package-lock.json',
      'go.sum',
      '.hidden',
      'index.ts',
    );
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (parts) => {
        const path = parts.join('/');
        expect(keep(path)).toBe(!matchers.some((m) => m.test(path)));
      }),
      { numRuns: 2000 },
    );
  });

  it('applies include and exclude globs with dot files; defaultExcludes replaces the list', () => {
    const keep = makePathFilter({ include: ['src/**'], exclude: ['**/*.test.ts'], defaultExcludes: [] });
    expect(['src/a.ts', 'src/.hidden/b.ts', 'src/a.test.ts', 'docs/x.md'].map(keep)).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(makePathFilter({ defaultExcludes: [] })('package-lock.json')).toBe(true);
  });
});

const commit = (sha: string, files: Commit['files']): Commit => ({
  sha,
  author: 'ann',
  authorName: 'Ann',
  authorEmail: 'a@x',
  date: 0,
  coAuthors: [],
  files,
});

describe('renames', () => {
  // newest first: c3 edits b.ts and a new a.ts; c2 renames a.ts → b.ts; c1 edits a.ts.
  const history = [
    commit('c3', [
      { path: 'b.ts', added: 1, deleted: 0 },
      { path: 'a.ts', added: 5, deleted: 0 },
    ]),
    commit('c2', [{ path: 'b.ts', oldPath: 'a.ts', added: 0, deleted: 0 }]),
    commit('c1', [{ path: 'a.ts', added: 9, deleted: 0 }]),
  ];

  it('credits pre-rename changes to the newest name, but not to a later file reusing the old name', () => {
    expect(followRenames(history).map((c) => c.files.map((f) => f.path))).toEqual([
      ['b.ts', 'a.ts'],
      ['b.ts'],
      ['b.ts'],
    ]);
  });

  it('follows chains of renames', () => {
    const chain = [commit('c2', [{ path: 'c.ts', oldPath: 'b.ts', added: 0, deleted: 0 }]), ...history.slice(1)];
    expect(canonicalPaths(chain)).toEqual(
      new Map([
        ['b.ts', 'c.ts'],
        ['a.ts', 'c.ts'],
      ]),
    );
    expect(followRenames(chain).map((c) => c.files[0].path)).toEqual(['c.ts', 'c.ts', 'c.ts']);
  });
});
