// The report as one self-contained HTML page: no remote assets (a CSP meta tag forbids them),
// every repository string escaped. Static content first — team graph, autonomy table with trend
// sparklines, team × team coupling matrix (imports and shared commits), violations, suggestions —
// which the inlined interactive dashboard (html-dashboard.ts: sigma graph, filters, matrix
// toggle) replaces when scripts run; then the sections the dashboard has no place for (crossing,
// interactions, coordination, scorecard, cluster fit, notes), which stay. Without a built
// dashboard the page is the static content only.
import { INFERRED_MEMBERSHIP, memberLabel, pct, score } from './format';
import { inlineDashboard } from './html-dashboard';
import { clusterColor, h, sparkline, teamGraphSvg } from './html-parts';
import {
  actFirstFindings,
  coverageText,
  FINDINGS_SHOWN,
  findingsOf,
  isRuleFix,
  placementText,
  reportTitle,
  showing,
  windowText,
} from './findings-view';
import { suggestionsView } from './suggestions-view';
import { crossingHeader, crossingView } from './crossing-view';
import { scorecardHtml } from './scorecard-view';
import { teamworkHtml } from './teamwork-html';
import type { Finding, Report } from '../contract/report';

// The static page (what shows without scripts, and paints first) stays small at 200 teams.
const STATIC_GRAPH_MAX = 30;
const STATIC_MATRIX_MAX = 25;

const CSS = `body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1f2328;background:#fff}h1{font-size:22px}h2{margin-top:32px;font-size:17px}
table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}.autonomy td:nth-child(n+3),.matrix td{text-align:right;white-space:nowrap}
.graph .edge{stroke:#8c959f;stroke-opacity:.6}.graph text{font-size:12px;fill:#1f2328}.spark polyline{fill:none;stroke:#0969da;stroke-width:1.5}
.matrix td{min-width:56px}.muted{color:#656d76}code{background:#f6f8fa;padding:1px 4px;border-radius:4px}.swatch{display:inline-block;width:10px;height:10px;border-radius:5px;margin-right:4px}
.multiple rect{fill:#9ec5f0}.multiple rect.last{fill:#0969da}.scorecard td{font-size:12px}
@media (prefers-color-scheme: dark){body{background:#0d1117;color:#e6edf3}td,th{border-color:#30363d}.graph text{fill:#e6edf3}code{background:#161b22}.muted{color:#8d96a0}}`;

export function renderHtml(r: Report): string {
  const clusters = r.clusters.map((c) => c.id);
  const title = reportTitle(r);
  const findings = findingsOf(r);
  const dash = inlineDashboard(r);
  const scriptSrc = dash ? ` script-src ${dash.scriptSource};` : '';
  // A large report (embedded gzipped) keeps its static summary for browsers without scripts only:
  // parsing and laying out ≈ 400 KB of static tables delayed the dashboard's first paint by ≈ 0.4 s.
  const large = dash?.packed ?? false;
  const body = `<h1>${h(title)}</h1>
<p class="muted">${r.teams.length} teams · ${r.files.length} files · ${r.window.commits} commits${r.repo.head ? ` · HEAD ${h(r.repo.head.slice(0, 10))}` : ''} · ${r.violations.length} violations in ${findings.length} findings · generated ${h(r.generatedAt)}</p>
<p class="window">${h(windowText(r))}</p>${coverageText(r) ? `<p class="coverage">${h(coverageText(r)!)}</p>` : ''}
${actFirst(findings)}
<h2>Team graph</h2>
${
  r.teams.length <= STATIC_GRAPH_MAX
    ? `<p class="muted">Node size: files owned. Edge width: import edges + shared commits. ${clusters.map((c) => `<span class="swatch" style="background:${clusterColor(clusters, c)}"></span>${h(c)}`).join(' ')}</p>
${teamGraphSvg(r)}`
    : `<p class="muted">${r.teams.length} teams: the interactive graph needs scripts enabled.</p>`
}
<h2>Autonomy</h2>
${membershipNotes(r)}
${autonomyTable(r)}
<p class="muted">¹ changes in the window to the team's files, including files since deleted or renamed away. “–”: no data in the window, or too few to mean anything (fewer than the minimum sample; the notes below say which teams and why). Every metric is defined once, with its source, in docs/metrics.md of the Conway repository.</p>
<h2>Coupling matrix</h2>
<p class="muted">Each cell: import edges from the row team into the column team / commits shared by both.</p>
${matrix(r)}
<h2>Findings (${findings.length}, ${r.violations.length} locations)</h2>
${findingsTable(findings)}
${suggestions(r)}`;
  // What the interactive dashboard has no section for stays on the page when scripts run:
  // crossing, interactions, coordination, the scorecard with cluster fit, and the notes.
  const teamwork = `${crossingHtml(r)}${teamworkHtml(r)}
${scorecardHtml(r)}
${r.notes.length ? `<h2>Notes</h2><ul>${r.notes.map((n) => `<li>${h(n)}</li>`).join('')}</ul>` : ''}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none';${scriptSrc} style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${h(title)}</title><style>${CSS}</style>${dash?.style ?? ''}</head><body>
<div id="app">${large ? '' : body}</div>
${large ? `<noscript>${body}</noscript>` : ''}
<div id="teamwork">${teamwork}</div>
${dash?.scripts ?? ''}
</body></html>
`;
}

