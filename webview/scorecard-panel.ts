// A team's or cluster's scorecard on its dashboard page: the periods as small multiples — one
// small bar chart per number, one bar per period, the latest darker — each with the latest value
// beside the previous period's, then where to improve. Built with el/svg (textContent and
// setAttribute only), so every repository string is text.
import type { Report } from '../analyzer/contract/report';
import type { ClusterFit, ScorePeriod, ScoreScope, ScoreValue } from '../analyzer/contract/teamwork-scorecard';
import { statusCountText } from '../analyzer/contract/teamwork-interactions';
import { el, pct, svg } from './dom';
import { crossingPanel } from './crossing';

type Key = keyof Omit<ScorePeriod, 'period' | 'commits' | 'interactions' | 'interactionIssues'>;

const NUMBERS: { key: Key; label: string; max: number | null; fmt: (x: number | null) => string }[] = [
  { key: 'autonomy', label: 'autonomy', max: 100, fmt: (x) => (x === null ? '–' : x.toFixed(1)) },
  { key: 'deliveryIndependence', label: 'delivery independence', max: 1, fmt: pct },
  { key: 'ownershipIntegrity', label: 'ownership integrity', max: 1, fmt: pct },
  { key: 'dependencyIndependence', label: 'dependency independence', max: 1, fmt: pct },
  { key: 'crossShare', label: 'crossing share', max: 1, fmt: pct },
  { key: 'crossRatio', label: 'crossing time ratio', max: null, fmt: (x) => (x === null ? '–' : `${x.toFixed(2)}×`) },
  { key: 'congruence', label: 'congruence', max: 1, fmt: pct },
  { key: 'findingsOpened', label: 'drift findings opened', max: null, fmt: (x) => (x === null ? '–' : String(x)) },
  { key: 'findingsFixed', label: 'drift findings fixed', max: null, fmt: (x) => (x === null ? '–' : String(x)) },
];

export function scopeOf(r: Report, kind: 'team' | 'cluster', id: string): ScoreScope | null {
  const list = kind === 'team' ? r.scorecard?.teams : r.scorecard?.clusters;
  return list?.find((s) => s.id === id) ?? null;
}

export function change(v: ScoreValue, fmt: (x: number | null) => string): string {
  if (v.value === null) return '–';
  if (v.direction === null) return fmt(v.value);
  // A change below the printed precision reads as none: "82% ↑ from 82%" would say it moved.
  if (v.direction === 'same' || fmt(v.value) === fmt(v.previous)) return `${fmt(v.value)}, same as before`;
  return `${fmt(v.value)} ${v.direction === 'up' ? '↑' : '↓'} from ${fmt(v.previous)} (${v.direction === v.better ? 'better' : 'worse'})`;
}

export function scorecardPanel(r: Report, kind: 'team' | 'cluster', id: string): HTMLElement {
  const s = scopeOf(r, kind, id);
  if (!s || !s.periods.length)
    return el(
      'p',
      { class: 'muted' },
      r.scorecard
        ? 'No period with changes in the window.'
        : 'This report has no scorecard (an older Conway wrote it).',
    );
  const shown = NUMBERS.filter((n) => s.periods.some((p) => p[n.key].value !== null));
  const first = s.periods[0].period;
  const last = s.periods[s.periods.length - 1].period;
  return el(
    'div',
    { class: 'scorecard', 'data-scope': `${kind}:${id}` },
    el(
      'p',
      { class: 'muted' },
      `Per ${r.scorecard!.period}, ${first} … ${last}; bars oldest first, the latest darker. Open findings at HEAD: ${s.openFindings}.`,
    ),
    el('div', { class: 'multiples' }, ...shown.map((n) => multiple(s, n))),
    ...interactionLines(s),
    improve(s),
  );
}

/** The latest period's interaction statuses beside the previous period's; the window's for a report without them. */
function interactionLines(s: ScoreScope): HTMLElement[] {
  const [prev, last] =
    s.periods.slice(-2).length === 2 ? s.periods.slice(-2) : [undefined, s.periods[s.periods.length - 1]];
  if (last?.interactions === undefined)
    return s.interactions
      ? [el('p', {}, `Interactions (the window's): ${statusCountText(s.interactions, 'none')}`)]
      : [];
  if (!last.interactions) return [];
  const before = prev?.interactions ? ` — ${prev.period}: ${statusCountText(prev.interactions, 'none')}` : '';
  return [
    el(
      'p',
      { class: 'interactions' },
      `Interactions in ${last.period}: ${statusCountText(last.interactions, 'none')}${before}`,
    ),
  ];
}

