// Integration tests in a real VS Code extension host: the dashboard's trend views read the
// snapshot database that `conway.snapshotDb` names (test/editor/fixture.ts makeSnapshotWorkspace:
// two snapshots of the boundaries repository, before and after web deep-imports core).
const vscode = require('vscode');
const { assert, waitFor, runTests, log } = require('./runner');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let api;
// Screenshots are named `${exports.shotPrefix}dashboard-…`: suite/vsix.js runs these tests again
// against the installed VSIX and keeps its pictures apart.
exports.shotPrefix = '';

exports.tests = [
  [
    "the worker reads the folder's snapshots from conway.snapshotDb",
    async () => {
      const ext = await waitFor('the extension', () => vscode.extensions.getExtension('conway.conway'));
      api = await waitFor('activation', async () => (ext.isActive ? ext.exports : (await ext.activate(), ext.exports)));
      const m = api.models.all()[0];
      const trend = await waitFor('the snapshot series', () => m.snapshotTrend || m.snapshotTrendError, 120000);
      assert(m.snapshotTrend, `error: ${m.snapshotTrendError}`);
      assert(trend.snapshots.length === 2, `snapshots: ${trend.snapshots.length}`);
      const web = trend.teams.find((t) => t.id === 'web');
      assert(web && web.points.map((p) => p.efferent).join() === '1,2', JSON.stringify(web));
    },
  ],
  [
    "the dashboard's History section draws every team over the two snapshots",
    async () => {
      await vscode.commands.executeCommand('conway.openDashboard');
      const drawn = await waitFor(
        'the History section',
        () => api.dashboard() && api.dashboard().lastTrendRendered,
        30000,
      );
      assert(drawn.snapshots === 2 && drawn.teams === 3, JSON.stringify(drawn));
      await sleep(1500);
      log('SCROLL .history-table');
      await sleep(500);
      log(`SCREENSHOT ${exports.shotPrefix}dashboard-history`);
      await sleep(800);
    },
  ],
  [
    'a team page shows its numbers per snapshot (screenshot)',
    async () => {
      const d = api.dashboard();
      d.lastTrendRendered = undefined;
      d.filter = { cluster: null, team: 'web' }; // what the page sends when the user opens the team
      d.post();
      await waitFor('the redraw', () => d.lastTrendRendered, 30000);
      await sleep(1500);
      log('SCROLL .team-snapshots');
      await sleep(500);
      log(`SCREENSHOT ${exports.shotPrefix}dashboard-team-snapshots`);
      await sleep(800);
    },
  ],
  [
    'a missing database says how to create it',
    async () => {
      const m = api.models.all()[0];
      const conf = vscode.workspace.getConfiguration('conway', m.folder.uri);
      await conf.update('snapshotDb', 'nowhere.duckdb', vscode.ConfigurationTarget.WorkspaceFolder);
      await waitFor('the error', () => m.snapshotTrendError, 30000);
      assert(/nowhere\.duckdb does not exist — take a snapshot first/.test(m.snapshotTrendError), m.snapshotTrendError);
      assert(m.snapshotTrend === undefined, 'no series from a missing database');
    },
  ],
];

exports.run = () => runTests(exports.tests);
