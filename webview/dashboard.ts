// The dashboard: filters (cluster, role), the team graph, a team's page, the autonomy table, the
// coupling matrix, grouped findings and suggestions — rendered from one Report. Shared by the VS
// Code webview and the HTML report (main.ts decides where location links go). Each control redraws
// only its own section; the graph layout and the findings are computed once per report.
import type { Report, TeamRow } from '../analyzer/contract/report';
import { autonomyTable, type SortState } from './autonomy-table';
import { el, locationLink, type LinkTarget } from './dom';
import { findingsOf, type FindingView } from './findings';
import { findingsView, type FindingsState } from './findings-view';
import { choice, GraphPanel } from './graph-panel';
import { count, shortLabels } from './labels';
import { couplingMatrix, type MatrixMode } from './matrix';
import { suggestions } from './suggestions';
import { historySection, type TrendState } from './snapshot-trend';
import { teamPage } from './team-page';
import { clusterPage } from './scorecard-panel';

export interface DashboardEvents {
  link: LinkTarget;
  rendered(info: { teams: number; violations: number; graph: 'webgl' | 'svg' }): void;
  /** The cluster filter or the focused team changed ('' = all / none). */
  filter?(f: { cluster: string; team: string }): void;
  /** The filters to start with (what the user had picked before this report arrived); unknown ids are ignored. */
  initial?: { cluster: string | null; team: string | null };
  /** The snapshot database's series (the editor's `conway.snapshotDb`); null: none set. */
  trend?: TrendState;
  trendRendered?(info: { snapshots: number; teams: number }): void;
}

/** What the host can change after the first paint without redrawing the report. */
export interface DashboardHandle {
  setTrend(s: TrendState): void;
}

export function renderDashboard(root: HTMLElement, r: Report, on: DashboardEvents): DashboardHandle {
  let trend: TrendState = on.trend ?? null;
  const labels = shortLabels(r.teams);
  const findings = findingsOf(r);
  const many = r.teams.length > 30;
  const state = {
    cluster: initialOf(on.initial?.cluster, r.clusters),
    role: '',
    focus: initialOf(on.initial?.team, r.teams),
    matrix: 'static' as MatrixMode,
    matrixAll: false,
  };
  const sort: SortState = { key: 'score', desc: true };
  const fstate: FindingsState = { kind: '', team: '', text: '', page: 0 };
  const visible = (): TeamRow[] =>
    r.teams.filter(
      (t) => (!state.cluster || t.cluster === state.cluster) && (!state.role || (t.role ?? 'team') === state.role),
    );
  const sections = {
    page: el('div', { class: 'details' }),
    table: el('div'),
    history: el('div'),
    matrix: el('div'),
    findings: el('div'),
  };
  const graph = new GraphPanel(r, labels, { sizeBy: 'files', edgeBy: 'both', min: 1, topN: many ? 3 : 0 }, (id) =>
    focus(id ?? ''),
  );
  graph.focus = state.focus || null;
  const teamNames = [...r.teams]
    .sort((a, b) => (labels.get(a.id)! < labels.get(b.id)! ? -1 : 1))
    .map((t): [string, string] => [t.id, labels.get(t.id)!]);

  const drawPage = () =>
    sections.page.replaceChildren(
      state.focus
        ? teamPage(r, state.focus, findings, on.link, () => focus(''), trend)
        : state.cluster
          ? clusterPage(r, state.cluster, (id) => focus(id))
          : el(
              'p',
              { class: 'muted' },
              'Click a team in the graph or the table, or search one, to see its members and the evidence behind its numbers; pick a cluster to see its page.',
            ),
    );
  const drawTable = () =>
    sections.table.replaceChildren(autonomyTable(r, visible(), labels, sort, drawTable, (id) => focus(id)));
  const drawMatrix = () =>
    sections.matrix.replaceChildren(
      el(
        'div',
        { class: 'controls' },
        choice(
          'matrix',
          [
            ['static', 'matrix: imports (static)'],
            ['change', 'matrix: shared commits (change)'],
          ],
          state.matrix,
          (v) => ((state.matrix = v as MatrixMode), drawMatrix()),
        ),
      ),
      couplingMatrix(
        r,
        visible(),
        state.matrix,
        labels,
        state.matrixAll,
        () => ((state.matrixAll = !state.matrixAll), drawMatrix()),
      ),
    );
  const drawHistory = () => {
    sections.history.replaceChildren(
      historySection(
        trend,
        visible(),
        (id) => labels.get(id) ?? id,
        (id) => focus(id),
      ),
    );
    if (trend?.trend)
      on.trendRendered?.({
        snapshots: trend.trend.snapshots.length,
        teams: sections.history.querySelectorAll('tr[data-team]').length,
      });
  };
  const filtered = () => (state.cluster || state.role ? new Set(visible().map((t) => t.id)) : null);
  const drawFindings = () =>
    sections.findings.replaceChildren(findingsView(findings, fstate, filtered(), teamNames, on.link, drawFindings));
  const focus = (id: string) => {
    state.focus = id;
    graph.focus = id || null;
    graph.draw();
    drawPage();
    on.filter?.({ cluster: state.cluster, team: state.focus });
    if (id) sections.page.scrollIntoView?.({ block: 'nearest' });
  };
  const drawRest = () => (drawPage(), drawTable(), drawHistory(), drawMatrix(), drawFindings());
  const drawAll = () => (graph.draw(visible()), drawRest());

  const clusterSel = choice(
    'cluster',
    [['', 'all clusters'], ...r.clusters.map((c): [string, string] => [c.id, `${c.id} (${c.teams.length})`])],
    state.cluster,
    (v) => ((state.cluster = v), on.filter?.({ cluster: v, team: state.focus }), drawAll()),
  );
  const roleSel = choice(
    'role',
    [
      ['', 'all roles'],
      ['team', 'teams'],
      ['review-group', 'review groups'],
    ],
    '',
    (v) => ((state.role = v), drawAll()),
  );
  root.replaceChildren(
    el(
      'header',
      {},
      el('h1', {}, 'Conway'),
      el('span', { class: 'muted' }, summary(r, findings.length)),
      el('div', { class: 'filters' }, clusterSel, roleSel),
    ),
    el(
      'div',
      { class: 'body' },
      ...actFirst(findings, on.link),
      el('h2', {}, 'Team graph'),
      graph.element,
      sections.page,
      el('h2', {}, 'Autonomy'),
      sections.table,
      ...(vscodeHosted(on) ? [el('h2', {}, 'History (snapshots)'), sections.history] : []),
      el('h2', {}, 'Coupling'),
      sections.matrix,
      el('h2', {}, `Violations (${count(r.violations.length)} in ${count(findings.length)} findings)`),
      sections.findings,
      el('h2', {}, 'Suggestions'),
      suggestions(r),
    ),
  );
  // First paint: header, filters and the graph; the sections below the fold follow one frame later.
  graph.draw(visible());
  performance.mark('conway-graph-drawn');
  requestAnimationFrame(() =>
    setTimeout(() => {
      drawRest();
      on.rendered({ teams: visible().length, violations: r.violations.length, graph: graph.renderer });
    }),
  );
  return {
    setTrend(s) {
      trend = s;
      drawHistory();
      drawPage();
    },
  };
}

