// The team graph's layout, in two levels so a cluster's teams always sit together:
//  1. clusters (and teams without one) are laid out by ForceAtlas2 (graphology-layout-forceatlas2,
//     Jacomy et al. 2014) on the graph of coupling between clusters, from a deterministic circle;
//     noverlap (graphology-layout-noverlap) then separates them by their radius;
//  2. each cluster's teams fill a sunflower (Vogel's phyllotaxis: radius ∝ √k, golden angle) around
//     its centre, the most coupled team in the middle.
// Deterministic (no random start), so the same report gives the same picture; ≈ 20 ms at 200 teams,
// computed once per report before the first draw (filters and focus only hide and dim).
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import type { Report } from '../analyzer/contract/report';
import { couplingEdges } from './graph-data';

export type Positions = Map<string, { x: number; y: number }>;

const GOLDEN = Math.PI * (3 - Math.sqrt(5));
const SPACING = 34;

export function layoutTeams(r: Report, sizes: Map<string, number>): Positions {
  const groups = groupsOf(r);
  const edges = couplingEdges(r, 'both');
  const groupOf = new Map<string, string>();
  for (const [g, teams] of groups) for (const t of teams) groupOf.set(t, g);
  const strength = new Map<string, number>();
  for (const e of edges) for (const t of [e.a, e.b]) strength.set(t, (strength.get(t) ?? 0) + e.weight);
  const centres = layoutGroups(groups, sizes, edges, groupOf);
  const out: Positions = new Map();
  for (const [g, teams] of groups) {
    const c = centres.get(g)!;
    const ordered = [...teams].sort((a, b) => (strength.get(b) ?? 0) - (strength.get(a) ?? 0) || (a < b ? -1 : 1));
    ordered.forEach((t, k) => {
      const rad = SPACING * Math.sqrt(k) * (1 + (sizes.get(t) ?? 5) / 40);
      out.set(t, { x: c.x + rad * Math.cos(k * GOLDEN), y: c.y + rad * Math.sin(k * GOLDEN) });
    });
  }
  return out;
}

/** Cluster id → teams; a team without a cluster (or a review group) is its own group. */
function groupsOf(r: Report): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const t of [...r.teams].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const g = t.cluster && t.role !== 'review-group' ? `c:${t.cluster}` : `t:${t.id}`;
    (groups.get(g) ?? groups.set(g, []).get(g)!).push(t.id);
  }
  return groups;
}

function layoutGroups(
  groups: Map<string, string[]>,
  sizes: Map<string, number>,
  edges: { a: string; b: string; weight: number }[],
  groupOf: Map<string, string>,
): Positions {
  const g = new Graph({ type: 'undirected' });
  const ids = [...groups.keys()];
  const ring = 60 * Math.sqrt(ids.length);
  ids.forEach((id, i) => {
    const angle = (2 * Math.PI * i) / ids.length;
    g.addNode(id, {
      x: ring * Math.cos(angle),
      y: ring * Math.sin(angle),
      size:
        SPACING * (1.2 + Math.sqrt(groups.get(id)!.length)) +
        3 * Math.max(...groups.get(id)!.map((t) => sizes.get(t) ?? 5)),
    });
  });
  for (const e of edges) {
    const [a, b] = [groupOf.get(e.a), groupOf.get(e.b)];
    if (!a || !b || a === b) continue;
    if (g.hasEdge(a, b)) g.updateEdgeAttribute(a, b, 'weight', (w: number) => w + Math.log1p(e.weight));
    else g.addEdge(a, b, { weight: Math.log1p(e.weight) });
  }
  if (g.order > 1) {
    forceAtlas2.assign(g, {
      iterations: 100,
      getEdgeWeight: 'weight',
      settings: { ...forceAtlas2.inferSettings(g), gravity: 1, scalingRatio: 40, barnesHutOptimize: false },
    });
    noverlap.assign(g, { maxIterations: 60, settings: { margin: 14, ratio: 1, expansion: 1.05 } });
  }
  const out: Positions = new Map();
  g.forEachNode((id, a) => out.set(id, { x: a.x as number, y: a.y as number }));
  return out;
}
