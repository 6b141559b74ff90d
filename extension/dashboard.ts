// The dashboard panel: one instance (reopened, not duplicated), restored after a reload by a
// serializer. Strict CSP: default-src 'none', scripts only by a nonce from crypto, resources only
// from the built dist/webview folder. The page says `ready` before the host posts the report;
// every message from the page is validated before the host acts on it.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import {
  isSafeRelativePath,
  isWebviewToHost,
  type DashboardFilter,
  type HostToWebview,
  type TrendToWebview,
  type WebviewToHost,
} from '../webview/protocol';
import type { FolderModel } from './folder-model';

export const VIEW_TYPE = 'conway.dashboard';

export class Dashboard implements vscode.Disposable {
  static current: Dashboard | undefined;
  /** What the page last reported: for tests and the output channel. */
  lastRendered: Extract<WebviewToHost, { type: 'rendered' }> | undefined;
  /** What the page's History section last drew from the snapshot database. */
  lastTrendRendered: Extract<WebviewToHost, { type: 'trend-rendered' }> | undefined;
  private ready = false;
  private readonly subs: vscode.Disposable[] = [];
  /** The filters the page last reported, sent back with each report so an update keeps them. */
  private filter: DashboardFilter | undefined;
  /** The subscription to the shown folder's model: replaced when `show` switches folders. */
  private modelSub: vscode.Disposable | undefined;
  private trendSub: vscode.Disposable | undefined;

  static show(extensionUri: vscode.Uri, model: FolderModel): Dashboard {
    if (Dashboard.current) {
      Dashboard.current.follow(model);
      Dashboard.current.panel.reveal();
      Dashboard.current.post();
      return Dashboard.current;
    }
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      'Conway Dashboard',
      vscode.ViewColumn.Active,
      options(extensionUri),
    );
    return (Dashboard.current = new Dashboard(panel, extensionUri, model));
  }

  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, model: FolderModel): void {
    panel.webview.options = options(extensionUri);
    Dashboard.current = new Dashboard(panel, extensionUri, model);
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private model: FolderModel,
  ) {
    panel.webview.html = this.html();
    this.subs.push(
      panel.webview.onDidReceiveMessage((m) => this.receive(m)),
      panel.onDidDispose(() => this.dispose()),
    );
    this.follow(model);
  }

  /** Shows `model` from now on: its updates reach the page, the previous folder's no longer do. */
  private follow(model: FolderModel): void {
    this.modelSub?.dispose();
    this.trendSub?.dispose();
    if (model !== this.model) this.filter = undefined; // another folder's clusters and teams
    this.model = model;
    this.modelSub = model.onDidChange(() => this.post());
    this.trendSub = model.onDidChangeTrend(() => this.postTrend());
  }

  post(): void {
    if (!this.ready || !this.model.report) return;
    const msg: HostToWebview = {
      type: 'report-json',
      json: JSON.stringify(this.model.report),
      folder: this.model.folder.name,
      filter: this.filter,
    };
    void this.panel.webview.postMessage(msg);
    this.postTrend();
  }

  /** The snapshot series for the trend views (none when `conway.snapshotDb` is not set). */
  private postTrend(): void {
    if (!this.ready) return;
    const { snapshotTrend: trend, snapshotTrendError: error } = this.model;
    if (!trend && !error) return;
    const msg: TrendToWebview = { type: 'snapshot-trend', trend: trend ?? null, error: error ?? null };
    void this.panel.webview.postMessage(msg);
  }

  private receive(m: unknown): void {
    if (!isWebviewToHost(m)) return;
    if (m.type === 'ready') {
      this.ready = true;
      this.post();
    } else if (m.type === 'rendered') this.lastRendered = m;
    else if (m.type === 'trend-rendered') this.lastTrendRendered = m;
    else if (m.type === 'filter') this.filter = { cluster: m.cluster, team: m.team };
    else if (m.type === 'open' && isSafeRelativePath(m.file)) {
      const uri = vscode.Uri.joinPath(this.model.folder.uri, m.file);
      void vscode.window.showTextDocument(uri, {
        selection: new vscode.Range(m.line - 1, 0, m.line - 1, 0),
        viewColumn: vscode.ViewColumn.One,
      });
    }
  }

  private html(): string {
    const w = this.panel.webview;
    const asset = (f: string) =>
      w.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', f)).toString();
    const nonce = randomBytes(16).toString('base64');
    const csp = `default-src 'none'; img-src ${w.cspSource} data:; style-src ${w.cspSource}; font-src ${w.cspSource}; script-src 'nonce-${nonce}';`;
    return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${asset('codicon.css')}"><link rel="stylesheet" href="${asset('dashboard.css')}">
<title>Conway Dashboard</title></head>
<body><div id="app"><p><i class="codicon codicon-loading codicon-modifier-spin"></i> Waiting for the analysis…</p></div>
<script type="module" nonce="${nonce}" src="${asset('dashboard.js')}"></script></body></html>`;
  }

  dispose(): void {
    if (Dashboard.current === this) Dashboard.current = undefined;
    this.modelSub?.dispose();
    this.trendSub?.dispose();
    for (const s of this.subs.splice(0)) s.dispose();
    this.panel.dispose();
  }
}

function options(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    retainContextWhenHidden: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
  };
}
