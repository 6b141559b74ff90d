// Integration tests in a real VS Code extension host, multi-root workspace: two folders, each
// with its own CODEOWNERS, team map and history — one model per folder.
const vscode = require('vscode');
const { execFileSync } = require('child_process');
const { assert, waitFor, runTests } = require('./runner');

let api;
const folder = (i) => vscode.workspace.workspaceFolders[i];

exports.run = () => runTests([
  ['one model per workspace folder, each analysed', async () => {
    const ext = await waitFor('the extension', () => vscode.extensions.getExtension('conway.conway'));
    api = await waitFor('activation', async () => (ext.isActive ? ext.exports : (await ext.activate(), ext.exports)));
    assert(vscode.workspace.workspaceFolders.length === 2, 'two folders');
    await waitFor('both reports', () => api.models.all().length === 2 && api.models.all().every((m) => m.report), 120000);
    assert(api.models.all().map((m) => m.folder.name).join() === 'first,second', api.models.all().map((m) => m.folder.name).join());
  }],
  ['a folder\'s change stays in its own model', async () => {
    const cwd = folder(1).uri.fsPath;
    execFileSync('git', ['-c', 'user.name=Cat Park', '-c', 'user.email=cat@acme.io', 'mv', 'web/page.ts', 'web/home.ts'], { cwd });
    execFileSync('git', ['-c', 'user.name=Cat Park', '-c', 'user.email=cat@acme.io', 'commit', '-q', '-m', 'rename'], { cwd });
    const [first, second] = api.models.all();
    await waitFor('the second folder updated', () => second.report.files.some((f) => f.path === 'web/home.ts'), 30000);
    assert(first.report.files.some((f) => f.path === 'web/page.ts'), 'the first folder is unchanged');
  }],
  ['the status bar follows the folder of the active file', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(1).uri, 'core/index.ts'));
    await vscode.window.showTextDocument(doc);
    await waitFor('status text', () => api.status.item.text === '$(organization) Core');
  }],
]);