function crossingHtml(r: Report): string {
  const view = crossingView(r);
  if (!view) return '';
  const head = crossingHeader(view)
    .map((c) => `<th>${h(c)}</th>`)
    .join('');
  const rows = view.rows
    .map(
      (cells) =>
        `<tr>${cells.map((c, i) => (i === 0 ? `<td>${h(c)}</td>` : `<td style="text-align:right">${h(c)}</td>`)).join('')}</tr>`,
    )
    .join('');
  return `<h2>Crossing boundaries</h2><table class="crossing"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table><p class="muted">${h(view.footnote)}</p>`;
}

function autonomyTable(r: Report): string {
  const rows = [...r.teams]
    .sort((a, b) => (b.autonomy.score ?? -1) - (a.autonomy.score ?? -1))
    .map(
      (t) =>
        `<tr data-team="${h(t.id)}"><td>${h(t.name)}${teamMarks(t)}</td><td>${h(t.cluster ?? '')}</td><td><b>${score(t.autonomy.score)}</b></td><td>${pct(t.autonomy.deliveryIndependence)} ${sparkline(t.trend, 'deliveryIndependence')}</td><td>${pct(t.autonomy.ownershipIntegrity)} ${sparkline(t.trend, 'alignment')}</td><td>${pct(t.autonomy.dependencyIndependence)}</td><td>${t.files}</td><td>${t.changes}</td><td>${t.truckFactor ?? '–'}</td><td>${h(t.members.slice(0, 3).map(memberLabel).join(', '))}</td></tr>`,
    );
  const clusterRows = r.clusters.map(
    (c) =>
      `<tr><td><i>cluster ${h(c.id)}</i></td><td>${h(c.teams.join(', '))}</td><td><b>${score(c.autonomy.score)}</b></td><td>${pct(c.autonomy.deliveryIndependence)}</td><td>${pct(c.autonomy.ownershipIntegrity)}</td><td>${pct(c.autonomy.dependencyIndependence)}</td><td></td><td></td><td></td><td></td></tr>`,
  );
  return `<table class="autonomy"><thead><tr><th>team</th><th>cluster</th><th>score</th><th>delivery independence</th><th>ownership integrity</th><th>dependency independence</th><th>files</th><th title="changes in the window to the team's files, including files since deleted or renamed away">changes¹</th><th>truck factor</th><th>top members</th></tr></thead><tbody>${rows.join('')}${clusterRows.join('')}</tbody></table>`;
}

/** Which team numbers rest on guessed members, and which teams are review groups. */
function membershipNotes(r: Report): string {
  const inferred = r.teams.some((t) => t.membership === 'inferred')
    ? `<p class="muted">Teams marked * : ${h(INFERRED_MEMBERSHIP)}.</p>`
    : '';
  const groups = r.teams
    .filter((t) => t.role === 'review-group')
    .map((t) => `${h(t.name)} (${pct(t.approvalShare)} of changes)`);
  const review = groups.length
    ? `<p class="muted">Review groups (approve other teams' code; not anyone's coupling partner): ${groups.join(', ')}.</p>`
    : '';
  return inferred + review;
}

function teamMarks(t: Report['teams'][number]): string {
  return `${t.membership === 'inferred' ? ` <span class="muted" title="${h(INFERRED_MEMBERSHIP)}">*</span>` : ''}${t.role === 'review-group' ? ' <span class="muted">(review group)</span>' : ''}`;
}

