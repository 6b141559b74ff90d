// Cluster fit (docs/metrics.md "Cluster fit"): how well the declared clusters cut the team
// coupling graph, against the best partition Louvain finds, and the fewest team moves that close
// most of the gap.
//  - Team graph: the weights the cluster suggestions use (metrics/cluster-suggestions.ts), so the
//    two answers agree — import edges between the teams (both directions) + change sets shared.
//  - Modularity (Newman 2004, weighted): Q = Σ_c [ W_c / m − (D_c / 2m)² ], m the total edge
//    weight, W_c the weight inside cluster c, D_c the weighted degree of its teams. A coupled team
//    in no declared cluster is a cluster of its own.
//  - Best partition: Louvain (seeded, so every run gives the same answer) at each resolution of
//    RESOLUTIONS; of the partitions within TOLERANCE of the most modular one, the one with the
//    fewest teams in clusters outside 3–5 teams (then the most modular). A lead groups 3–5 teams
//    under one leader: such a partition wins over a slightly more modular one of pairs or of ten,
//    never over a much more modular one.
//  - Moves: greedy — repeatedly the single team move to another declared cluster with the largest
//    modularity gain, until Q ≥ TARGET × best (or no move gains).
import type { StaticCoupling, TeamCoupling } from '../contract/report';
import type { ClusterFit, ClusterMove } from '../contract/teamwork-scorecard';
import { IdGraph } from '../metrics/id-graph';
import { seeded } from '../metrics/modules';

export const RESOLUTIONS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];
/** The best partition may give up this share of the most modular one found to have clusters of 3–5 teams. */
export const TOLERANCE = 0.1;
export const TARGET = 0.9;
/** Below this modularity a partition barely beats chance (Newman: structure shows from about 0.3). */
export const WEAK = 0.1;
const MIN_SIZE = 3;
const MAX_SIZE = 5;

export interface ClusterFitInput {
  clusters: { id: string; teams: string[] }[];
  static: StaticCoupling[];
  coupling: TeamCoupling[];
  /** Teams that deliver nothing (review groups, bot owners): not nodes of the team graph. */
  exclude?: Set<string>;
}

/** The team graph: pair key → weight, and each team's weighted degree. */
interface TeamGraph {
  teams: string[];
  edges: { a: string; b: string; w: number }[];
  degree: Map<string, number>;
  m: number;
}

export function clusterFit(x: ClusterFitInput): ClusterFit {
  const g = teamGraph(x);
  const notes: string[] = [];
  const inGraph = new Set(g.teams);
  const declaredOf = new Map<string, string>(); // team → its first declared cluster (TeamRow.cluster)
  for (const c of x.clusters) for (const t of c.teams) if (!declaredOf.has(t)) declaredOf.set(t, c.id);
  const unclustered = g.teams.filter((t) => !declaredOf.has(t));
  const assign = new Map(g.teams.map((t) => [t, declaredOf.get(t) ?? `\0${t}`]));
  const declaredQ = x.clusters.length && g.m > 0 ? modularity(g, assign) : null;
  const best = bestPartition(g);
  // A negative modularity (fewer couplings inside the clusters than chance would put there) reaches none of the best.
  const share = ratioOf(declaredQ === null ? null : Math.max(0, declaredQ), best.modularity);
  const moves: ClusterMove[] = [];
  let q = declaredQ;
  // Moves toward a partition that barely beats chance would be noise: none then (a note says why).
  if (declaredQ !== null && best.modularity !== null && best.modularity >= WEAK) {
    const moved = new Set<string>(); // each team moves at most once: a lead moves a team, not back and forth
    const targets = x.clusters.map((c) => c.id);
    while (q! < TARGET * best.modularity && moves.length < g.teams.length) {
      let top: { team: string; to: string; q: number } | null = null;
      for (const team of g.teams) {
        if (moved.has(team)) continue;
        const from = assign.get(team)!;
        for (const to of targets) {
          if (to === from) continue;
          assign.set(team, to);
          const after = modularity(g, assign);
          if (after > q! + 1e-12 && (!top || after > top.q + 1e-12)) top = { team, to, q: after };
        }
        assign.set(team, from);
      }
      if (!top) break;
      const from = assign.get(top.team)!;
      moves.push({ team: top.team, from: from.startsWith('\0') ? null : from, to: top.to, gain: round4(top.q - q!) });
      assign.set(top.team, top.to);
      moved.add(top.team);
      q = top.q;
    }
  }
  if (!x.clusters.length)
    notes.push('no clusters are declared (conway.yml `clusters:`): only the best partition found is reported');
  if (g.m === 0)
    notes.push('no two teams share change sets or imports in the window: the team graph has no edge, so no modularity');
  if (declaredQ !== null && declaredQ < 0)
    notes.push(
      `the declared clusters' modularity is negative (${round4(declaredQ)}): their teams are coupled to each other less than chance would have it, so the share reached is 0`,
    );
  if (best.modularity !== null && best.modularity < WEAK)
    notes.push(
      `the best partition's modularity is ${round4(best.modularity)} (under ${WEAK}): the team graph has little cluster structure — a few teams are coupled to nearly every other, and no grouping separates them`,
    );
  const reached = q !== null && best.modularity !== null && q >= TARGET * best.modularity;
  if (declaredQ !== null && best.modularity !== null && best.modularity < WEAK)
    notes.push(
      'no team moves are suggested: the best partition found barely beats chance, so no grouping is worth moving teams toward',
    );
  else if (declaredQ !== null && best.modularity !== null && !reached)
    notes.push(
      `moving single teams between the declared clusters reaches ${pct(ratioOf(q, best.modularity))} of the best partition's modularity, short of ${pct(TARGET)}: the clusters need regrouping, not moves (see best.clusters)`,
    );
  const outsideSize = x.clusters
    .filter((c) => c.teams.length < MIN_SIZE || c.teams.length > MAX_SIZE)
    .map((c) => ({ cluster: c.id, teams: c.teams.length }));
  const coupling = x.clusters.map((c) => {
    const inside = new Set(c.teams);
    let internal = 0;
    let external = 0;
    for (const e of g.edges) {
      const n = (inside.has(e.a) ? 1 : 0) + (inside.has(e.b) ? 1 : 0);
      if (n === 2) internal += e.w;
      else if (n === 1) external += e.w;
    }
    return {
      cluster: c.id,
      teams: c.teams.length,
      internal,
      external,
      externalShare: internal + external ? round4(external / (internal + external)) : null,
    };
  });
  return {
    weights: 'import edges between the teams (both directions) + change sets touching both teams’ files',
    teams: g.teams.length,
    declared: {
      modularity: declaredQ === null ? null : round4(declaredQ),
      ids: x.clusters.map((c) => c.id),
      clusters: x.clusters.map((c) => c.teams.filter((t) => inGraph.has(t)).sort()),
      unclustered,
    },
    best: { ...best, modularity: best.modularity === null ? null : round4(best.modularity) },
    share,
    moves,
    afterMoves: {
      modularity: q === null ? null : round4(q),
      share: ratioOf(q === null ? null : Math.max(0, q), best.modularity),
      reached,
    },
    outsideSize,
    coupling,
    notes,
  };
}