function multiple(s: ScoreScope, n: (typeof NUMBERS)[number]): HTMLElement {
  const vals = s.periods.map((p) => p[n.key].value);
  const max = n.max ?? Math.max(1, ...vals.map((v) => v ?? 0));
  const w = 10;
  const hgt = 32;
  const chart = svg('svg', {
    width: vals.length * w,
    height: hgt,
    viewBox: `0 0 ${vals.length * w} ${hgt}`,
    class: 'multiple',
    role: 'img',
    'aria-label': n.label,
  });
  vals.forEach((v, i) => {
    if (v === null) return;
    const bh = Math.max(1, (v / max) * (hgt - 2));
    const bar = svg('rect', {
      x: i * w + 1,
      y: (hgt - bh).toFixed(1),
      width: w - 2,
      height: bh.toFixed(1),
      class: i === vals.length - 1 ? 'bar last' : 'bar',
    });
    const t = svg('title');
    t.textContent = `${s.periods[i].period}: ${n.fmt(v)}`;
    bar.append(t);
    chart.append(bar);
  });
  return el(
    'figure',
    { class: 'multiple-cell', 'data-number': n.key },
    el('figcaption', {}, n.label),
    chart,
    el('div', { class: 'num' }, change(s.periods[s.periods.length - 1][n.key], n.fmt)),
  );
}

function improve(s: ScoreScope): HTMLElement {
  if (!s.improve) return el('p', { class: 'muted' }, 'Where to improve: no component has data in the latest period.');
  const i = s.improve;
  return el(
    'div',
    { class: 'improve' },
    el('p', {}, el('b', {}, 'Where to improve: '), `${i.component} is the weakest component (${pct(i.value)}).`),
    i.contributors.length
      ? el(
          'ol',
          {},
          ...i.contributors.map((c) =>
            el(
              'li',
              {},
              el('span', { class: `kind kind-${c.kind}` }, c.kind),
              ' ',
              el('b', {}, c.name),
              ` — ${c.detail}`,
            ),
          ),
        )
      : el('p', { class: 'muted' }, 'No single contributor stands out.'),
  );
}

/** A cluster's page: its teams, the scorecard, and how it fits the team graph. */
export function clusterPage(r: Report, clusterId: string, focusTeam: (id: string) => void): HTMLElement {
  const c = r.clusters.find((x) => x.id === clusterId);
  if (!c) return el('p', {}, 'Unknown cluster.');
  const teams = el('p', {}, 'Teams: ');
  c.teams.forEach((t, i) => {
    const b = el('button', { type: 'button', class: 'link-button', 'data-team': t }, t);
    b.addEventListener('click', () => focusTeam(t));
    teams.append(...(i ? [', '] : []), b);
  });
  return el(
    'section',
    { class: 'evidence cluster-page', 'data-cluster': clusterId },
    el('h3', {}, `Cluster ${c.id}`),
    el(
      'p',
      { class: 'muted' },
      `${c.teams.length} teams · autonomy ${c.autonomy.score === null ? '–' : c.autonomy.score.toFixed(1)}`,
    ),
    teams,
    el('h4', {}, 'Scorecard'),
    scorecardPanel(r, 'cluster', clusterId),
    el('h4', {}, 'Crossing team boundaries'),
    crossingPanel(r, 'cluster', clusterId),
    el('h4', {}, 'Fit on the team graph'),
    fitOf(r.clusterFit, clusterId),
  );
}

function fitOf(fit: ClusterFit | undefined, id: string): HTMLElement {
  if (!fit) return el('p', { class: 'muted' }, 'This report has no cluster fit.');
  const row = fit.coupling.find((c) => c.cluster === id);
  const moves = fit.moves.filter((m) => m.from === id || m.to === id);
  const size = fit.outsideSize.find((o) => o.cluster === id);
  return el(
    'ul',
    {},
    el(
      'li',
      {},
      `Declared clusters reach ${pct(fit.share)} of the best partition's modularity (${fit.declared.modularity ?? '–'} of ${fit.best.modularity ?? '–'}).`,
    ),
    ...(row
      ? [
          el(
            'li',
            {},
            `Coupling inside ${row.internal}, to the rest of the organization ${row.external} (${pct(row.externalShare)} outside).`,
          ),
        ]
      : []),
    ...(size
      ? [
          el(
            'li',
            {},
            `${size.teams} team${size.teams === 1 ? '' : 's'}: outside the 3–5 teams a cluster leader can hold.`,
          ),
        ]
      : []),
    ...moves.map((m) =>
      el(
        'li',
        {},
        `Move ${m.team} ${m.from === id ? `to ${m.to}` : `here from ${m.from ?? 'no cluster'}`} (+${m.gain.toFixed(3)} modularity).`,
      ),
    ),
  );
}
