// Dashboard entry (browser). Two hosts:
//  - inside VS Code (acquireVsCodeApi exists): say `ready`, receive the report, validate it, keep
//    it in the webview state so the panel restores after a reload. Every message is checked.
//  - a standalone page (the `--format html` report): read the report embedded in
//    <script type="application/json" id="conway-report"> (or, for a large report, gzipped in
//    #conway-report-gzip), validate it, render; nothing is posted.
// Either way `data-rendered` on <body> says which graph renderer drew (for tests and humans).
import type { Report } from '../analyzer/contract/report';
import { renderDashboard, type DashboardHandle } from './dashboard';
import { hostLinks, pageLinks } from './links';
import { isHostToWebview, isTrendToWebview, reportOf, type DashboardFilter, type WebviewToHost } from './protocol';
import type { TrendState } from './snapshot-trend';
import { isReport } from './report-guard';

interface VsCodeApi {
  postMessage(m: WebviewToHost): void;
  getState(): { report?: Report } | undefined;
  setState(s: { report: Report }): void;
}
declare const acquireVsCodeApi: (() => VsCodeApi) | undefined;

const root = document.getElementById('app')!;
const vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
const post = (m: WebviewToHost) => vscode?.postMessage(m);
let current: Report | undefined;
/** The snapshot series (VS Code only): kept across reports, drawn into each new dashboard. */
let trend: TrendState = null;
let dashboard: DashboardHandle | undefined;

function show(report: Report, filter?: DashboardFilter): void {
  current = report;
  performance.mark('conway-report-ready');
  dashboard = renderDashboard(root, report, {
    initial: filter,
    trend,
    trendRendered: vscode ? (info) => post({ type: 'trend-rendered', ...info }) : undefined,
    // In VS Code the host opens a location; in a page it is a relative link to the file.
    link: vscode
      ? hostLinks((file, line) => post({ type: 'open', file, line: Math.max(1, line) }))
      : pageLinks(location.href, report.repo.root),
    rendered: (info) => {
      performance.mark('conway-rendered');
      document.body.dataset.rendered = info.graph;
      post({ type: 'rendered', ...info });
    },
    filter: (f) => post({ type: 'filter', cluster: f.cluster || null, team: f.team || null }),
  });
}

function startInVsCode(api: VsCodeApi): void {
  window.addEventListener('message', (e) => {
    if (isTrendToWebview(e.data)) {
      trend = { trend: e.data.trend, error: e.data.error };
      return dashboard?.setTrend(trend);
    }
    if (!isHostToWebview(e.data)) return;
    const report = reportOf(e.data);
    if (!report) return;
    show(report, e.data.filter);
    // Saved for a reload after the first paint: serialising a 12 MB report takes a while.
    setTimeout(() => api.setState({ report }), 0);
  });
  const saved = api.getState()?.report;
  if (saved && isReport(saved)) show(saved);
  api.postMessage({ type: 'ready' });
}

/** The report embedded in the page; a missing or malformed one leaves the page's static content. */
async function startStandalone(): Promise<void> {
  performance.mark('conway-start');
  let data: unknown;
  try {
    data = await embeddedReport();
  } catch {
    data = null;
  }
  if (data === undefined) return;
  if (isReport(data)) show(data);
  else document.body.dataset.rendered = 'invalid-report';
}

/** JSON in #conway-report, or gzipped base64 JSON in #conway-report-gzip (large reports); undefined when neither is there. */
async function embeddedReport(): Promise<unknown> {
  const json = document.getElementById('conway-report')?.textContent;
  if (json) return JSON.parse(json);
  const packed = document.getElementById('conway-report-gzip')?.textContent;
  if (!packed) return undefined;
  const binary = atob(packed.trim());
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const text = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
  return JSON.parse(text);
}

// VS Code switches the theme by changing the body's class: redraw so the graph's WebGL labels,
// which take their colour when drawn, follow it.
new MutationObserver(() => current && show(current)).observe(document.body, {
  attributes: true,
  attributeFilter: ['class'],
});

if (vscode) startInVsCode(vscode);
else void startStandalone();
