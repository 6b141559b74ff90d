// The cost of crossing a boundary on a team's or cluster's page: the scope's crossing rows (the
// whole window, then each period) — single-team vs cross-team change sets with their counts,
// median hours, people and the size-matched ratio — and, as the report says it, why the hours are
// empty on a squash-merged repository analysed without `--prs`. Read defensively: a report of an
// older Conway has no `crossing`.
import type { Report } from '../analyzer/contract/report';
import type { CrossingRow, CrossingSide } from '../analyzer/contract/teamwork-crossing';
import { el, pct } from './dom';

const HEADER = [
  'period',
  'single-team n',
  'cross-team n',
  'crossing share',
  'median h: single → cross',
  'people: single → cross',
  'ratio (same size)',
];

export const UNTIMED =
  'No elapsed time: a squash-merged pull request carries no start, so without --prs (a gh pr list export, docs/cli.md) only merged branches are timed, and a lone commit never is.';

export function crossingRowsOf(r: Report, kind: 'team' | 'cluster', id: string): CrossingRow[] {
  const rows = (r as { crossing?: unknown }).crossing;
  if (!Array.isArray(rows)) return [];
  return (rows as CrossingRow[])
    .filter(
      (x) =>
        !!x &&
        typeof x === 'object' &&
        x.scope?.kind === kind &&
        x.scope.id === id &&
        typeof x.single?.n === 'number' &&
        typeof x.cross?.n === 'number',
    )
    .sort((a, b) => (a.period === null ? -1 : b.period === null ? 1 : a.period < b.period ? -1 : 1));
}

export function crossingPanel(r: Report, kind: 'team' | 'cluster', id: string): HTMLElement {
  const rows = crossingRowsOf(r, kind, id);
  if (!Array.isArray((r as { crossing?: unknown }).crossing))
    return el('p', { class: 'muted' }, 'This report has no crossing rows (an older Conway wrote it).');
  if (!rows.some((x) => x.single.n + x.cross.n > 0))
    return el('p', { class: 'muted' }, `No change set touched this ${kind}'s files in the window.`);
  const untimed = rows.every((x) => hours(x.single) === null && hours(x.cross) === null);
  const prs = !!(r.changeSets as { prs?: unknown } | undefined)?.prs;
  return el(
    'div',
    { class: 'crossing', 'data-scope': `${kind}:${id}` },
    el(
      'table',
      { class: 'crossing-rows' },
      el('thead', {}, el('tr', {}, ...HEADER.map((c) => el('th', {}, c)))),
      el(
        'tbody',
        {},
        ...rows
          .filter((x) => x.single.n + x.cross.n > 0)
          .map((x) =>
            el(
              'tr',
              { 'data-period': x.period ?? 'window' },
              el('th', {}, x.period ?? 'whole window'),
              el('td', { class: 'num' }, String(x.single.n)),
              el('td', { class: 'num' }, String(x.cross.n)),
              el('td', { class: 'num' }, pct(x.crossShare)),
              el('td', { class: 'num' }, `${text(hours(x.single))} → ${text(hours(x.cross))}`),
              el('td', { class: 'num' }, `${text(x.single.people)} → ${text(x.cross.people)}`),
              el('td', { class: 'num' }, typeof x.ratio === 'number' ? `${x.ratio}×` : '–'),
            ),
          ),
      ),
    ),
    ...(untimed && !prs ? [el('p', { class: 'muted untimed' }, UNTIMED)] : []),
    el(
      'p',
      { class: 'muted' },
      'A change crosses when two of its files share no delivery team. Hours: opened → merged. The ratio compares cross-team with single-team changes of the same size (1–3, 4–10, 11+ files); “–”: too few timed changes on a side (docs/metrics.md, "The cost of crossing a boundary").',
    ),
  );
}

function hours(s: CrossingSide): number | null {
  return typeof s.medianHours === 'number' ? s.medianHours : null;
}

function text(x: number | null | undefined): string {
  return typeof x === 'number' ? String(x) : '–';
}
