// A team cycle says which dependencies to cut: the fewest, then the lightest, with examples.
import { describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import { cycleCut, orderCut, type Arc } from '../../analyzer/metrics/violations/cycle-cut';
import { ANN } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const { repoOf, tempDir } = scratch();
const arc = (from: string, to: string, edges: number): Arc => ({ from, to, edges, examples: [] });

describe('cycleCut', () => {
  it('cuts the one arc shared by two cycles rather than two lighter ones', () => {
    // a→b→a and a→b→c→a share a→b (5 imports); cutting b→a (1) and c→a (1) takes two cuts.
    const cut = cycleCut([arc('a', 'b', 5), arc('b', 'a', 1), arc('b', 'c', 2), arc('c', 'a', 1)]);
    expect(cut.map((a) => `${a.from}→${a.to}`)).toEqual(['a→b']);
  });

  it('is the minimum on dense team graphs: fewest arcs, then fewest imports, as an exhaustive search finds', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let round = 0; round < 25; round++) {
      const teams = ['a', 'b', 'c', 'd', 'e'];
      const arcs = teams.flatMap((f) =>
        teams.filter((t) => t !== f && rand() < 0.6).map((t) => arc(f, t, 1 + Math.floor(rand() * 9))),
      );
      const best = exhaustive(arcs);
      // The subset search (few arcs) and the order search (many) find the same minimum.
      for (const cut of [cycleCut(arcs), orderCut(arcs, teams)]) {
        expect([cut.length, cut.reduce((n, a) => n + a.edges, 0)]).toEqual(best);
        expect(acyclic(arcs.filter((a) => !cut.includes(a)))).toBe(true);
      }
    }
  });

  it('among equal cuts picks the first in arc order, as the plain subset search over combinations does', () => {
    // Weights 1–2 make many cuts tie: the typed-array search must choose the very same arcs.
    let seed = 11;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    let ties = 0;
    for (let round = 0; round < 40; round++) {
      const teams = ['a', 'b', 'c', 'd', 'e'];
      const arcs = teams
        .flatMap((f) => teams.filter((t) => t !== f && rand() < 0.55).map((t) => arc(f, t, 1 + Math.floor(rand() * 2))))
        .slice(0, 16);
      const reference = plainSubsetCut(arcs);
      const sortedRef = [...reference].sort(
        (x, y) => x.edges - y.edges || `${x.from}\0${x.to}`.localeCompare(`${y.from}\0${y.to}`),
      );
      expect(cycleCut(arcs)).toEqual(sortedRef);
      if (reference.length > 1) ties++;
    }
    expect(ties).toBeGreaterThan(5);
  });

  it('a 12-team cycle of 63 dependencies (dd-trace-js shape) is cut exactly, lightest first', () => {
    // Two hubs every team imports and is imported by, plus a ring and light cross-links.
    const teams = Array.from({ length: 12 }, (_, i) => `t${i}`);
    const arcs: Arc[] = [];
    for (const t of teams.slice(2)) arcs.push(arc('t0', t, 3), arc(t, 't0', 20), arc('t1', t, 4), arc(t, 't1', 1));
    for (let i = 2; i < 12; i++) arcs.push(arc(teams[i], teams[i === 11 ? 2 : i + 1], 2));
    const cut = cycleCut(arcs);
    expect(acyclic(arcs.filter((a) => !cut.includes(a)))).toBe(true);
    for (const a of cut) expect(acyclic(arcs.filter((b) => !cut.includes(b) || b === a))).toBe(false);
    expect(cut.map((a) => a.edges)).toEqual([...cut.map((a) => a.edges)].sort((x, y) => x - y));
    // Each team and each hub import each other: one direction per pair (t0 → t, t → t1: the lighter), and one arc of the ring.
    expect(cut.length).toBe(21);
    expect(cut.filter((a) => a.from === 't0').length + cut.filter((a) => a.to === 't1').length).toBe(20);
  });

  it('breaks every cycle greedily when there are too many arcs to search', () => {
    const arcs = Array.from({ length: 20 }, (_, i) => arc(`t${i}`, `t${(i + 1) % 20}`, i + 1));
    expect(cycleCut(arcs).map((a) => a.from)).toEqual(['t0']);
  });
});

