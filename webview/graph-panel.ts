// The team graph's panel: controls (node size, which coupling, minimum edge weight slider, top N
// edges per team, search a team), the legend (what size, colour and width mean) and the drawing.
// Controls redraw only the graph; the layout is computed once per report (graph-layout.ts).
import type { Report, TeamRow } from '../analyzer/contract/report';
import { el, svg, swatch } from './dom';
import { drawGraph, type GraphView } from './graph';
import {
  clusterColors,
  couplingEdges,
  filterEdges,
  NO_CLUSTER_COLOR,
  nodeSizes,
  teamColor,
  type EdgeBy,
  type SizeBy,
} from './graph-data';
import { layoutTeams, type Positions } from './graph-layout';
import { count } from './labels';
import { interactionColor, interactionsOf, pairKey, type InteractionRow } from './interactions';

export interface GraphState {
  sizeBy: SizeBy;
  edgeBy: EdgeBy;
  min: number;
  topN: number;
}

const UNIT: Record<EdgeBy, string> = {
  static: 'import edges',
  change: 'shared commits',
  both: 'import edges + shared commits',
};

export class GraphPanel {
  readonly element = el('section', { class: 'graph-panel' });
  private readonly box = el('div', { class: 'graph', id: 'team-graph' });
  private readonly legend = el('div', { class: 'legend' });
  private readonly status = el('span', { class: 'muted graph-status' });
  private readonly colors: Map<string, string>;
  private positions: Positions | undefined;
  private view: GraphView | undefined;
  private teams: TeamRow[] = [];
  private readonly interactions: Map<string, InteractionRow>;
  focus: string | null = null;
  renderer: 'webgl' | 'svg' = 'svg';

  constructor(
    private readonly r: Report,
    private readonly labels: Map<string, string>,
    private readonly state: GraphState,
    private readonly onFocus: (team: string | null) => void,
  ) {
    this.colors = clusterColors(r);
    this.interactions = new Map(interactionsOf(r).map((i) => [pairKey(i.a, i.b), i]));
    this.element.append(this.controls(), this.legend, this.box);
  }

  /** Draws the given teams (the dashboard's cluster/role filter) with the current controls. */
  draw(teams: TeamRow[] = this.teams): void {
    this.teams = teams;
    const sizes = nodeSizes(this.r.teams, this.state.sizeBy);
    if (!this.positions) {
      this.positions = layoutTeams(this.r, nodeSizes(this.r.teams, 'files'));
      performance.mark('conway-layout');
    }
    const all = couplingEdges(this.r, this.state.edgeBy);
    const edges = filterEdges(all, this.state.min, this.state.topN);
    this.view?.kill();
    this.view = drawGraph(this.box, {
      teams,
      edges,
      positions: this.positions,
      sizes,
      color: (t) => teamColor(t, this.colors),
      labels: this.labels,
      edgeUnit: UNIT[this.state.edgeBy],
      focus: this.focus,
      onClick: (id) => this.onFocus(id),
      interactions: this.interactions,
    });
    this.renderer = this.view.renderer;
    const shown = new Set(teams.map((t) => t.id));
    this.status.textContent = `${count(teams.length)} teams · ${count(edges.filter((e) => shown.has(e.a) && shown.has(e.b)).length)} of ${count(all.length)} edges shown`;
    this.legend.replaceChildren(
      ...legend(teams, this.state, this.colors, Math.max(0, ...edges.map((e) => e.weight))),
      ...interactionLegend([...this.interactions.values()], new Set(edges.map((e) => pairKey(e.a, e.b)))),
    );
  }

