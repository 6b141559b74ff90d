// A text file past git's 256 KB big-file threshold gets no line counts from `git log --numstat`:
// the report names it instead of showing a silent 0 (history/lost-lines.ts). Built repository.
import { describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import { scratch } from '../fixtures/scratch';

const { repoOf } = scratch('conway-lost-lines-');
const big = (v: number) => Array.from({ length: 6000 }, (_, i) => `export const line${i} = ${v}; // ${'x'.repeat(30)}`).join('\n') + '\n';

describe('line counts of big text files', () => {
  it('a 300 KB file changed twice is named in a note; a small file is not', async () => {
    expect(big(1).length).toBeGreaterThan(300 * 1024);
    const repo = repoOf([{ files: { 'src/huge.ts': big(1), 'src/small.ts': '1' } }, { files: { 'src/huge.ts': big(2), 'src/small.ts': '2' } }]);
    const r = await analyzeRepo(repo.dir, { cache: false, imports: false });
    expect(r.notes).toContain('1 text file larger than 256 KB (git\'s core.bigFileThreshold) has no line counts (their lines added and deleted read 0, and main author by lines misses them): src/huge.ts (2 changes)');
    expect(r.files.find((f) => f.path === 'src/small.ts')).toMatchObject({ linesAdded: 2 });
  });

  it('--fast has no line counts anywhere, and says nothing about big files', async () => {
    const repo = repoOf([{ files: { 'src/huge.ts': big(1) } }]);
    const r = await analyzeRepo(repo.dir, { cache: false, imports: false, fast: true });
    expect(r.notes.some((n) => n.includes('256 KB'))).toBe(false);
  });
});
