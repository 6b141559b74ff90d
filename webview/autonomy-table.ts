// The autonomy table: one row per team, sortable by any column (click a header; again to reverse),
// each percentage with its sample size, a component without data shown as "–" with the reason,
// monthly sparklines. Clicking a row opens the team's page.
import type { Report, TeamRow, TeamTrendPoint } from '../analyzer/contract/report';
import { el, pct, svg } from './dom';
import { nullReason, sampleSize, type Component } from './reasons';

interface Column {
  key: string;
  label: string;
  value(t: TeamRow): number | string | null;
  cell(t: TeamRow): HTMLTableCellElement;
}

export interface SortState {
  key: string;
  desc: boolean;
}

export function autonomyTable(
  r: Report,
  teams: TeamRow[],
  labels: Map<string, string>,
  sort: SortState,
  onChange: () => void,
  onTeam: (id: string) => void,
): HTMLElement {
  const cols = columns(r, labels);
  const col = cols.find((c) => c.key === sort.key) ?? cols[2];
  const rows = [...teams].sort((a, b) => compare(col.value(a), col.value(b), sort.desc) || (a.id < b.id ? -1 : 1));
  const head = el(
    'tr',
    {},
    ...cols.map((c) => {
      const th = el(
        'th',
        {
          'data-sort': c.key,
          'aria-sort': c === col ? (sort.desc ? 'descending' : 'ascending') : 'none',
          tabindex: '0',
        },
        c.label,
        c === col ? (sort.desc ? ' ▾' : ' ▴') : '',
      );
      const go = () => {
        Object.assign(
          sort,
          c === col ? { desc: !sort.desc } : { key: c.key, desc: c.key !== 'team' && c.key !== 'cluster' },
        );
        onChange();
      };
      th.addEventListener('click', go);
      th.addEventListener('keydown', (e) => e.key === 'Enter' && go());
      return th;
    }),
  );
  const body = el('tbody', {}, ...rows.map((t) => el('tr', { 'data-team': t.id }, ...cols.map((c) => c.cell(t)))));
  body.addEventListener('click', (e) => {
    const row = (e.target as HTMLElement).closest('tr[data-team]');
    if (row) onTeam(row.getAttribute('data-team')!);
  });
  return el('table', { class: 'autonomy' }, el('thead', {}, head), body);
}

/** Nulls sort last in either direction: a missing number is not a low one. */
function compare(a: number | string | null, b: number | string | null, desc: boolean): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const d = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
  return desc ? -d : d;
}

function columns(r: Report, labels: Map<string, string>): Column[] {
  const text = (key: string, label: string, v: (t: TeamRow) => string, title?: (t: TeamRow) => string): Column => ({
    key,
    label,
    value: v,
    cell: (t) => el('td', title ? { title: title(t) } : {}, v(t)),
  });
  const number = (key: string, label: string, v: (t: TeamRow) => number | null): Column => ({
    key,
    label,
    value: v,
    cell: (t) => el('td', { class: 'num' }, v(t) === null ? '–' : String(v(t))),
  });
  const component = (
    key: Exclude<Component, 'score'>,
    label: string,
    spark?: 'deliveryIndependence' | 'alignment',
  ): Column => ({
    key,
    label,
    value: (t) => t.autonomy[key],
    cell: (t) => {
      const v = t.autonomy[key];
      if (v === null)
        return el(
          'td',
          { class: 'num null', title: nullReason(r, t, key) },
          '– ',
          el('span', { class: 'reason' }, nullReason(r, t, key)),
        );
      return el(
        'td',
        { class: 'num' },
        pct(v),
        ' ',
        el('span', { class: 'sample' }, `(${sampleSize(t, key)})`),
        ...(spark ? [sparkline(t.trend, spark)] : []),
      );
    },
  });
  return [
    text(
      'team',
      'team',
      (t) => labels.get(t.id) ?? t.name,
      (t) => t.name,
    ),
    text('cluster', 'cluster', (t) => t.cluster ?? ''),
    {
      key: 'score',
      label: 'score',
      value: (t) => t.autonomy.score,
      cell: (t) =>
        t.autonomy.score === null
          ? el('td', { class: 'num null', title: nullReason(r, t, 'score') }, '–')
          : el('td', { class: 'num strong' }, t.autonomy.score.toFixed(1)),
    },
    component('deliveryIndependence', 'delivery independence', 'deliveryIndependence'),
    component('ownershipIntegrity', 'ownership integrity', 'alignment'),
    component('dependencyIndependence', 'dependency independence'),
    number('files', 'files', (t) => t.files),
    number('changes', 'changes', (t) => t.changes),
    number('members', 'members', (t) => t.members.length),
    text(
      'role',
      'role',
      (t) => `${t.role === 'review-group' ? 'review group' : 'team'}${t.membership ? ` · ${t.membership}` : ''}`,
    ),
    number('truckFactor', 'truck factor', (t) => t.truckFactor),
  ];
}

export function sparkline(points: TeamTrendPoint[], key: 'alignment' | 'deliveryIndependence'): Node {
  const vals = points.map((p) => p[key]);
  const s = svg('svg', { width: 60, height: 16, class: 'spark', viewBox: '0 0 60 16' });
  if (vals.filter((v) => v !== null).length < 2) return s;
  const step = 60 / Math.max(1, vals.length - 1);
  const pts = vals
    .map((v, i) => (v === null ? '' : `${(i * step).toFixed(1)},${(15 - v * 14).toFixed(1)}`))
    .filter(Boolean)
    .join(' ');
  s.append(svg('polyline', { points: pts }));
  const title = svg('title');
  title.textContent = points.map((p) => `${p.month}: ${pct(p[key])}`).join(', ');
  s.append(title);
  return s;
}
