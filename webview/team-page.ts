// A team's page (click a team in the graph, the table or search it): who is in it — each member with
// their identities and how the membership was found — then the evidence behind each autonomy
// component (commits shared with other teams, imports across the boundary with links to the
// lines), the monthly trend, and the findings it is part of.
import type { MemberRow, PersonRow, Report, TeamRow } from '../analyzer/contract/report';
import { el, locationLink, pct, type LinkTarget } from './dom';
import type { FindingView } from './findings';
import { count } from './labels';
import { nullReason, sampleSize } from './reasons';
import { teamSnapshots, type TrendState } from './snapshot-trend';
import { scorecardPanel } from './scorecard-panel';
import { interactionColor, interactionsOf, interactionText } from './interactions';
import { swatch } from './dom';
import { crossingPanel } from './crossing';

export function teamPage(
  r: Report,
  teamId: string,
  findings: FindingView[],
  link: LinkTarget,
  close: () => void,
  snapshots: TrendState = null,
): HTMLElement {
  const t = r.teams.find((x) => x.id === teamId);
  if (!t) return el('p', {}, 'Unknown team.');
  const closer = el('button', { type: 'button', class: 'link-button', 'aria-label': 'close team page' }, '✕ close');
  closer.addEventListener('click', close);
  return el(
    'section',
    { class: 'evidence team-page', 'data-team': teamId },
    el('h3', {}, t.name, ' ', closer),
    el(
      'p',
      { class: 'muted' },
      [
        t.role === 'review-group' ? "review group (approves other teams' code)" : 'team',
        t.cluster ? `cluster ${t.cluster}` : 'no cluster',
        `${count(t.files)} files`,
        `${count(t.changes)} changes`,
        `${count(t.commits)} commits`,
      ].join(' · '),
    ),
    components(r, t),
    el('h4', {}, 'Scorecard'),
    scorecardPanel(r, 'team', t.id),
    el('h4', {}, 'Crossing team boundaries'),
    crossingPanel(r, 'team', t.id),
    ...teamInteractions(r, t),
    el('h4', {}, `Members (${t.members.length})`),
    members(r, t),
    el('h4', {}, 'Delivery: commits shared with other teams'),
    shared(r, t),
    el('h4', {}, 'Dependencies: imports across the boundary'),
    imports(r, t, link),
    el('h4', {}, 'Trend'),
    trend(t),
    ...(snapshots ? [el('h4', {}, 'Over the snapshots'), teamSnapshots(snapshots, teamId)] : []),
    el('h4', {}, 'Findings'),
    teamFindings(t, findings, link),
  );
}

function components(r: Report, t: TeamRow): HTMLElement {
  const part = (label: string, k: 'deliveryIndependence' | 'ownershipIntegrity' | 'dependencyIndependence') =>
    el(
      'li',
      {},
      `${label}: `,
      t.autonomy[k] === null ? `– (${nullReason(r, t, k)})` : `${pct(t.autonomy[k])} (${sampleSize(t, k)})`,
    );
  return el(
    'ul',
    { class: 'components' },
    el(
      'li',
      { class: 'strong' },
      `autonomy ${t.autonomy.score === null ? `– (${nullReason(r, t, 'score')})` : t.autonomy.score.toFixed(1)}`,
    ),
    part('delivery independence', 'deliveryIndependence'),
    part('ownership integrity', 'ownershipIntegrity'),
    part('dependency independence', 'dependencyIndependence'),
  );
}

/** Members with identities; an empty list says why instead of leaving a bare heading. */
function members(r: Report, t: TeamRow): HTMLElement {
  if (!t.members.length) {
    return el(
      'p',
      { class: 'muted empty-members' },
      t.role === 'review-group'
        ? 'No members listed: this is a review group — the team map does not list its people and its approvals leave no authorship in git.'
        : 'No members: the team map does not list any for this team, and no author made enough of their own changes in its files to be inferred a member (--member-share, default 25% of their changes, and --min-sample of them).',
    );
  }
  const people = new Map((r.people ?? []).map((p) => [p.id, p]));
  const source =
    t.membership === 'declared'
      ? 'declared in the team map'
      : t.membership === 'inferred'
        ? 'inferred from history'
        : null;
  return el(
    'div',
    {},
    ...(source ? [el('p', { class: 'muted' }, `Membership ${source}.`)] : []),
    el(
      'ul',
      { class: 'members' },
      ...t.members
        .slice(0, 50)
        .map((m) =>
          el(
            'li',
            {},
            el('b', {}, m.name),
            ` ${identities(m, people.get(m.person))} — ${how(m)} · ${count(m.changes)} changes`,
          ),
        ),
    ),
    ...(t.members.length > 50 ? [el('p', { class: 'muted' }, `… and ${t.members.length - 50} more.`)] : []),
  );
}

