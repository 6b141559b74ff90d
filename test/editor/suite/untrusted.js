// Integration tests in a real VS Code extension host, untrusted workspace: Conway runs in its
// limited mode — CODEOWNERS and conway.yml only, no worker, no git, no workspace code.
const vscode = require('vscode');
const { assert, waitFor, runTests } = require('./runner');

const file = (p) => vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, p);
let api;

exports.run = () =>
  runTests([
    [
      'activates in restricted mode in an untrusted workspace',
      async () => {
        assert(!vscode.workspace.isTrusted, 'the workspace should not be trusted');
        const ext = await waitFor('the extension', () => vscode.extensions.getExtension('conway.conway'));
        api = await waitFor('activation', async () =>
          ext.isActive ? ext.exports : (await ext.activate(), ext.exports),
        );
        assert(api.restricted === true, 'restricted mode');
      },
    ],
    [
      'still shows owners from CODEOWNERS',
      async () => {
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file('core/index.ts')));
        await waitFor('status text', () => api.status.item.text === '$(organization) Core');
      },
    ],
    [
      'runs no git and no analysis',
      async () => {
        await new Promise((r) => setTimeout(r, 2000));
        const m = api.models.all()[0];
        assert(!m.trusted, 'the model must have no worker');
        assert(m.report === undefined, 'no report in restricted mode');
        assert(m.userTeams.length === 0, 'no git config lookup');
        // The folder's settings name a snapshot database: an untrusted workspace does not open it.
        const settings = require('fs').readFileSync(file('.vscode/settings.json').fsPath, 'utf8');
        assert(settings.includes('conway.snapshotDb'), 'the fixture sets conway.snapshotDb');
        assert(m.snapshotTrend === undefined && m.snapshotTrendError === undefined, 'no snapshot database read');
      },
    ],
  ]);
