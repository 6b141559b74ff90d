// The greedy truck factor (Avelino et al. 2016) against a plain re-implementation of the paper's
// loop — recount every remaining author over every file after each removal — on random
// histories, plus one case worked by hand.
import { describe, expect, it } from 'vitest';
import type { FileStats } from '../../analyzer/metrics/file-stats';
import { fileAuthors, truckFactor } from '../../analyzer/metrics/truck-factor';

function stats(path: string, changes: [string, number][]): FileStats {
  const byAuthor = new Map(changes.map(([p, n]) => [p, { changes: n, added: n }]));
  const total = changes.reduce((s, [, n]) => s + n, 0);
  return {
    path,
    changes: total,
    authors: new Set(byAuthor.keys()),
    added: total,
    deleted: 0,
    byAuthor,
    creator: changes[0][0],
  };
}

function reference(files: FileStats[]): { value: number | null; authors: string[] } {
  if (!files.length) return { value: null, authors: [] };
  const sets = files.map((f) => new Set(fileAuthors(f)));
  const removed: string[] = [];
  while (sets.filter((s) => s.size === 0).length <= files.length / 2) {
    const counts = new Map<string, number>();
    for (const s of sets) for (const p of s) counts.set(p, (counts.get(p) ?? 0) + 1);
    const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    if (!top) break;
    removed.push(top);
    for (const s of sets) s.delete(top);
  }
  return { value: removed.length, authors: removed };
}

describe('truck factor', () => {
  it('by hand: ann authors 3 of 4 files, bob 2, cat 1 → removing ann orphans 2, bob then orphans 3 of 4', () => {
    const files = [
      stats('a', [['ann', 9]]),
      stats('b', [['ann', 9]]),
      stats('c', [
        ['ann', 5],
        ['bob', 5],
      ]),
      stats('d', [
        ['bob', 9],
        ['cat', 9],
      ]),
    ];
    expect(files.map(fileAuthors)).toEqual([['ann'], ['ann'], ['ann', 'bob'], ['bob', 'cat']]);
    expect(truckFactor(files)).toEqual({ value: 2, authors: ['ann', 'bob'] });
  });

  it("equals the paper's recount-everything loop on random histories", () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let round = 0; round < 300; round++) {
      const people = Array.from({ length: 1 + rnd(8) }, (_, i) => `p${i}`);
      const files = Array.from({ length: 1 + rnd(30) }, (_, i) => {
        const who = [...new Set(Array.from({ length: 1 + rnd(4) }, () => people[rnd(people.length)]))];
        return stats(
          `f${i}`,
          who.map((p) => [p, 1 + rnd(12)] as [string, number]),
        );
      });
      expect(truckFactor(files)).toEqual(reference(files));
    }
    expect(truckFactor([])).toEqual({ value: null, authors: [] });
  });
});
