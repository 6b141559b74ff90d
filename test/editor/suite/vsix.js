// Integration tests of the packaged extension: test/editor/run.mjs installs the VSIX that
// `npm run package` builds into the server (`--install-extension`, as a user would) and opens the
// snapshot workspace; the extension under test is the installed copy, not this checkout, so the
// History views only work if the VSIX carries DuckDB. Then suite/snapshots.js's tests run on it.
const { existsSync } = require('fs');
const { join, resolve } = require('path');
const vscode = require('vscode');
const { assert, runTests } = require('./runner');
const snapshots = require('./snapshots');

const checkout = resolve(__dirname, '../../..');
snapshots.shotPrefix = 'vsix-';

exports.run = () =>
  runTests([
    [
      'the Conway extension running is the installed VSIX, with its own DuckDB',
      async () => {
        const ext = vscode.extensions.getExtension('conway.conway');
        assert(ext, 'conway.conway is not installed');
        assert(!ext.extensionPath.startsWith(checkout), `loaded from the checkout: ${ext.extensionPath}`);
        assert(existsSync(join(ext.extensionPath, 'node_modules/@duckdb/node-api/package.json')), ext.extensionPath);
      },
    ],
    ...snapshots.tests,
  ]);
