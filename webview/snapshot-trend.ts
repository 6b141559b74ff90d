// The trend views over the snapshot database the editor reads (`conway.snapshotDb`): a History
// section with each team's autonomy snapshot by snapshot and how its coupling and findings moved
// from the first snapshot to the last, and a team page table of every stored number per snapshot.
// A snapshot row the database does not have (an older schema, a team not yet there) shows "–".
import type { SnapshotTrend, TeamSnapshotValues } from '../analyzer/contract/snapshot-trend';
import { el, pct } from './dom';

export type TrendState = { trend: SnapshotTrend | null; error: string | null } | null;

const score = (x: number | null | undefined) => (x === null || x === undefined ? '–' : x.toFixed(1));
const num = (x: number | null | undefined) => (x === null || x === undefined ? '–' : String(x));
const coupling = (p: TeamSnapshotValues | null) =>
  p && p.afferent !== null && p.efferent !== null ? p.afferent + p.efferent : null;

function first<T>(xs: (T | null)[]): T | null {
  return xs.find((x) => x !== null) ?? null;
}

function last<T>(xs: (T | null)[]): T | null {
  return first([...xs].reverse());
}

/** `a → b (+d)` between the first and last snapshot the team is in; a higher is worse for coupling and findings. */
function moved(a: number | null, b: number | null, fmt: (x: number) => string = String): string {
  if (a === null || b === null) return '–';
  const d = b - a;
  return `${fmt(a)} → ${fmt(b)} (${d > 0 ? '+' : ''}${fmt(d)})`;
}

/** Why there is nothing to draw, or null when there is. */
function emptyReason(s: NonNullable<TrendState>): string | null {
  if (s.error) return s.error;
  const t = s.trend!;
  if (!t.snapshots.length) {
    const held = t.repositories.length
      ? ` (it holds ${t.repositories.slice(0, 5).join(', ')}${t.repositories.length > 5 ? ', …' : ''})`
      : ' (it is empty)';
    return `No snapshot of ${t.repository} in ${t.db}${held} — take one with \`conway snapshot --db ${t.db} --name ${t.repository} report.json\`.`;
  }
  return null;
}

export function historySection(
  s: TrendState,
  teams: { id: string }[],
  label: (id: string) => string,
  focus: (id: string) => void,
): HTMLElement {
  if (!s)
    return el(
      'p',
      { class: 'muted' },
      'Set conway.snapshotDb to a database written by `conway snapshot` to see each team over its snapshots.',
    );
  const why = emptyReason(s);
  if (why) return el('p', { class: 'muted history-empty' }, why);
  const t = s.trend!;
  const shown = new Set(teams.map((x) => x.id));
  const rows = t.teams.filter((x) => shown.has(x.id));
  const head = el(
    'tr',
    {},
    el('th', {}, 'team'),
    ...t.snapshots.map((p) => el('th', { title: `${p.commit ?? ''} ${p.quarter}` }, p.asOf)),
    el('th', {}, 'coupling (imports in + out)'),
    el('th', {}, 'shared commits'),
    el('th', {}, 'findings'),
  );
  const body = rows.map((x) => {
    const name = el('button', { type: 'button', class: 'link-button' }, label(x.id));
    name.addEventListener('click', () => focus(x.id));
    return el(
      'tr',
      { 'data-team': x.id },
      el('th', {}, name),
      ...x.points.map((p) => el('td', { class: 'num' }, score(p?.autonomy))),
      el('td', { class: 'num' }, moved(first(x.points.map(coupling)), last(x.points.map(coupling)))),
      el(
        'td',
        { class: 'num' },
        moved(
          first(x.points.map((p) => p?.sharedCommits ?? null)),
          last(x.points.map((p) => p?.sharedCommits ?? null)),
        ),
      ),
      el(
        'td',
        { class: 'num' },
        moved(first(x.points.map((p) => p?.findings ?? null)), last(x.points.map((p) => p?.findings ?? null))),
      ),
    );
  });
  return el(
    'div',
    { class: 'history', 'data-snapshots': String(t.snapshots.length) },
    el(
      'p',
      { class: 'muted' },
      `Autonomy per snapshot of ${t.repository} (${t.snapshots.length} snapshot${t.snapshots.length === 1 ? '' : 's'} in ${t.db}), and how coupling and findings moved from the first to the last.`,
    ),
    rows.length
      ? el('table', { class: 'trend history-table' }, el('thead', {}, head), el('tbody', {}, ...body))
      : el('p', { class: 'muted' }, 'None of the teams shown is in the snapshots.'),
  );
}

/** The team page's table: every stored number of the team per snapshot. */
export function teamSnapshots(s: TrendState, teamId: string): HTMLElement {
  if (!s) return el('p', { class: 'muted' }, 'No snapshot database (conway.snapshotDb).');
  const why = emptyReason(s);
  if (why) return el('p', { class: 'muted' }, why);
  const t = s.trend!;
  const team = t.teams.find((x) => x.id.toLowerCase() === teamId.toLowerCase());
  if (!team)
    return el(
      'p',
      { class: 'muted' },
      `The team is in none of the ${t.snapshots.length} snapshots of ${t.repository}.`,
    );
  const row = (name: string, f: (p: TeamSnapshotValues) => string) =>
    el('tr', {}, el('th', {}, name), ...team.points.map((p) => el('td', { class: 'num' }, p ? f(p) : '–')));
  return el(
    'table',
    { class: 'trend team-snapshots' },
    el(
      'thead',
      {},
      el('tr', {}, el('th', {}, 'snapshot'), ...t.snapshots.map((p) => el('th', { title: p.commit ?? '' }, p.asOf))),
    ),
    el(
      'tbody',
      {},
      row('autonomy', (p) => score(p.autonomy)),
      row('delivery', (p) => pct(p.deliveryIndependence)),
      row('integrity', (p) => pct(p.ownershipIntegrity)),
      row('dependency', (p) => pct(p.dependencyIndependence)),
      row('imports in', (p) => num(p.afferent)),
      row('imports out', (p) => num(p.efferent)),
      row('shared commits', (p) => num(p.sharedCommits)),
      row('findings', (p) => num(p.findings)),
    ),
  );
}