  private controls(): HTMLElement {
    const max = Math.max(1, ...couplingEdges(this.r, 'both').map((e) => e.weight));
    const slider = el('input', {
      type: 'range',
      name: 'min-weight',
      min: '1',
      max: String(max),
      value: String(this.state.min),
      'aria-label': 'minimum edge weight',
    });
    const sliderValue = el('span', { class: 'num' }, `≥ ${this.state.min}`);
    slider.addEventListener('input', () => {
      this.state.min = Number(slider.value);
      sliderValue.textContent = `≥ ${slider.value}`;
      this.draw();
    });
    const search = el('input', {
      type: 'search',
      name: 'team-search',
      placeholder: 'search a team…',
      list: 'team-names',
      'aria-label': 'search a team',
    });
    search.addEventListener('change', () => {
      const q = search.value.trim().toLowerCase();
      const hit = q
        ? (this.r.teams.find((t) => t.name.toLowerCase() === q || this.labels.get(t.id)?.toLowerCase() === q) ??
          this.r.teams.find((t) => t.name.toLowerCase().includes(q)))
        : undefined;
      this.onFocus(hit?.id ?? null);
    });
    return el(
      'div',
      { class: 'controls' },
      choice(
        'size-by',
        [
          ['files', 'size: files'],
          ['changes', 'size: changes'],
        ],
        this.state.sizeBy,
        (v) => ((this.state.sizeBy = v as SizeBy), this.draw()),
      ),
      choice(
        'edge-by',
        [
          ['both', 'edges: imports + commits'],
          ['static', 'edges: imports'],
          ['change', 'edges: shared commits'],
        ],
        this.state.edgeBy,
        (v) => ((this.state.edgeBy = v as EdgeBy), this.draw()),
      ),
      el('label', {}, 'min weight ', slider, ' ', sliderValue),
      choice(
        'top-n',
        [
          ['1', 'top 1 per team'],
          ['3', 'top 3 per team'],
          ['5', 'top 5 per team'],
          ['0', 'all edges'],
        ],
        String(this.state.topN),
        (v) => ((this.state.topN = Number(v)), this.draw()),
      ),
      search,
      el(
        'datalist',
        { id: 'team-names' },
        ...this.r.teams.map((t) => el('option', { value: this.labels.get(t.id) ?? t.name })),
      ),
      this.status,
    );
  }
}

export function choice(
  name: string,
  options: [string, string][],
  value: string,
  change: (v: string) => void,
): HTMLSelectElement {
  const s = el('select', { name, 'aria-label': name });
  for (const [v, label] of options)
    s.append(el('option', v === value ? { value: v, selected: '' } : { value: v }, label));
  s.addEventListener('change', () => change(s.value));
  return s;
}

/** Edge colours of the interactions (declared vs observed), and how many have no coupling edge to draw. */
function interactionLegend(rows: InteractionRow[], drawn: Set<string>): HTMLElement[] {
  if (!rows.length) return [];
  const statuses = [...new Set(rows.map((i) => i.status))];
  const hidden = rows.filter((i) => !drawn.has(pairKey(i.a, i.b))).length;
  return [
    el(
      'span',
      { class: 'legend-item legend-interactions' },
      'Edge colour: interaction ',
      ...statuses.map((st) =>
        el('span', { class: 'swatch-label' }, swatch(interactionColor(rows.find((i) => i.status === st)!)), st),
      ),
      ...(hidden
        ? [el('span', { class: 'muted' }, ` (${count(hidden)} without a coupling edge shown: see the team pages)`)]
        : []),
    ),
  ];
}

function legend(teams: TeamRow[], state: GraphState, colors: Map<string, string>, maxWeight: number): HTMLElement[] {
  const maxSize = Math.max(0, ...teams.map((t) => t[state.sizeBy]));
  const dot = (r: number, fill: string) => {
    const s = svg('svg', { width: 2 * r + 2, height: 2 * r + 2, class: 'legend-dot' });
    s.append(svg('circle', { cx: r + 1, cy: r + 1, r, fill }));
    return s;
  };
  const line = (w: number) => {
    const s = svg('svg', { width: 28, height: 10, class: 'legend-line' });
    s.append(svg('line', { x1: 0, y1: 5, x2: 28, y2: 5, 'stroke-width': w }));
    return s;
  };
  const clusters = [...new Set(teams.map((t) => t.cluster).filter((c): c is string => !!c))];
  return [
    el(
      'span',
      { class: 'legend-item' },
      'Size: ',
      dot(4, NO_CLUSTER_COLOR),
      ` few ${state.sizeBy} … `,
      dot(9, NO_CLUSTER_COLOR),
      ` ${count(maxSize)} ${state.sizeBy}`,
    ),
    el(
      'span',
      { class: 'legend-item' },
      'Width: ',
      line(1),
      ' 1 … ',
      line(8),
      ` ${count(maxWeight)} ${UNIT[state.edgeBy]}`,
    ),
    el(
      'span',
      { class: 'legend-item legend-clusters' },
      'Colour: cluster ',
      ...clusters.map((c) => el('span', { class: 'swatch-label' }, swatch(colors.get(c)!), c)),
      el('span', { class: 'swatch-label' }, swatch(NO_CLUSTER_COLOR), 'review group / no cluster'),
    ),
  ];
}
