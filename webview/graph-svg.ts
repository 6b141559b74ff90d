// The team graph as SVG, where WebGL is unavailable: the same nodes, edges, focus and dimming as the
// sigma drawing, with labels placed greedily (largest teams first) and skipped where they would
// overlap one already placed — sigma's label grid, done once.
import { svg } from './dom';

export interface DrawNode {
  id: string;
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  title: string;
  dim: boolean;
  strong: boolean;
}
export interface DrawEdge {
  a: string;
  b: string;
  width: number;
  title: string;
  dim: boolean;
  /** An interaction's colour and status (interactions.ts), when the pair has one. */
  color?: string;
  status?: string;
}
export interface Box {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

const FONT = 11;

/** Label boxes that do not overlap each other (strong = focused or searched nodes first, then by size). */
export function placeLabels(nodes: DrawNode[], font = FONT): Box[] {
  const order = [...nodes].sort(
    (a, b) => Number(b.strong) - Number(a.strong) || b.size - a.size || (a.id < b.id ? -1 : 1),
  );
  const placed: Box[] = [];
  for (const n of order) {
    if (n.dim) continue;
    const box = { id: n.id, x: n.x + n.size + 2, y: n.y - font / 2, w: n.label.length * font * 0.58, h: font + 2 };
    if (!placed.some((p) => overlaps(p, box))) placed.push(box);
  }
  return placed;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Positions → pixels inside width × height with a margin for labels on the right. */
export function fitToBox<T extends { x: number; y: number }>(nodes: T[], width: number, height: number): T[] {
  const xs = nodes.map((n) => n.x);
  const ys = nodes.map((n) => n.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const k = Math.min((width - 160) / Math.max(1e-9, x1 - x0), (height - 40) / Math.max(1e-9, y1 - y0));
  return nodes.map((n) => ({
    ...n,
    x: 20 + (n.x - x0) * (Number.isFinite(k) ? k : 1),
    y: 20 + (n.y - y0) * (Number.isFinite(k) ? k : 1),
  }));
}

export function svgGraph(
  nodes: DrawNode[],
  edges: DrawEdge[],
  width: number,
  height: number,
  click: (id: string) => void,
): SVGElement {
  const root = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    class: 'graph-svg',
    role: 'img',
    'aria-label': 'team graph',
  });
  const at = new Map(nodes.map((n) => [n.id, n]));
  for (const e of edges) {
    const [a, b] = [at.get(e.a)!, at.get(e.b)!];
    const attrs: Record<string, string | number> = {
      x1: a.x,
      y1: a.y,
      x2: b.x,
      y2: b.y,
      'stroke-width': e.width.toFixed(1),
      class: `${e.dim ? 'edge dim' : 'edge'}${e.status ? ' interaction' : ''}`,
    };
    if (e.status) attrs['data-status'] = e.status;
    const line = svg('line', attrs);
    // Through CSSOM: the stylesheet's .edge stroke would win over an attribute, and a style attribute breaks the strict CSP.
    if (e.color) (line as SVGElement & ElementCSSInlineStyle).style.stroke = e.color;
    root.append(titled(line, e.title));
  }
  for (const n of nodes) {
    const c = titled(
      svg('circle', {
        cx: n.x,
        cy: n.y,
        r: n.size,
        fill: n.color,
        class: n.dim ? 'node dim' : 'node',
        'data-team': n.id,
      }),
      n.title,
    );
    c.addEventListener('click', () => click(n.id));
    root.append(c);
  }
  for (const b of placeLabels(nodes)) {
    const t = svg('text', {
      x: b.x,
      y: b.y + FONT - 1,
      'font-size': FONT,
      class: at.get(b.id)!.strong ? 'graph-label strong' : 'graph-label',
      'data-team': b.id,
    });
    t.textContent = at.get(b.id)!.label;
    root.append(t);
  }
  return root;
}

function titled(e: SVGElement, text: string): SVGElement {
  const t = svg('title');
  t.textContent = text;
  e.append(t);
  return e;
}
