// A text file past git's 256 KB big-file threshold gets no line counts from the mining run:
// those commits are diffed again with git's own threshold (history/recount-big.ts), so the
// biggest files have real counts; a text file git still reads as binary is named in a note,
// never shown as a silent 0. Built repositories.
import { describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import { mineHistory } from '../../analyzer/history/mine';
import { BOB } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const { repoOf, tempDir } = scratch('conway-lost-lines-');
const LINES = 6000;
const line = (i: number, v: number) => `export const line${i} = ${v}; // ${'x'.repeat(30)}`;
const big = (v: number, changed = LINES) =>
  Array.from({ length: LINES }, (_, i) => line(i, i < changed ? v : 1)).join('\n') + '\n';

describe('line counts of big text files', () => {
  it('a 300 KB file gets its real counts, as git counts them without the cut-off; no note', async () => {
    expect(big(1).length).toBeGreaterThan(300 * 1024);
    const repo = repoOf([
      { files: { 'src/huge.ts': big(1), 'src/small.ts': '1' } },
      { author: BOB, files: { 'src/huge.ts': big(2, 40), 'src/small.ts': '2' } },
    ]);
    const r = await analyzeRepo(repo.dir, { cache: false, imports: false });
    const huge = r.files.find((f) => f.path === 'src/huge.ts')!;
    // What git itself says with its default threshold, on the same history.
    const numstat = repo
      .git('-c', 'core.bigFileThreshold=512m', 'log', '--numstat', '--format=', '--', 'src/huge.ts')
      .trim()
      .split('\n');
    expect(numstat).toEqual(['40\t40\tsrc/huge.ts', `${LINES}\t0\tsrc/huge.ts`]);
    expect(huge).toMatchObject({ linesAdded: LINES + 40 });
    expect(r.files.find((f) => f.path === 'src/small.ts')).toMatchObject({ linesAdded: 2 });
    expect(r.notes.some((n) => n.includes('no line counts'))).toBe(false);
  });

  it('a rename of a big file keeps its counts across the move', async () => {
    const repo = repoOf([
      { files: { 'src/huge.ts': big(1) } },
      { renames: [['src/huge.ts', 'lib/huge.ts']], files: { 'lib/huge.ts': big(3, 10) } },
    ]);
    const h = await mineHistory(repo.dir, { cache: false });
    const moved = h.commits[0].files.find((f) => f.path === 'lib/huge.ts')!;
    expect(moved).toMatchObject({ oldPath: 'src/huge.ts', added: 10, deleted: 10 });
  });

  it('a text file the repository marks binary is named in a note with its changes', async () => {
    const repo = repoOf([
      { files: { '.gitattributes': 'data/*.json binary\n', 'data/table.json': '{"a": 1}\n', 'src/small.ts': '1' } },
      { files: { 'data/table.json': '{"a": 2}\n' } },
    ]);
    const r = await analyzeRepo(repo.dir, { cache: false, imports: false });
    const note = r.notes.find((n) => n.includes('no line counts'))!;
    expect(note).toMatch(
      /^1 text file has no line counts .*: data\/table\.json \(2 changes\) — git reads it as binary/,
    );
  });

  it('the counts are cached: a warm run reads them from the cache', async () => {
    const repo = repoOf([{ files: { 'src/huge.ts': big(1) } }]);
    const cacheDir = tempDir();
    await mineHistory(repo.dir, { cacheDir });
    const warm = await mineHistory(repo.dir, { cacheDir });
    expect(warm.fromCache).toBe(1);
    expect(warm.commits[0].files[0]).toMatchObject({ added: LINES });
  });

  it('--fast has no line counts anywhere, and says nothing about big files', async () => {
    const repo = repoOf([{ files: { 'src/huge.ts': big(1) } }]);
    const r = await analyzeRepo(repo.dir, { cache: false, imports: false, fast: true });
    expect(r.notes.some((n) => n.includes('no line counts'))).toBe(false);
  });
});
