import { describe, expect, it } from 'vitest';
import { clusterFit } from '../../analyzer/org/cluster-fit';
import type { StaticCoupling, TeamCoupling } from '../../analyzer/contract/report';

const imports = (from: string, to: string, edges: number): StaticCoupling => ({ from, to, edges, examples: [] });
const shared = (a: string, b: string, n: number): TeamCoupling => ({ a, b, sharedCommits: n, degree: 0, commits: [] });

// Two triangles of teams (a, b, c) and (d, e, f), each pair coupled by 10, and one bridge c–d of
// weight 1; the declared clusters swap c and d. By hand: m = 61, degrees a b e f 20, c d 21.
//  best {a,b,c},{d,e,f}:  Q = 2 · (30/61 − (61/122)²) = 0.4836
//  declared {a,b,d},{c,e,f}: Q = 2 · (10/61 − (61/122)²) = −0.1721
//  c → X: X {a,b,c,d} (inside 31, degree 82), Y {e,f} (10, 40):
//         Q = 31/61 − (82/122)² + 10/61 − (40/122)² = 0.1129, gain 0.2850 (d → Y ties; the first team in id order moves)
//  then d → Y: the best partition, Q = 0.4836, gain 0.3707.
const two = {
  static: [imports('a', 'b', 6), imports('b', 'a', 4), imports('d', 'e', 10), imports('c', 'd', 1)],
  coupling: [shared('a', 'c', 10), shared('b', 'c', 10), shared('e', 'f', 10), shared('d', 'f', 10)],
};

describe('cluster fit', () => {
  it('scores the declared clusters against the best partition and finds the two moves', () => {
    const fit = clusterFit({
      ...two,
      clusters: [
        { id: 'X', teams: ['a', 'b', 'd'] },
        { id: 'Y', teams: ['c', 'e', 'f'] },
        { id: 'Z', teams: ['g'] },
      ],
    });
    expect(fit.teams).toBe(6);
    expect(fit.best.clusters).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
    expect(fit.best.modularity).toBe(0.4836);
    expect(fit.declared.modularity).toBe(-0.1721);
    // Negative: fewer couplings inside the declared clusters than chance — none of the best reached.
    expect(fit.share).toBe(0);
    expect(fit.notes.join(' ')).toMatch(/modularity is negative \(-0\.1721\)/);
    expect(fit.moves).toEqual([
      { team: 'c', from: 'Y', to: 'X', gain: 0.285 },
      { team: 'd', from: 'X', to: 'Y', gain: 0.3707 },
    ]);
    expect(fit.afterMoves).toEqual({ modularity: 0.4836, share: 1, reached: true });
    expect(fit.outsideSize).toEqual([{ cluster: 'Z', teams: 1 }]);
    // X = {a, b, d}: inside a–b 10; outside a–c 10, b–c 10, c–d 1, d–e 10, d–f 10.
    expect(fit.coupling[0]).toEqual({ cluster: 'X', teams: 3, internal: 10, external: 41, externalShare: 0.8039 });
  });

  it('needs no move when the declared clusters are the best partition', () => {
    const fit = clusterFit({
      ...two,
      clusters: [
        { id: 'X', teams: ['a', 'b', 'c'] },
        { id: 'Y', teams: ['d', 'e', 'f'] },
      ],
    });
    expect(fit.share).toBe(1);
    expect(fit.moves).toEqual([]);
    expect(fit.afterMoves.reached).toBe(true);
  });

  it('prefers clusters of 3–5 teams over a slightly more modular split into pairs', () => {
    // Four pairs (10 inside each) tied by 3 into two groups of four, and a bridge d–e of 1. m = 53.
    // Pairs: Q = 2 · (10/53 − (26/106)²) + 2 · (10/53 − (27/106)²) = 0.5046, the most modular, but
    // every team sits in a cluster of 2; groups of four: Q = 2 · (26/53 − (53/106)²) = 0.4811, within 10% of it.
    const fit = clusterFit({
      clusters: [],
      static: [],
      coupling: [
        shared('a', 'b', 10),
        shared('c', 'd', 10),
        shared('e', 'f', 10),
        shared('g', 'h', 10),
        shared('a', 'c', 3),
        shared('b', 'd', 3),
        shared('e', 'g', 3),
        shared('f', 'h', 3),
        shared('d', 'e', 1),
      ],
    });
    expect(fit.best.clusters).toEqual([
      ['a', 'b', 'c', 'd'],
      ['e', 'f', 'g', 'h'],
    ]);
    expect(fit.best.modularity).toBe(0.4811);
    expect(fit.declared.modularity).toBeNull();
    expect(fit.notes[0]).toMatch(/no clusters are declared/);
  });

  it('has no modularity without coupling', () => {
    const fit = clusterFit({ clusters: [{ id: 'X', teams: ['a', 'b', 'c'] }], static: [], coupling: [] });
    expect(fit.best.modularity).toBeNull();
    expect(fit.share).toBeNull();
    expect(fit.notes.join(' ')).toMatch(/no edge/);
  });
});

describe('cluster fit without structure', () => {
  it('suggests no moves toward a partition that barely beats chance', () => {
    // A star: hub h coupled 10 to each of a, b, c, d. Any split cuts the hub from most of its
    // edges; the best Louvain finds (everything together) has Q = 0 < 0.1.
    const fit = clusterFit({
      clusters: [
        { id: 'X', teams: ['h', 'a'] },
        { id: 'Y', teams: ['b', 'c', 'd'] },
      ],
      static: [],
      coupling: ['a', 'b', 'c', 'd'].map((t) => shared('h', t, 10)),
    });
    expect(fit.best.modularity).toBeLessThan(0.1);
    expect(fit.moves).toEqual([]);
    expect(fit.notes.join(' ')).toMatch(/no team moves are suggested/);
  });
});
