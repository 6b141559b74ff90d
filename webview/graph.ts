// The team graph: teams as nodes (size = files or changes, colour = cluster), edges weighted by
// the chosen coupling and filtered (graph-data.ts), laid out by ForceAtlas2 (graph-layout.ts).
// Drawn with sigma.js (WebGL) on a graphology graph, labels thinned by sigma's label grid; the
// common `@org/` prefix is dropped from labels, hovering shows the full name. Focusing a team
// highlights it and its neighbours and dims the rest. Where WebGL is unavailable: the same as SVG.
import Graph from 'graphology';
import Sigma from 'sigma';
import type { TeamRow } from '../analyzer/contract/report';
import { edgeWidth, type Edge } from './graph-data';
import { fitToBox, svgGraph, type DrawEdge, type DrawNode } from './graph-svg';
import type { Positions } from './graph-layout';
import { nonOverlappingLabels } from './graph-labels';
import { interactionColor, interactionText, pairKey, type InteractionRow } from './interactions';

export interface GraphInput {
  teams: TeamRow[];
  edges: Edge[];
  positions: Positions;
  sizes: Map<string, number>;
  color: (t: TeamRow) => string;
  labels: Map<string, string>;
  edgeUnit: string;
  focus: string | null;
  onClick(team: string | null): void;
  /** Declared and observed interactions by team pair (interactions.ts pairKey): the edge is coloured by status. */
  interactions?: Map<string, InteractionRow>;
}

export interface GraphView {
  renderer: 'webgl' | 'svg';
  kill(): void;
}

/** Nodes and edges with the focus applied: the focused team and its neighbours stay, the rest dims. */
export function drawModel(input: GraphInput): { nodes: DrawNode[]; edges: DrawEdge[] } {
  const shown = new Set(input.teams.map((t) => t.id));
  const edges = input.edges.filter((e) => shown.has(e.a) && shown.has(e.b));
  const near = new Set<string>(input.focus ? [input.focus] : []);
  for (const e of edges) if (e.a === input.focus || e.b === input.focus) near.add(e.a).add(e.b);
  const max = Math.max(1, ...edges.map((e) => e.weight));
  const nodes = input.teams.map((t): DrawNode => {
    const p = input.positions.get(t.id) ?? { x: 0, y: 0 };
    const title = `${t.name}${t.cluster ? ` · cluster ${t.cluster}` : ''}${t.role === 'review-group' ? ' · review group' : ''} · ${t.files} files · ${t.changes} changes · autonomy ${t.autonomy.score ?? '–'}`;
    return {
      id: t.id,
      x: p.x,
      y: p.y,
      size: input.sizes.get(t.id) ?? 5,
      color: input.color(t),
      label: input.labels.get(t.id) ?? t.name,
      title,
      dim: !!input.focus && !near.has(t.id),
      strong: near.has(t.id),
    };
  });
  const drawEdges = edges.map((e): DrawEdge => {
    const i = input.interactions?.get(pairKey(e.a, e.b));
    const title = `${e.a} ↔ ${e.b}: ${e.weight} ${input.edgeUnit}${i ? `\n${interactionText(i)}` : ''}`;
    return {
      a: e.a,
      b: e.b,
      width: edgeWidth(e.weight, max),
      title,
      dim: !!input.focus && e.a !== input.focus && e.b !== input.focus,
      ...(i ? { color: interactionColor(i), status: i.status } : {}),
    };
  });
  return { nodes, edges: drawEdges };
}

let live: Sigma | undefined;

export function drawGraph(container: HTMLElement, input: GraphInput): GraphView {
  live?.kill();
  live = undefined;
  const model = drawModel(input);
  try {
    const sigma = drawSigma(container, model, input);
    live = sigma;
    return { renderer: 'webgl', kill: () => sigma.kill() };
  } catch {
    const width = Math.max(600, container.clientWidth || 900);
    const height = Math.max(380, container.clientHeight || 520);
    const nodes = fitToBox(model.nodes, width, height);
    container.replaceChildren(
      svgGraph(nodes, model.edges, width, height, (id) => input.onClick(id === input.focus ? null : id)),
    );
    return { renderer: 'svg', kill: () => undefined };
  }
}

function drawSigma(container: HTMLElement, model: ReturnType<typeof drawModel>, input: GraphInput): Sigma {
  const g = new Graph({ type: 'undirected' });
  // Solid colours: sigma blends alpha against nothing, so translucent greys vanish on a light page.
  const dark = isDark(getComputedStyle(document.body).backgroundColor);
  const faint = dark ? '#30363d' : '#e4e7eb';
  const stretch = widen(model.nodes, container);
  for (const n of model.nodes)
    g.addNode(n.id, {
      x: n.x * stretch,
      y: -n.y,
      size: n.size,
      color: n.dim ? faint : n.color,
      label: n.dim ? '' : n.label,
      fullName: n.title,
      dim: n.dim,
      forceLabel: n.strong,
      zIndex: n.strong ? 1 : 0,
      highlighted: n.id === input.focus,
    });
  for (const e of model.edges)
    if (!g.hasEdge(e.a, e.b))
      g.addEdge(e.a, e.b, {
        size: e.width,
        zIndex: e.dim ? 0 : 1,
        color: e.dim ? faint : (e.color ?? (dark ? '#6e7681' : '#a3acb6')),
      });
  let hovered: string | null = null;
  const fg = getComputedStyle(document.body).color || '#333';
  const labels = nonOverlappingLabels();
  const sigma = new Sigma(g, container, {
    renderEdgeLabels: false,
    labelDensity: 3,
    labelGridCellSize: 100,
    labelRenderedSizeThreshold: 0,
    zIndex: true,
    labelColor: { color: fg },
    labelSize: 12,
    defaultDrawNodeLabel: labels.draw,
    // The hovered node shows its full name (owner prefix included) and its numbers.
    nodeReducer: (id, a) => (id === hovered ? { ...a, label: a.fullName as string, forceLabel: true, zIndex: 2 } : a),
  });
  labels.attach(sigma);
  // Labels are drawn right of their node: zoom out a little and look slightly right, so the
  // rightmost teams' labels stay inside the panel.
  sigma.getCamera().setState({ ratio: 1.12, x: 0.55 });
  sigma.on('enterNode', ({ node }) => ((hovered = node), sigma.refresh()));
  sigma.on('leaveNode', () => ((hovered = null), sigma.refresh()));
  sigma.on('clickNode', ({ node }) => input.onClick(node === input.focus ? null : node));
  sigma.on('clickStage', () => input.focus && input.onClick(null));
  return sigma;
}

/** True for a dark page background (`rgb(r, g, b)` with relative luminance under one half). */
export function isDark(rgb: string): boolean {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?/.exec(rgb);
  if (!m || m[4] === '0') return matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  return (0.2126 * Number(m[1]) + 0.7152 * Number(m[2]) + 0.0722 * Number(m[3])) / 255 < 0.5;
}

/** How much to widen the layout so it fills a wide panel (at most 2×, so clusters stay round enough). */
function widen(nodes: { x: number; y: number }[], container: HTMLElement): number {
  if (nodes.length < 2 || !container.clientHeight) return 1;
  const w = Math.max(...nodes.map((n) => n.x)) - Math.min(...nodes.map((n) => n.x));
  const h = Math.max(...nodes.map((n) => n.y)) - Math.min(...nodes.map((n) => n.y));
  if (w <= 0 || h <= 0) return 1;
  // Room on the right for the labels of the outermost teams (labels are drawn right of their node).
  return Math.max(1, Math.min(2, (container.clientWidth - 180) / container.clientHeight / (w / h)));
}
