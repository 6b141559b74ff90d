// The team graph: teams as nodes sized by files, edges weighted by coupling (import edges +
// shared commits), clusters coloured; laid out as one circle per cluster (clusterCircles). Drawn with sigma.js
// on a graphology graph (WebGL); where WebGL is unavailable, the same graph as SVG.
import Graph from 'graphology';
import Sigma from 'sigma';
import type { Report } from '../analyzer/report/types';
import { COLORS, svg } from './dom';
import { clusterCircles } from './layout';

export function teamGraph(r: Report, teams: Set<string>): Graph {
  const g = new Graph({ type: 'undirected' });
  const clusters = r.clusters.map((c) => c.id);
  const shown = r.teams.filter((t) => teams.has(t.id));
  const maxFiles = Math.max(1, ...shown.map((t) => t.files));
  const pos = clusterCircles(shown.map((t) => ({ id: t.id, group: t.cluster ?? '~' })));
  for (const t of shown) {
    g.addNode(t.id, { label: t.name, ...pos.get(t.id)!, size: 6 + 14 * Math.sqrt(t.files / maxFiles), color: t.cluster ? COLORS[clusters.indexOf(t.cluster) % COLORS.length] : '#888888' });
  }
  const add = (a: string, b: string, w: number) => {
    if (a === b || !g.hasNode(a) || !g.hasNode(b)) return;
    g.updateEdge(a, b, (x) => ({ weight: ((x.weight as number) ?? 0) + w }));
  };
  for (const s of r.coupling.static) add(s.from, s.to, s.edges);
  for (const c of r.coupling.teams) add(c.a, c.b, c.sharedCommits);
  const max = Math.max(1, ...g.mapEdges((_e, a) => a.weight as number));
  g.forEachEdge((e, a) => g.mergeEdgeAttributes(e, { size: 1 + (5 * (a.weight as number)) / max, color: '#8c959f', label: String(a.weight) }));
  return g;
}

/** Draws with sigma; returns which renderer was used. */
export function drawGraph(container: HTMLElement, g: Graph): 'webgl' | 'svg' {
  try {
    new Sigma(g, container, { renderEdgeLabels: false, labelColor: { color: getComputedStyle(document.body).color || '#333' } });
    return 'webgl';
  } catch {
    container.replaceChildren(svgGraph(g));
    return 'svg';
  }
}

function svgGraph(g: Graph): SVGElement {
  const root = svg('svg', { viewBox: '-1.4 -1.4 2.8 2.8', width: 420, height: 420, class: 'graph-svg' });
  g.forEachEdge((_e, a, s, t) => root.append(svg('line', { x1: g.getNodeAttribute(s, 'x'), y1: g.getNodeAttribute(s, 'y'), x2: g.getNodeAttribute(t, 'x'), y2: g.getNodeAttribute(t, 'y'), 'stroke-width': (a.size as number) / 100, stroke: '#8c959f' })));
  g.forEachNode((_n, a) => {
    root.append(svg('circle', { cx: a.x as number, cy: a.y as number, r: (a.size as number) / 120, fill: a.color as string }));
    const label = svg('text', { x: a.x as number, y: (a.y as number) + (a.size as number) / 120 + 0.1, 'text-anchor': 'middle', 'font-size': 0.09, class: 'graph-label' });
    label.textContent = a.label as string;
    root.append(label);
  });
  return root;
}
