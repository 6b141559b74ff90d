// Bundles every entry point of Conway. One build per target (see STYLE.md, esbuild-sample):
//   dist/cli.js        the `conway` command: a loader of dist/conway.js through V8's code cache (node, cjs)
//   dist/worker.js     the analyzer run off the extension host's thread (node, cjs)
//   dist/extension.js  the VS Code extension (node, cjs, `vscode` external)
//   dist/webview/      the dashboard (browser, esm)
// Flags: --watch, --production (minify). Type checking is separate: `npm run typecheck`.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// A production build starts clean, so no stale source map ends up in the VSIX.
if (production) rmSync('dist', { recursive: true, force: true });

const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

const builds = [
  // dist/cli.js is a small loader that runs dist/conway.js through V8's code cache (analyzer/cli/start.ts).
  // DuckDB (`conway snapshot`, `trend`) is a native module: loaded from node_modules, never bundled.
  { ...node, entryPoints: { conway: 'analyzer/cli/main.ts' }, outdir: 'dist', external: ['@duckdb/node-api'] },
  { ...node, entryPoints: { cli: 'analyzer/cli/start.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  { ...node, entryPoints: { worker: 'analyzer/worker.ts' }, outdir: 'dist' },
  { ...node, entryPoints: { extension: 'extension/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  {
    bundle: true, platform: 'browser', format: 'esm', target: 'es2022', sourcemap: !production, minify: production,
    logLevel: 'warning', entryPoints: { dashboard: 'webview/main.ts' }, outdir: 'dist/webview',
  },
].filter((b) => Object.values(b.entryPoints).every((f) => existsSync(f)));

// Static webview assets: the dashboard's CSS and VS Code's codicon font, served from dist/webview only.
function copyWebviewAssets() {
  mkdirSync('dist/webview', { recursive: true });
  copyFileSync('webview/dashboard.css', 'dist/webview/dashboard.css');
  for (const f of ['codicon.css', 'codicon.ttf']) copyFileSync(`node_modules/@vscode/codicons/dist/${f}`, `dist/webview/${f}`);
}
if (existsSync('webview/dashboard.css')) copyWebviewAssets();

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
