// Dashboard entry (browser). Inside VS Code: say `ready`, receive the report, validate it, keep
// it in the webview state so the panel restores after a reload. Every message is checked.
import type { Report } from '../analyzer/report/types';
import { renderDashboard } from './dashboard';
import { isHostToWebview, type WebviewToHost } from './protocol';

interface VsCodeApi {
  postMessage(m: WebviewToHost): void;
  getState(): { report?: Report } | undefined;
  setState(s: { report: Report }): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('app')!;

let current: Report | undefined;

function show(report: Report): void {
  current = report;
  renderDashboard(root, report, {
    open: (v) => vscode.postMessage({ type: 'open', file: v.file, line: Math.max(1, v.line) }),
    rendered: (info) => vscode.postMessage({ type: 'rendered', ...info }),
  });
}

window.addEventListener('message', (e) => {
  if (!isHostToWebview(e.data)) return;
  vscode.setState({ report: e.data.report });
  show(e.data.report);
});

// VS Code switches the theme by changing the body's class: redraw so the graph's WebGL labels,
// which take their colour when drawn, follow it.
new MutationObserver(() => current && show(current)).observe(document.body, { attributes: true, attributeFilter: ['class'] });

const saved = vscode.getState()?.report;
if (saved) show(saved);
vscode.postMessage({ type: 'ready' });
