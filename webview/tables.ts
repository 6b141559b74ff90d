// The dashboard's tables: autonomy per team with its components and monthly sparklines, the
// team × team coupling matrix (imports or shared commits), violations (click → open the file),
// inferred-module and cluster suggestions.
import type { Report, TeamRow, TeamTrendPoint, Violation } from '../analyzer/report/types';
import { el, pct, svg } from './dom';

export function autonomyTable(teams: TeamRow[]): HTMLElement {
  const head = el('tr', {}, ...['team', 'cluster', 'score', 'delivery independence', 'ownership integrity', 'dependency independence', 'files', 'truck factor'].map((h) => el('th', {}, h)));
  const rows = [...teams].sort((a, b) => (b.autonomy.score ?? -1) - (a.autonomy.score ?? -1)).map((t) =>
    el('tr', { 'data-team': t.id },
      el('td', {}, t.name), el('td', {}, t.cluster ?? ''), el('td', { class: 'num strong' }, t.autonomy.score === null ? '–' : t.autonomy.score.toFixed(1)),
      el('td', { class: 'num' }, pct(t.autonomy.deliveryIndependence), sparkline(t.trend, 'deliveryIndependence')),
      el('td', { class: 'num' }, pct(t.autonomy.ownershipIntegrity), sparkline(t.trend, 'alignment')),
      el('td', { class: 'num' }, pct(t.autonomy.dependencyIndependence)),
      el('td', { class: 'num' }, String(t.files)), el('td', { class: 'num' }, t.truckFactor === null ? '–' : String(t.truckFactor))));
  return el('table', { class: 'autonomy' }, el('thead', {}, head), el('tbody', {}, ...rows));
}

function sparkline(points: TeamTrendPoint[], key: 'alignment' | 'deliveryIndependence'): Node {
  const vals = points.map((p) => p[key]);
  const s = svg('svg', { width: 70, height: 18, class: 'spark', viewBox: '0 0 70 18' });
  if (vals.filter((v) => v !== null).length < 2) return s;
  const step = 70 / Math.max(1, vals.length - 1);
  const pts = vals.map((v, i) => (v === null ? '' : `${(i * step).toFixed(1)},${(16 - v * 14).toFixed(1)}`)).filter(Boolean).join(' ');
  s.append(svg('polyline', { points: pts }));
  const title = svg('title');
  title.textContent = points.map((p) => `${p.month}: ${pct(p[key])}`).join(', ');
  s.append(title);
  return s;
}

export function couplingMatrix(r: Report, teams: string[], mode: 'static' | 'change', columns: string[] = teams): HTMLElement {
  const value = (a: string, b: string) =>
    mode === 'static'
      ? r.coupling.static.find((s) => s.from === a && s.to === b)?.edges ?? 0
      : r.coupling.teams.find((c) => (c.a === a && c.b === b) || (c.a === b && c.b === a))?.sharedCommits ?? 0;
  const max = Math.max(1, ...teams.flatMap((a) => columns.map((b) => (a === b ? 0 : value(a, b)))));
  const head = el('tr', {}, el('th', {}, mode === 'static' ? 'imports →' : 'shared commits'), ...columns.map((t) => el('th', {}, t)));
  const rows = teams.map((a) => el('tr', {}, el('th', {}, a), ...columns.map((b) => {
    const v = a === b ? null : value(a, b);
    const td = el('td', { class: 'num cell' }, v === null ? '·' : String(v));
    if (v) td.style.setProperty('--heat', String(v / max));
    return td;
  })));
  return el('table', { class: 'matrix' }, el('thead', {}, head), el('tbody', {}, ...rows));
}

export function violationList(vs: Violation[], open: (v: Violation) => void): HTMLElement {
  if (!vs.length) return el('p', {}, 'No violations.');
  return el('ul', { class: 'violations' }, ...vs.slice(0, 1000).map((v) => {
    const link = el('a', { href: '#', class: 'violation', 'data-kind': v.kind }, `${v.file}:${v.line}`);
    link.addEventListener('click', (e) => {
      e.preventDefault();
      open(v);
    });
    return el('li', {}, el('span', { class: `kind kind-${v.kind}` }, v.kind), ' ', link, ' ', el('span', { class: 'message' }, v.message));
  }));
}

export function suggestions(r: Report): HTMLElement {
  const items = [...r.modules.filter((m) => m.suggestion).map((m) => m.suggestion!), ...r.suggestions.clusters.map((c) => `cluster ${c.teams.join(' + ')}: ${c.reason}`)];
  if (!items.length && !r.suggestions.codeowners.length) return el('p', {}, 'No suggestions.');
  const lines = r.suggestions.codeowners;
  return el('div', {},
    el('ul', { class: 'suggestions' }, ...items.map((s) => el('li', {}, s))),
    ...(lines.length ? [el('p', {}, 'CODEOWNERS lines to consider:'), el('pre', { class: 'codeowners' }, lines.join('\n'))] : []));
}
