// Conway in VS Code — thin glue over the analyzer. activate() only wires providers, commands and
// events; the analysis runs after activation in a worker process, with a cancellable progress
// notification. Untrusted workspaces get a limited mode: CODEOWNERS and conway.yml only, no git,
// no workspace code (no worker is ever started).
import { join } from 'node:path';
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { ConwayActions } from './code-actions';
import { Dashboard, VIEW_TYPE } from './dashboard';
import { OwnerDecorations } from './decorations';
import { ViolationDiagnostics } from './diagnostics';
import { FolderModel } from './folder-model';
import { ImportHover } from './hover';
import { Models } from './models';
import { registerReview } from './review-view';
import { OwnerStatus } from './status';
import { TeamsTree, ViolationsTree } from './trees';
import { WorkerClient } from './worker-client';

const SOURCES = [
  { language: 'typescript' },
  { language: 'typescriptreact' },
  { language: 'javascript' },
  { language: 'javascriptreact' },
];
const OWNERSHIP_FILES = /(^|\/)(CODEOWNERS|conway\.ya?ml)$/;

export function activate(ctx: vscode.ExtensionContext) {
  const t0 = performance.now();
  const log = vscode.window.createOutputChannel('Conway');
  const worker = vscode.workspace.isTrusted ? new WorkerClient(join(ctx.extensionPath, 'dist', 'worker.js')) : null;
  const models = new Models();
  const status = new OwnerStatus(models);
  const diagnostics = new ViolationDiagnostics(models);
  const decorations = new OwnerDecorations(models);
  const teams = new TeamsTree(models);
  const violations = new ViolationsTree(models);
  const refresh = () => {
    status.update();
    diagnostics.refresh();
    decorations.refresh();
    teams.refresh();
    violations.refresh();
  };
  const addFolder = (f: vscode.WorkspaceFolder): FolderModel => {
    const m = new FolderModel(f, worker, log);
    models.byFolder.set(f.uri.toString(), m);
    ctx.subscriptions.push(m, m.onDidChange(refresh));
    return m;
  };
  // What every folder gets once the worker runs: the HEAD watcher and the user's teams, after its first analysis.
  const startFolder = (m: FolderModel) => {
    m.watchHead();
    void m.loadUserTeams();
  };
  for (const f of vscode.workspace.workspaceFolders ?? []) addFolder(f);
  const analyzeAll = () => analyzeWithProgress(models, log);

  ctx.subscriptions.push(
    log,
    status,
    diagnostics,
    ...(worker ? [{ dispose: () => worker.dispose() }] : []),
    vscode.window.registerFileDecorationProvider(decorations),
    vscode.window.registerTreeDataProvider('conway.teams', teams),
    vscode.window.registerTreeDataProvider('conway.violations', violations),
    vscode.languages.registerHoverProvider(SOURCES, new ImportHover(models)),
    vscode.languages.registerCodeActionsProvider(SOURCES, new ConwayActions(models), {
      providedCodeActionKinds: ConwayActions.kinds,
    }),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      async deserializeWebviewPanel(panel) {
        const m = models.all()[0];
        if (m) Dashboard.revive(panel, ctx.extensionUri, m);
      },
    }),
    vscode.window.onDidChangeActiveTextEditor((e) => status.update(e)),
    vscode.workspace.onDidOpenTextDocument(() => diagnostics.refresh()),
    vscode.workspace.onDidCloseTextDocument(() => diagnostics.refresh()),
    vscode.workspace.onDidSaveTextDocument((doc) => onSave(models, doc, log)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('conway')) models.all().forEach((m) => m.loadOwnership());
      if (e.affectsConfiguration('conway.snapshotDb')) models.all().forEach((m) => void m.loadSnapshotTrend());
    }),
    vscode.workspace.onDidChangeWorkspaceFolders((e) => {
      // A folder added after start-up is analysed and watched like the first ones.
      for (const f of e.added) {
        const m = addFolder(f);
        if (worker)
          void analyzeWithProgress(new Models([m]), log).then(
            () => models.byFolder.get(f.uri.toString()) === m && startFolder(m),
          );
      }
      for (const f of e.removed)
        (models.byFolder.get(f.uri.toString())?.dispose(), models.byFolder.delete(f.uri.toString()));
      refresh();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(
      () =>
        void vscode.window
          .showInformationMessage('Conway: reload the window to enable history, imports and scores.', 'Reload')
          .then((r) => r && vscode.commands.executeCommand('workbench.action.reloadWindow')),
    ),
  );
  registerCommands(ctx, models, diagnostics, analyzeAll);
  const review = registerReview(ctx, models);
  status.update();
  const activationMs = performance.now() - t0;
  if (worker) {
    setTimeout(() => {
      void analyzeAll().then(() => models.all().forEach(startFolder));
      review.watchIndex();
      review.schedule(0);
    }, 0);
  }
  return {
    models,
    status,
    diagnostics,
    teams,
    violations,
    review,
    activationMs,
    dashboard: () => Dashboard.current,
    restricted: !worker,
  };
}

async function analyzeWithProgress(models: Models, log: vscode.OutputChannel): Promise<void> {
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Conway', cancellable: true },
    async (progress, token) => {
      for (const m of models.all()) {
        progress.report({ message: `analysing ${m.folder.name}…` });
        try {
          await m.analyze((phase) => progress.report({ message: `${m.folder.name}: ${phase}` }), token);
        } catch (e) {
          log.appendLine(`[${m.folder.name}] analysis failed: ${(e as Error).message}`);
          void vscode.window.showWarningMessage(`Conway: analysis of ${m.folder.name} failed: ${(e as Error).message}`);
        }
      }
    },
  );
}

function onSave(models: Models, doc: vscode.TextDocument, log: vscode.OutputChannel): void {
  const at = models.for(doc.uri);
  if (!at) return;
  if (OWNERSHIP_FILES.test(at.path)) {
    at.model.loadOwnership();
    void at.model.analyze().catch((e) => log.appendLine(String(e)));
  } else void at.model.recheck(doc).catch((e) => log.appendLine(String(e)));
}

export function deactivate(): void {
  Dashboard.current?.dispose();
}