function matrix(r: Report): string {
  const weight = new Map<string, number>();
  for (const s of r.coupling.static) for (const t of [s.from, s.to]) weight.set(t, (weight.get(t) ?? 0) + s.edges);
  for (const c of r.coupling.teams) for (const t of [c.a, c.b]) weight.set(t, (weight.get(t) ?? 0) + c.sharedCommits);
  const ids = r.teams
    .map((t) => t.id)
    .sort((a, b) => (weight.get(b) ?? 0) - (weight.get(a) ?? 0))
    .slice(0, STATIC_MATRIX_MAX);
  const imports = (a: string, b: string) => r.coupling.static.find((s) => s.from === a && s.to === b)?.edges ?? 0;
  const shared = (a: string, b: string) =>
    r.coupling.teams.find((c) => (c.a === a && c.b === b) || (c.a === b && c.b === a))?.sharedCommits ?? 0;
  const head = `<tr><th></th>${ids.map((id) => `<th>${h(id)}</th>`).join('')}</tr>`;
  const body = ids.map(
    (a) =>
      `<tr><th>${h(a)}</th>${ids.map((b) => (a === b ? '<td class="muted">·</td>' : `<td>${imports(a, b)} / ${shared(a, b)}</td>`)).join('')}</tr>`,
  );
  const cut =
    r.teams.length > ids.length
      ? `<p class="muted">The ${ids.length} most coupled of ${r.teams.length} teams.</p>`
      : '';
  return `${cut}<table class="matrix">${head}${body.join('')}</table>`;
}

function actFirst(findings: Finding[]): string {
  if (!findings.length) return '';
  const items = actFirstFindings(findings).map(
    (f) =>
      `<li><b>${h(f.kind)}</b> ${h(f.title)} <span class="muted">— ${f.changes} changes in the window</span>${f.suggestion ? `<br>${fixHtml(f)}` : ''}</li>`,
  );
  return `<h2>Where to act first</h2><ol class="act-first">${items.join('')}</ol>`;
}

/** Every finding up to FINDINGS_SHOWN × 4, in rank order; the cut is said, never silent. */
function findingsTable(findings: Finding[]): string {
  if (!findings.length) return '<p>None.</p>';
  const limit = FINDINGS_SHOWN * 4;
  const rows = findings
    .slice(0, limit)
    .map(
      (f) =>
        `<tr data-group="${h(f.id)}"><td>${f.rank}</td><td>${h(f.kind)}</td><td>${h(f.title)}<br><span class="muted">${f.examples.map((e) => fileLink(e.file, e.line)).join(' ')}${f.count > f.examples.length ? ' …' : ''}</span></td><td>${f.count}</td><td>${f.changes}</td><td style="text-align:left">${fixHtml(f)}</td></tr>`,
    );
  const more =
    findings.length > limit
      ? `<p class="muted">${h(showing(limit, findings.length))} findings, by rank: the rest are in the JSON report (<code>findings</code>, and <code>violations[].group</code> for every location).</p>`
      : '';
  return `${more}<table class="violations"><thead><tr><th>#</th><th>kind</th><th>finding</th><th>locations</th><th>changes</th><th>what to do</th></tr></thead><tbody>${rows.join('')}</tbody></table>${more}`;
}

function fixHtml(f: Finding): string {
  if (!f.suggestion) return '';
  const where = placementText(f.placement);
  return isRuleFix(f)
    ? f.suggestion
        .split('\n')
        .map((l) => `<code>${h(l)}</code>`)
        .join('<br>') + (where ? `<br><span class="muted">${h(where)}</span>` : '')
    : h(f.suggestion);
}

/** A relative link to the file (the report sits beside the checkout, or is served from it). */
function fileLink(file: string, line: number): string {
  return `<a href="${h(file.split('/').map(encodeURIComponent).join('/'))}#L${line}"><code>${h(file)}:${line}</code></a>`;
}

function suggestions(r: Report): string {
  const v = suggestionsView(r);
  if (!v) return '';
  const items = [
    ...v.modules.map((m) => m.suggestion!),
    ...(v.modulesCut ? [`… ${v.modulesCut}`] : []),
    ...v.clusters.map((c) => `cluster ${c.teams.join(' + ')}: ${c.reason}`),
  ];
  const lines = v.codeowners.length
    ? `<p>CODEOWNERS lines to consider:</p><pre class="suggested-codeowners">${h(v.codeowners.join('\n'))}</pre>`
    : '';
  const cut = v.codeownersCut ? `<p class="muted">${h(v.codeownersCut)}</p>` : '';
  return `<h2>Suggestions</h2>${items.length ? `<ul class="suggestions">${items.map((s) => `<li>${h(s)}</li>`).join('')}</ul>` : ''}${lines}${cut}`;
}
