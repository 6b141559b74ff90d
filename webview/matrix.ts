// The team × team coupling matrix, usable at 200 teams: rows and columns ordered by cluster and,
// inside and between clusters, by coupling (greedy nearest-neighbour seriation: each next team is
// the one most coupled to the previous), so heavy cells gather along the diagonal; the top N most
// coupled teams by default with "show all"; a colour legend; short labels, full names on hover.
import type { Report, TeamRow } from '../analyzer/contract/report';
import { el } from './dom';
import { count } from './labels';

export type MatrixMode = 'static' | 'change';
export const MATRIX_TOP = 25;

export function couplingLookup(r: Report, mode: MatrixMode): (a: string, b: string) => number {
  const m = new Map<string, number>();
  if (mode === 'static')
    for (const s of r.coupling.static) m.set(`${s.from}\0${s.to}`, (m.get(`${s.from}\0${s.to}`) ?? 0) + s.edges);
  else
    for (const c of r.coupling.teams) m.set(`${c.a}\0${c.b}`, c.sharedCommits).set(`${c.b}\0${c.a}`, c.sharedCommits);
  return (a, b) => m.get(`${a}\0${b}`) ?? 0;
}

/** Greedy seriation: start at the most coupled item, then repeatedly take the unvisited item most coupled to the last one. */
export function seriate(ids: string[], w: (a: string, b: string) => number): string[] {
  const left = new Set(ids);
  const totals = new Map(ids.map((a) => [a, ids.reduce((s, b) => s + (a === b ? 0 : w(a, b) + w(b, a)), 0)]));
  const total = (a: string) => totals.get(a)!;
  const out: string[] = [];
  let cur = [...left].sort((a, b) => total(b) - total(a) || (a < b ? -1 : 1))[0];
  while (cur !== undefined) {
    out.push(cur);
    left.delete(cur);
    const last = cur;
    cur = [...left].sort(
      (a, b) => w(last, b) + w(b, last) - (w(last, a) + w(a, last)) || total(b) - total(a) || (a < b ? -1 : 1),
    )[0];
  }
  return out;
}

/** Teams ordered cluster by cluster (clusters themselves seriated by the coupling between them). */
export function matrixOrder(teams: TeamRow[], w: (a: string, b: string) => number): string[] {
  const groups = new Map<string, string[]>();
  for (const t of teams)
    (groups.get(t.cluster ?? '~') ?? groups.set(t.cluster ?? '~', []).get(t.cluster ?? '~')!).push(t.id);
  const between = (x: string, y: string) =>
    groups.get(x)!.reduce((s, a) => s + groups.get(y)!.reduce((s2, b) => s2 + w(a, b), 0), 0);
  return seriate([...groups.keys()], between).flatMap((g) => seriate(groups.get(g)!, w));
}

export function couplingMatrix(
  r: Report,
  teams: TeamRow[],
  mode: MatrixMode,
  labels: Map<string, string>,
  showAll: boolean,
  toggle: () => void,
): HTMLElement {
  const w = couplingLookup(r, mode);
  const totals = new Map(teams.map((a) => [a.id, teams.reduce((s, t) => s + w(a.id, t.id) + w(t.id, a.id), 0)]));
  const top = new Set(
    [...teams]
      .sort((a, b) => totals.get(b.id)! - totals.get(a.id)! || (a.id < b.id ? -1 : 1))
      .slice(0, showAll ? teams.length : MATRIX_TOP)
      .map((t) => t.id),
  );
  const ids = matrixOrder(
    teams.filter((t) => top.has(t.id)),
    w,
  );
  const max = Math.max(1, ...ids.flatMap((a) => ids.map((b) => (a === b ? 0 : w(a, b)))));
  const name = new Map(teams.map((t) => [t.id, t]));
  const head = el(
    'tr',
    {},
    el('th', { class: 'corner' }, mode === 'static' ? 'imports row → column' : 'shared commits'),
    ...ids.map((id) =>
      el('th', { class: 'col', title: name.get(id)!.name, scope: 'col' }, el('span', {}, labels.get(id) ?? id)),
    ),
  );
  const rows = ids.map((a) =>
    el(
      'tr',
      {},
      el('th', { scope: 'row', title: name.get(a)!.name }, labels.get(a) ?? a),
      ...ids.map((b) => cell(a, b, a === b ? null : w(a, b), max, name)),
    ),
  );
  const hidden = teams.length - ids.length;
  const note =
    hidden > 0
      ? el(
          'p',
          { class: 'muted' },
          `Showing the ${ids.length} most coupled of ${count(teams.length)} teams. `,
          button(`show all ${count(teams.length)}`, toggle),
        )
      : teams.length > MATRIX_TOP
        ? el(
            'p',
            { class: 'muted' },
            `All ${count(teams.length)} teams. `,
            button(`show the top ${MATRIX_TOP}`, toggle),
          )
        : el('span');
  return el(
    'div',
    { class: 'matrix-box' },
    heatLegend(max, mode),
    note,
    el(
      'div',
      { class: 'matrix-scroll' },
      el(
        'table',
        { class: `matrix${ids.length > 60 ? ' dense' : ''}` },
        el('thead', {}, head),
        el('tbody', {}, ...rows),
      ),
    ),
  );
}

function cell(a: string, b: string, v: number | null, max: number, name: Map<string, TeamRow>): HTMLTableCellElement {
  if (v === null) return el('td', { class: 'num cell diag' }, '·');
  const td = el(
    'td',
    { class: 'num cell', title: `${name.get(a)!.name} → ${name.get(b)!.name}: ${v}` },
    v ? String(v) : '',
  );
  if (v) td.style.setProperty('--heat', String(v / max));
  return td;
}

function heatLegend(max: number, mode: MatrixMode): HTMLElement {
  const bar = el('span', { class: 'heat-bar' });
  return el(
    'div',
    { class: 'legend' },
    el(
      'span',
      { class: 'legend-item' },
      'Colour: 0 ',
      bar,
      ` ${count(max)} ${mode === 'static' ? 'import edges' : 'shared commits'}`,
    ),
  );
}

function button(text: string, click: () => void): HTMLButtonElement {
  const b = el('button', { type: 'button', class: 'link-button' }, text);
  b.addEventListener('click', click);
  return b;
}
