// Coverage of the whole repository: every tracked file, any language, counts — a C++ core that no
// CODEOWNERS rule names is said in the report's first lines, with the window's changes to it.
import { describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import { renderMarkdown } from '../../analyzer/report/markdown';
import { ANN, BOB } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const { repoOf, tempDir } = scratch();

describe('ownership coverage', () => {
  it('counts every tracked file and change, names the largest unowned directories', async () => {
    const repo = repoOf([
      {
        author: ANN,
        date: '2024-01-01T10:00:00Z',
        files: {
          CODEOWNERS: '/web/ @o/web\n/docs/readme.md @o/docs\n/tools/ \n*.yml @o/ops\n',
          'web/app.ts': 'export const a = 1;\n',
          'core/engine.cc': 'int main() {}\n',
          'core/engine.h': '#pragma once\n',
          'core/io/file.cc': 'int f() {}\n',
          'docs/readme.md': '# hi\n',
          'docs/guide.md': '# guide\n',
          'tools/gen.py': 'print(1)\n',
          'ci.yml': 'a: 1\n',
        },
      },
      {
        author: BOB,
        date: '2024-01-02T10:00:00Z',
        files: { 'core/engine.cc': 'int main() { return 0; }\n', 'web/app.ts': 'export const a = 2;\n' },
      },
    ]);
    const r = await analyzeRepo(repo.dir, { cacheDir: tempDir() });
    // 9 tracked files; owned: web/app.ts, docs/readme.md, ci.yml (*.yml is no catch-all); tools/ has a rule without owners.
    expect(r.coverage).toEqual({
      files: 9,
      ownedFiles: 3,
      unownedFiles: 6,
      catchAllOnlyFiles: 0,
      changes: 11,
      unownedChanges: 7,
      largestUnowned: [
        { dir: 'core', files: 3 },
        { dir: '', files: 1 },
        { dir: 'docs', files: 1 },
        { dir: 'tools', files: 1 },
      ],
    });
    const md = renderMarkdown(r).split('\n');
    expect(md[6]).toBe(
      'Ownership coverage: 3 of 9 tracked files owned (33%), 6 unowned, 0 owned only by a catch-all rule; 7 of the 11 changes in the window (64%) went to unowned files. Largest unowned: core/ (3), (root files) (1), docs/ (1), tools/ (1).',
    );
  });

  it('counts files decided only by a catch-all rule apart', async () => {
    const repo = repoOf([
      {
        author: ANN,
        date: '2024-01-01T10:00:00Z',
        files: { CODEOWNERS: '* @o/all\n/web/ @o/web\n', 'web/a.ts': '1\n', 'lib/b.cc': '2\n' },
      },
    ]);
    const r = await analyzeRepo(repo.dir, { cacheDir: tempDir() });
    expect(r.coverage).toMatchObject({
      files: 3,
      ownedFiles: 3,
      unownedFiles: 0,
      catchAllOnlyFiles: 2,
      largestUnowned: [],
    });
  });
});