function identities(m: MemberRow, p: PersonRow | undefined): string {
  if (!p) return `(${m.person})`;
  const ids = [
    ...new Set([
      ...p.emails,
      ...p.handles.map((h) => `@${h.replace(/^@/, '')}`),
      ...p.names.filter((n) => n !== m.name),
    ]),
  ];
  const merged = p.merged.length ? `; merged: ${p.merged.map((x) => `${x.identity} (${x.reason})`).join(', ')}` : '';
  return `(${ids.join(', ')}${merged})`;
}

function how(m: MemberRow): string {
  if (!m.inferred) return 'listed in the team map';
  return m.ownShare !== undefined
    ? `inferred: ${pct(m.ownShare)} of their own changes are to this team's files`
    : 'inferred from history';
}

function shared(r: Report, t: TeamRow): HTMLElement {
  const rows = r.coupling.teams
    .filter((c) => c.a === t.id || c.b === t.id)
    .sort((a, b) => b.sharedCommits - a.sharedCommits);
  if (!rows.length)
    return el(
      'p',
      {},
      'None: every commit of the team touched only its own files, or it shares none with another team.',
    );
  return el(
    'ul',
    {},
    ...rows.slice(0, 15).map((c) =>
      el(
        'li',
        {},
        `${c.a === t.id ? c.b : c.a}: ${c.sharedCommits} shared commit${c.sharedCommits === 1 ? '' : 's'} (${c.degree}%) — `,
        el(
          'code',
          {},
          c.commits
            .slice(0, 5)
            .map((s) => s.slice(0, 10))
            .join(' '),
        ),
      ),
    ),
    ...(rows.length > 15 ? [el('li', { class: 'muted' }, `… and ${rows.length - 15} more teams`)] : []),
  );
}

function imports(r: Report, t: TeamRow, link: LinkTarget): HTMLElement {
  const rows = r.coupling.static.filter((s) => s.from === t.id || s.to === t.id).sort((a, b) => b.edges - a.edges);
  if (!rows.length) return el('p', {}, 'None: no import crosses into or out of its files.');
  return el(
    'ul',
    {},
    ...rows
      .slice(0, 10)
      .map((s) =>
        el(
          'li',
          {},
          `${s.from} → ${s.to}: ${s.edges} import${s.edges === 1 ? '' : 's'}`,
          el(
            'ul',
            {},
            ...s.examples.slice(0, 3).map((x) => el('li', {}, locationLink(x.file, x.line, link), ` → ${x.target}`)),
          ),
        ),
      ),
  );
}

function trend(t: TeamRow): HTMLElement {
  if (!t.trend.length) return el('p', {}, 'No months with changes in the window.');
  return el(
    'table',
    { class: 'trend' },
    el('thead', {}, el('tr', {}, el('th', {}, 'month'), ...t.trend.map((p) => el('th', {}, p.month.slice(2))))),
    el(
      'tbody',
      {},
      el('tr', {}, el('th', {}, 'commits'), ...t.trend.map((p) => el('td', { class: 'num' }, String(p.commits)))),
      el(
        'tr',
        {},
        el('th', {}, 'delivery'),
        ...t.trend.map((p) => el('td', { class: 'num' }, pct(p.deliveryIndependence))),
      ),
      el('tr', {}, el('th', {}, 'integrity'), ...t.trend.map((p) => el('td', { class: 'num' }, pct(p.alignment)))),
    ),
  );
}

function teamFindings(t: TeamRow, all: FindingView[], link: LinkTarget): HTMLElement {
  const mine = all.filter((f) => f.finding.fromTeam === t.id || f.finding.toTeam === t.id);
  if (!mine.length) return el('p', {}, 'None.');
  return el(
    'ul',
    {},
    ...mine
      .slice(0, 10)
      .map(({ finding: f }) =>
        el(
          'li',
          {},
          el('span', { class: `kind kind-${f.kind}` }, f.kind),
          ` #${f.rank} ${f.title} (${count(f.count)}) `,
          ...(f.examples[0] ? [locationLink(f.examples[0].file, f.examples[0].line, link)] : []),
        ),
      ),
    ...(mine.length > 10
      ? [
          el(
            'li',
            { class: 'muted' },
            `… and ${mine.length - 10} more in the Violations section (filter by this team).`,
          ),
        ]
      : []),
  );
}

/** The team's interactions, declared vs observed (none when the report has no interactions). */
function teamInteractions(r: Report, t: TeamRow): HTMLElement[] {
  const rows = interactionsOf(r).filter((i) => i.a === t.id || i.b === t.id);
  if (!rows.length) return [];
  return [
    el('h4', {}, 'Interactions (declared vs observed)'),
    el(
      'ul',
      { class: 'interactions' },
      ...rows.map((i) => el('li', { 'data-status': i.status }, swatch(interactionColor(i)), ' ', interactionText(i))),
    ),
  ];
}
