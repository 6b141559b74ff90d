// Violations as grouped, ranked findings (findings.ts) with filters (kind, team, text) and paging:
// "showing 1–50 of 1,204 findings (10,000 locations)". A finding's locations open on demand (each a
// link that opens the file at the line), 20 at a time.
import type { Placement, ViolationKind } from '../analyzer/contract/report';
import { el, locationLink, type LinkTarget } from './dom';
import type { FindingView } from './findings';
import { count } from './labels';

export const PAGE = 50;
const LOCATIONS = 20;

export interface FindingsState {
  kind: ViolationKind | '';
  team: string;
  text: string;
  page: number;
}

export function filterFindings(all: FindingView[], s: FindingsState, teams: Set<string> | null): FindingView[] {
  const q = s.text.trim().toLowerCase();
  return all.filter(
    ({ finding: f }) =>
      (!s.kind || f.kind === s.kind) &&
      (!s.team || f.fromTeam === s.team || f.toTeam === s.team) &&
      (!teams || (f.fromTeam !== null && teams.has(f.fromTeam)) || (f.toTeam !== null && teams.has(f.toTeam))) &&
      (!q || f.title.toLowerCase().includes(q) || (f.target ?? '').toLowerCase().includes(q)),
  );
}

export function findingsView(
  all: FindingView[],
  s: FindingsState,
  teams: Set<string> | null,
  teamNames: [string, string][],
  link: LinkTarget,
  redraw: () => void,
): HTMLElement {
  const shown = filterFindings(all, s, teams);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  s.page = Math.min(s.page, pages - 1);
  const slice = shown.slice(s.page * PAGE, (s.page + 1) * PAGE);
  const locations = shown.reduce((n, f) => n + f.finding.count, 0);
  const status = shown.length
    ? `showing ${count(s.page * PAGE + 1)}–${count(s.page * PAGE + slice.length)} of ${count(shown.length)} findings (${count(locations)} locations)`
    : 'No findings match the filters.';
  return el(
    'div',
    { class: 'findings' },
    filters(all, s, teamNames, redraw),
    el('p', { class: 'muted paging-status' }, status),
    el('ol', { class: 'findings-list', start: String(s.page * PAGE + 1) }, ...slice.map((f) => item(f, link))),
    pager(s, pages, redraw),
  );
}

function filters(all: FindingView[], s: FindingsState, teamNames: [string, string][], redraw: () => void): HTMLElement {
  const kinds = new Map<string, number>();
  for (const f of all) kinds.set(f.finding.kind, (kinds.get(f.finding.kind) ?? 0) + 1);
  const set = (patch: Partial<FindingsState>) => (Object.assign(s, patch, { page: 0 }), redraw());
  const kind = el(
    'select',
    { name: 'finding-kind', 'aria-label': 'finding kind' },
    el('option', { value: '' }, 'all kinds'),
    ...[...kinds].map(([k, n]) => el('option', { value: k }, `${k} (${count(n)})`)),
  );
  kind.value = s.kind;
  kind.addEventListener('change', () => set({ kind: kind.value as ViolationKind | '' }));
  const team = el(
    'select',
    { name: 'finding-team', 'aria-label': 'finding team' },
    el('option', { value: '' }, 'any team'),
    ...teamNames.map(([id, label]) => el('option', { value: id }, label)),
  );
  team.value = s.team;
  team.addEventListener('change', () => set({ team: team.value }));
  const text = el('input', {
    type: 'search',
    name: 'finding-text',
    placeholder: 'filter by text…',
    value: s.text,
    'aria-label': 'filter findings by text',
  });
  text.addEventListener('change', () => set({ text: text.value }));
  return el('div', { class: 'controls' }, kind, team, text);
}

function item({ finding: f, locations }: FindingView, link: LinkTarget): HTMLElement {
  const details = el(
    'details',
    { class: 'locations' },
    el('summary', {}, `${count(f.count)} location${f.count === 1 ? '' : 's'}`),
  );
  details.addEventListener('toggle', () => {
    if (!details.open || details.querySelector('ul')) return;
    const list = locations.length ? locations : f.examples.map((x) => ({ ...x, message: '' }));
    details.append(
      el(
        'ul',
        {},
        ...list
          .slice(0, LOCATIONS)
          .map((v) =>
            el(
              'li',
              {},
              locationLink(v.file, v.line, link),
              v.message ? el('span', { class: 'message' }, ` ${v.message}`) : '',
            ),
          ),
      ),
      ...(list.length > LOCATIONS
        ? [el('p', { class: 'muted' }, `… and ${count(list.length - LOCATIONS)} more in the JSON or SARIF report.`)]
        : []),
    );
  });
  const first = f.examples[0];
  return el(
    'li',
    { class: 'finding', 'data-kind': f.kind, 'data-finding': f.id },
    el('span', { class: `kind kind-${f.kind}` }, f.kind),
    ' ',
    el('span', { class: 'title' }, f.title),
    el('span', { class: 'muted' }, ` · ${count(f.changes)} changes touched · `),
    first ? locationLink(first.file, first.line, link) : '',
    ...(f.suggestion
      ? [
          el(
            'div',
            { class: 'suggestion' },
            'Fix: ',
            el('code', {}, f.suggestion),
            ...(f.placement ? [el('span', { class: 'muted' }, ` — ${whereText(f.placement)}`)] : []),
          ),
        ]
      : []),
    details,
  );
}

function pager(s: FindingsState, pages: number, redraw: () => void): HTMLElement {
  const go = (p: number) => () => ((s.page = p), redraw());
  const b = (text: string, p: number, disabled: boolean) => {
    const x = el('button', disabled ? { type: 'button', disabled: '' } : { type: 'button' }, text);
    x.addEventListener('click', go(p));
    return x;
  };
  return el(
    'div',
    { class: 'pager' },
    b('‹ previous', s.page - 1, s.page === 0),
    el('span', { class: 'muted' }, ` page ${s.page + 1} of ${pages} `),
    b('next ›', s.page + 1, s.page >= pages - 1),
  );
}

/** Where the suggested CODEOWNERS line goes: CODEOWNERS is last-match-wins, so "at the end" is not always right. */
export function whereText(p: Placement): string {
  if (p.beforeLine !== null) return `insert before line ${p.beforeLine} of ${p.file}`;
  return p.afterLine !== null ? `add after line ${p.afterLine} of ${p.file}` : `add to ${p.file}`;
}
