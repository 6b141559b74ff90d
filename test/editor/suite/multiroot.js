// Integration tests in a real VS Code extension host, multi-root workspace: two folders, each
// with its own CODEOWNERS, team map and history — one model per folder.
const vscode = require('vscode');
const { execFileSync } = require('child_process');
const { assert, waitFor, runTests } = require('./runner');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let api;
const folder = (i) => vscode.workspace.workspaceFolders[i];

exports.run = () =>
  runTests([
    [
      'one model per workspace folder, each analysed',
      async () => {
        const ext = await waitFor('the extension', () => vscode.extensions.getExtension('conway.conway'));
        api = await waitFor('activation', async () =>
          ext.isActive ? ext.exports : (await ext.activate(), ext.exports),
        );
        assert(vscode.workspace.workspaceFolders.length === 2, 'two folders');
        await waitFor(
          'both reports',
          () => api.models.all().length === 2 && api.models.all().every((m) => m.report),
          120000,
        );
        assert(
          api.models
            .all()
            .map((m) => m.folder.name)
            .join() === 'first,second',
          api.models
            .all()
            .map((m) => m.folder.name)
            .join(),
        );
      },
    ],
    [
      "a folder's change stays in its own model",
      async () => {
        const cwd = folder(1).uri.fsPath;
        execFileSync(
          'git',
          ['-c', 'user.name=Cat Park', '-c', 'user.email=cat@acme.io', 'mv', 'web/page.ts', 'web/home.ts'],
          { cwd },
        );
        execFileSync(
          'git',
          ['-c', 'user.name=Cat Park', '-c', 'user.email=cat@acme.io', 'commit', '-q', '-m', 'rename'],
          { cwd },
        );
        const [first, second] = api.models.all();
        await waitFor(
          'the second folder updated',
          () => second.report.files.some((f) => f.path === 'web/home.ts'),
          30000,
        );
        assert(
          first.report.files.some((f) => f.path === 'web/page.ts'),
          'the first folder is unchanged',
        );
      },
    ],
    [
      'the status bar follows the folder of the active file',
      async () => {
        const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(1).uri, 'core/index.ts'));
        await vscode.window.showTextDocument(doc);
        await waitFor('status text', () => api.status.item.text === '$(organization) Core');
      },
    ],
    [
      "the dashboard switched to another folder gets that folder's updates, not the first one's",
      async () => {
        const [first, second] = api.models.all();
        await vscode.commands.executeCommand(
          'conway.openDashboard',
          vscode.Uri.joinPath(folder(0).uri, 'core/index.ts'),
        );
        await waitFor('first render', () => api.dashboard() && api.dashboard().lastRendered, 30000);
        const shownFirst = api.dashboard().lastRendered;
        await vscode.commands.executeCommand(
          'conway.openDashboard',
          vscode.Uri.joinPath(folder(1).uri, 'core/index.ts'),
        );
        await waitFor('the second folder rendered', () => api.dashboard().lastRendered !== shownFirst, 30000);
        const shownSecond = api.dashboard().lastRendered;
        first.loadOwnership(); // an update of the folder no longer shown: nothing to re-render
        await sleep(1500);
        assert(api.dashboard().lastRendered === shownSecond, "the first folder's update re-rendered the dashboard");
        second.loadOwnership(); // an update of the shown folder reaches the page
        await waitFor("the second folder's update rendered", () => api.dashboard().lastRendered !== shownSecond, 30000);
      },
    ],
    [
      'a folder added after start-up is analysed and its HEAD watched',
      async () => {
        const dir = require('../.out/fixture.cjs').makeWorkspace();
        assert(
          vscode.workspace.updateWorkspaceFolders(2, 0, { uri: vscode.Uri.file(dir), name: 'third' }),
          'folder not added',
        );
        const third = await waitFor(
          'a model for the third folder',
          () => api.models.all().find((m) => m.folder.name === 'third'),
          30000,
        );
        await waitFor('the third folder analysed', () => third.report, 120000);
        await sleep(500); // the HEAD watcher starts once the first analysis is in
        execFileSync(
          'git',
          ['-c', 'user.name=Cat Park', '-c', 'user.email=cat@acme.io', 'mv', 'web/page.ts', 'web/start.ts'],
          { cwd: dir },
        );
        execFileSync(
          'git',
          ['-c', 'user.name=Cat Park', '-c', 'user.email=cat@acme.io', 'commit', '-q', '-m', 'rename'],
          { cwd: dir },
        );
        await waitFor(
          'the third folder updated after a commit',
          () => third.report.files.some((f) => f.path === 'web/start.ts'),
          30000,
        );
      },
    ],
  ]);