/** The History section is the editor's (it reads conway.snapshotDb); the HTML report has no database. */
function vscodeHosted(on: DashboardEvents): boolean {
  return on.trendRendered !== undefined;
}

/** A cluster or team id kept from before, when this report still has it; else '' (all / none). */
function initialOf(id: string | null | undefined, known: { id: string }[]): string {
  return id && known.some((k) => k.id === id) ? id : '';
}

/** The five highest-ranked findings, as the Markdown and static HTML reports open with them: production code; test code only when there is none. */
function actFirst(all: FindingView[], link: LinkTarget): HTMLElement[] {
  if (!all.length) return [];
  const production = all.filter((v) => v.finding.scope !== 'test');
  const findings = production.length ? production : all;
  return [
    el('h2', {}, 'Where to act first'),
    el(
      'ol',
      { class: 'act-first' },
      ...findings
        .slice(0, 5)
        .map(({ finding: f }) =>
          el(
            'li',
            {},
            el('span', { class: `kind kind-${f.kind}` }, f.kind),
            ' ',
            f.title,
            ` (${count(f.count)}) `,
            ...(f.examples[0] ? [locationLink(f.examples[0].file, f.examples[0].line, link)] : []),
          ),
        ),
    ),
  ];
}

function summary(r: Report, findings: number): string {
  const w = r.window;
  const span =
    w.first && w.last
      ? ` · ${w.first.date.slice(0, 10)} … ${w.last.date.slice(0, 10)}`
      : w.since
        ? ` · since ${w.since}`
        : '';
  return `${count(r.teams.length)} teams · ${count(r.files.length)} files · ${count(w.commits)} commits${span} · ${count(r.violations.length)} violations in ${count(findings)} findings`;
}