function teamGraph(x: ClusterFitInput): TeamGraph {
  const skip = x.exclude ?? new Set<string>();
  const pairs = new Map<string, { a: string; b: string; w: number }>();
  const add = (p: string, q: string, w: number) => {
    if (p === q || !(w > 0) || skip.has(p) || skip.has(q)) return;
    const [a, b] = p < q ? [p, q] : [q, p];
    const key = `${a}\0${b}`;
    const e = pairs.get(key);
    if (e) e.w += w;
    else pairs.set(key, { a, b, w });
  };
  for (const s of x.static) add(s.from, s.to, s.edges);
  for (const c of x.coupling) add(c.a, c.b, c.sharedCommits);
  const edges = [...pairs.values()].sort((p, q) =>
    p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : 0,
  );
  const degree = new Map<string, number>();
  let m = 0;
  for (const e of edges) {
    degree.set(e.a, (degree.get(e.a) ?? 0) + e.w);
    degree.set(e.b, (degree.get(e.b) ?? 0) + e.w);
    m += e.w;
  }
  return { teams: [...degree.keys()].sort(), edges, degree, m };
}

/** Weighted modularity of a team → cluster assignment (every graph team assigned). */
export function modularity(g: TeamGraph, assign: Map<string, string>): number {
  if (g.m === 0) return 0;
  const inside = new Map<string, number>();
  const degrees = new Map<string, number>();
  for (const e of g.edges) {
    const c = assign.get(e.a)!;
    if (c === assign.get(e.b)) inside.set(c, (inside.get(c) ?? 0) + e.w);
  }
  for (const [t, d] of g.degree) degrees.set(assign.get(t)!, (degrees.get(assign.get(t)!) ?? 0) + d);
  let q = 0;
  for (const [c, d] of degrees) q += (inside.get(c) ?? 0) / g.m - (d / (2 * g.m)) ** 2;
  return q;
}

function bestPartition(g: TeamGraph): { modularity: number | null; clusters: string[][]; resolution: number } {
  if (g.m === 0) return { modularity: null, clusters: [], resolution: 1 };
  const ig = new IdGraph();
  for (const e of g.edges) ig.link(e.a, e.b, e.w);
  const candidates = RESOLUTIONS.map((resolution) => {
    const clusters = ig.communities(seeded(20), resolution).map((c) => [...c].sort());
    const assign = new Map<string, string>();
    clusters.forEach((c, i) => c.forEach((t) => assign.set(t, String(i))));
    const outside = clusters
      .filter((c) => c.length < MIN_SIZE || c.length > MAX_SIZE)
      .reduce((n, c) => n + c.length, 0);
    return { q: modularity(g, assign), clusters, resolution, outside };
  });
  // Prefer 3–5 teams per cluster, but never at the cost of more than TOLERANCE of the modularity.
  const top = Math.max(...candidates.map((c) => c.q));
  const close = candidates.filter((c) => (top <= 0 ? c.q === top : c.q >= (1 - TOLERANCE) * top - 1e-12));
  const best = close.reduce((a, b) =>
    b.outside < a.outside || (b.outside === a.outside && b.q > a.q + 1e-12) ? b : a,
  );
  const clusters = best.clusters.sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : 1));
  return { modularity: best.q, clusters, resolution: best.resolution };
}

function ratioOf(a: number | null, b: number | null): number | null {
  return a === null || b === null || !(b > 0) ? null : round4(a / b);
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

function pct(x: number | null): string {
  return x === null ? '–' : `${Math.round(x * 100)}%`;
}
