// The history cache's writer on a history large enough to fill the stream's buffer many times:
// it must round-trip every commit and leave no listeners behind (a race of two `events.once`
// used to add a pair per full buffer, and Node printed a MaxListenersExceededWarning on every
// cold run of a large repository).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCache, writeCache, type CacheEntry } from '../../analyzer/history/cache';
import { scratch } from '../fixtures/scratch';

const { tempDir } = scratch('conway-cache-write-');

function bigEntry(n: number): CacheEntry {
  const commits = Array.from({ length: n }, (_, i) => ({
    sha: i.toString(16).padStart(40, '0'),
    name: `Person ${i % 50}`,
    email: `p${i % 50}@example.com`,
    date: 1_700_000_000 + i,
    coAuthors: [],
    subject: (i % 7) * 2 + (i % 2),
    files: Array.from({ length: 5 }, (_, j) => ({ path: `packages/p${j}/src/file-${i}.ts`, added: i, deleted: j })),
  }));
  return { head: 'f'.repeat(40), mode: 'numstat', notes: [], commits } as unknown as CacheEntry;
}

describe('history cache writer', () => {
  it('writes 20k commits (hundreds of full buffers) without a listener-leak warning, and reads them back', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      const file = join(tempDir(), 'history', 'entry.jsonl');
      const entry = bigEntry(20_000);
      await writeCache(file, entry);
      const back = await readCache(file);
      expect(back?.commits).toHaveLength(20_000);
      expect(back?.commits[19_999].files[4]).toMatchObject({
        path: 'packages/p4/src/file-19999.ts',
        added: 19_999,
        deleted: 4,
      });
      await new Promise((r) => setImmediate(r)); // warnings are emitted on the next tick
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });
});