/** [arcs, imports] of the best cut by trying every subset of arcs. */
function exhaustive(arcs: Arc[]): [number, number] {
  let best: [number, number] = [Infinity, Infinity];
  for (let m = 0; m < 1 << arcs.length; m++) {
    const cut = arcs.filter((_, i) => m & (1 << i));
    const cost: [number, number] = [cut.length, cut.reduce((n, a) => n + a.edges, 0)];
    if (
      (cost[0] < best[0] || (cost[0] === best[0] && cost[1] < best[1])) &&
      acyclic(arcs.filter((_, i) => !(m & (1 << i))))
    )
      best = cost;
  }
  return best;
}

function acyclic(arcs: Arc[]): boolean {
  const left = new Set(arcs.flatMap((a) => [a.from, a.to]));
  let rest = arcs;
  for (let changed = true; changed;) {
    changed = false;
    for (const t of [...left]) {
      if (rest.some((a) => a.to === t)) continue;
      left.delete(t);
      rest = rest.filter((a) => a.from !== t);
      changed = true;
    }
  }
  return left.size === 0 || rest.length === 0;
}

describe('team-cycle findings on a real repository', () => {
  it('a 3-team cycle with one light edge: cut that edge, with its location', async () => {
    const imports = (to: string, n: number) =>
      Array.from({ length: n }, (_, i) => `import { v as v${i} } from '../${to}';`).join('\n');
    const repo = repoOf([
      {
        author: ANN,
        date: '2024-01-01T10:00:00Z',
        files: {
          CODEOWNERS: '/a/ @o/a\n/b/ @o/b\n/c/ @o/c\n',
          'a/index.ts': 'export const v = 1;\n',
          'b/index.ts': 'export const v = 1;\n',
          'c/index.ts': 'export const v = 1;\n',
          'a/uses-b.ts': `${imports('b', 1)}\n${imports('b', 1).replace('v0', 'w0')}\nexport {};\n`,
          'a/more-b.ts': `${imports('b', 1)}\nexport {};\n`,
          'b/uses-c.ts': `${imports('c', 1)}\nexport {};\n`,
          'b/more-c.ts': `${imports('c', 1)}\nexport {};\n`,
          'b/again-c.ts': `${imports('c', 1)}\nexport {};\n`,
          'c/light.ts': "import { v } from '../a';\nexport const l = v;\n",
        },
      },
    ]);
    const r = await analyzeRepo(repo.dir, { cacheDir: tempDir() });
    const cycle = r.violations.find((v) => v.kind === 'team-cycle')!;
    expect(cycle.cut).toEqual([{ from: '@o/c', to: '@o/a', edges: 1, examples: [{ file: 'c/light.ts', line: 1 }] }]);
    expect(cycle.message).toContain('Cut @o/c → @o/a (1 import, e.g. c/light.ts:1): move that code');
    const f = r.findings!.find((x) => x.kind === 'team-cycle')!;
    expect(f.title).toBe('teams @o/a ↔ @o/b ↔ @o/c depend on each other in a cycle: cut @o/c → @o/a (1)');
    expect(f.suggestion).toMatch(/^Cut @o\/c → @o\/a/);
  });
});

/** The subset search as first written: combinations by generator, acyclicity over Maps. */
function plainSubsetCut(arcs: Arc[]): Arc[] {
  function* combinations(n: number, k: number, from = 0, acc: number[] = []): Generator<number[]> {
    if (acc.length === k) return yield [...acc];
    for (let i = from; i <= n - (k - acc.length); i++) yield* combinations(n, k, i + 1, [...acc, i]);
  }
  for (let k = 1; k <= arcs.length; k++) {
    let best: Arc[] | null = null;
    let bestWeight = Infinity;
    for (const subset of combinations(arcs.length, k)) {
      const weight = subset.reduce((n, i) => n + arcs[i].edges, 0);
      if (weight >= bestWeight) continue;
      const cut = new Set(subset);
      if (acyclic(arcs.filter((_, i) => !cut.has(i)))) [best, bestWeight] = [subset.map((i) => arcs[i]), weight];
    }
    if (best) return best;
  }
  return [];
}
