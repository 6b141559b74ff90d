// The dashboard: filters (cluster, team), the team graph, autonomy table, coupling matrix,
// violations and suggestions — rendered from one Report. Shared by the VS Code webview and any
// page that embeds a report.
import type { Report, Violation } from '../analyzer/report/types';
import { el } from './dom';
import { drawGraph, teamGraph } from './graph';
import { teamEvidence } from './evidence';
import { autonomyTable, couplingMatrix, suggestions, violationList } from './tables';

export interface DashboardEvents {
  open(v: Violation): void;
  rendered(info: { teams: number; violations: number; graph: 'webgl' | 'svg' }): void;
  /** The cluster/team filter changed ('' = all). */
  filter?(f: { cluster: string; team: string }): void;
}

export function renderDashboard(root: HTMLElement, r: Report, on: DashboardEvents): void {
  const state = { cluster: '', team: '', matrix: 'static' as 'static' | 'change' };
  const clusterSel = select('cluster', ['', ...r.clusters.map((c) => c.id)], 'all clusters');
  const teamSel = select('team', ['', ...r.teams.map((t) => t.id)], 'all teams');
  const matrixSel = select('matrix', ['static', 'change'], '', { static: 'matrix: imports (static)', change: 'matrix: shared commits (change)' });
  const body = el('div', { class: 'body' });
  const draw = () => {
    const teams = r.teams.filter((t) => (!state.cluster || t.cluster === state.cluster || r.clusters.find((c) => c.id === state.cluster)?.teams.includes(t.id)) && (!state.team || t.id === state.team));
    const ids = new Set(teams.map((t) => t.id));
    const vs = r.violations.filter((v) => !state.team && !state.cluster ? true : ids.has(v.fromTeam ?? '') || ids.has(v.toTeam ?? ''));
    const graphBox = el('div', { class: 'graph', id: 'team-graph' });
    const details = el('div', { class: 'details' }, el('p', { class: 'muted' }, 'Click a team to see the commits and imports behind its numbers.'));
    const table = autonomyTable(teams);
    table.addEventListener('click', (e) => {
      const row = (e.target as HTMLElement).closest('tr[data-team]');
      if (row) details.replaceChildren(teamEvidence(r, row.getAttribute('data-team')!, (v) => on.open(v as Violation)));
    });
    body.replaceChildren(
      el('h2', {}, 'Team graph'), graphBox,
      el('h2', {}, 'Autonomy'), table, details,
      el('h2', {}, 'Coupling'), couplingMatrix(r, teams.map((t) => t.id), state.matrix, state.team ? r.teams.map((t) => t.id) : teams.map((t) => t.id)),
      el('h2', {}, `Violations (${vs.length})`), violationList(vs, on.open),
      el('h2', {}, 'Suggestions'), suggestions(r),
    );
    const graph = drawGraph(graphBox, teamGraph(r, ids));
    on.rendered({ teams: teams.length, violations: vs.length, graph });
  };
  const bind = (s: HTMLSelectElement, key: 'cluster' | 'team' | 'matrix') => s.addEventListener('change', () => {
    (state as Record<string, string>)[key] = s.value;
    if (key !== 'matrix') on.filter?.({ cluster: state.cluster, team: state.team });
    draw();
  });
  bind(clusterSel, 'cluster');
  bind(teamSel, 'team');
  bind(matrixSel, 'matrix');
  const summary = `${r.teams.length} teams · ${r.files.length} files · ${r.window.commits} commits · ${r.violations.length} violations`;
  root.replaceChildren(el('header', {}, el('h1', {}, 'Conway'), el('span', { class: 'muted' }, summary), el('div', { class: 'filters' }, clusterSel, teamSel, matrixSel)), body);
  draw();
}

function select(name: string, values: string[], emptyLabel: string, labels: Record<string, string> = {}): HTMLSelectElement {
  const s = el('select', { name, 'aria-label': name });
  for (const v of values) s.append(el('option', { value: v }, labels[v] ?? (v || emptyLabel)));
  return s;
}
