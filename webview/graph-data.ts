// What the team graph shows, apart from drawing it: team-pair coupling weights (import edges,
// shared commits, or both), the edge filter (a minimum weight and the top N edges of each team,
// so 200 teams show structure instead of a hairball), node sizes and cluster colours.
import type { Report, TeamRow } from '../analyzer/contract/report';

export type SizeBy = 'files' | 'changes';
export type EdgeBy = 'static' | 'change' | 'both';
export interface Edge {
  a: string;
  b: string;
  weight: number;
}

/** Undirected team-pair weights: import edges in both directions and/or shared commits. */
export function couplingEdges(r: Report, by: EdgeBy): Edge[] {
  const weights = new Map<string, Edge>();
  const add = (a: string, b: string, w: number) => {
    if (a === b || w <= 0) return;
    const [x, y] = a < b ? [a, b] : [b, a];
    const key = `${x}\0${y}`;
    const e = weights.get(key);
    if (e) e.weight += w;
    else weights.set(key, { a: x, b: y, weight: w });
  };
  if (by !== 'change') for (const s of r.coupling.static) add(s.from, s.to, s.edges);
  if (by !== 'static') for (const c of r.coupling.teams) add(c.a, c.b, c.sharedCommits);
  return [...weights.values()];
}

/** Edges with weight ≥ min that are among the topN heaviest of at least one of their teams (topN 0: no limit). */
export function filterEdges(edges: Edge[], min: number, topN: number): Edge[] {
  const kept = edges.filter((e) => e.weight >= min);
  if (topN <= 0) return kept;
  const byTeam = new Map<string, Edge[]>();
  for (const e of kept) for (const t of [e.a, e.b]) (byTeam.get(t) ?? byTeam.set(t, []).get(t)!).push(e);
  const top = new Set<Edge>();
  for (const list of byTeam.values())
    list
      .sort((x, y) => y.weight - x.weight || (x.a + x.b < y.a + y.b ? -1 : 1))
      .slice(0, topN)
      .forEach((e) => top.add(e));
  return kept.filter((e) => top.has(e));
}

/** Node radius in [4, 18] pixels by the square root of files or changes (area ∝ value). */
export function nodeSizes(teams: TeamRow[], by: SizeBy): Map<string, number> {
  const max = Math.max(1, ...teams.map((t) => t[by]));
  return new Map(teams.map((t) => [t.id, 4 + 14 * Math.sqrt(t[by] / max)]));
}

/** Edge width in [1, 8] pixels, linear in weight. */
export function edgeWidth(weight: number, max: number): number {
  return 1 + (7 * weight) / Math.max(1, max);
}

/**
 * One colour per cluster, far apart on the hue circle (golden-angle steps), so 40 clusters stay
 * tellable; review groups and teams without a cluster are grey.
 */
export function clusterColors(r: Report): Map<string, string> {
  const ids = r.clusters.map((c) => c.id);
  return new Map(ids.map((id, i) => [id, hslHex((i * 137.508) % 360, 0.62, i % 2 ? 0.42 : 0.55)]));
}

/** HSL → #rrggbb (sigma's WebGL programs parse hex and rgb(), not hsl()). */
export function hslHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))))
      .toString(16)
      .padStart(2, '0');
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

export const NO_CLUSTER_COLOR = '#8c959f';

export function teamColor(t: TeamRow, colors: Map<string, string>): string {
  return t.role === 'review-group' || !t.cluster ? NO_CLUSTER_COLOR : (colors.get(t.cluster) ?? NO_CLUSTER_COLOR);
}
