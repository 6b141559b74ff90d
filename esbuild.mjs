// Bundles every entry point of Conway. One build per target (the layout of vscode-extension-samples' esbuild-sample):
//   dist/cli.js        the `conway` command: a loader of dist/conway.js through V8's code cache (node, cjs)
//   dist/worker.js     the analyzer run off the extension host's thread (node, cjs)
//   dist/extension.js  the VS Code extension (node, cjs, `vscode` external)
//   dist/webview/      the dashboard (browser, esm)
// Flags: --watch, --production (minify), --outdir=DIR (instead of dist/: the VSIX packager builds into
// its own staging folder, so packaging never rewrites the dist/ that tests and the CLI are running).
// Type checking is separate: `npm run typecheck`.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const dist = process.argv.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length) || 'dist';
// A production build starts clean, so no stale source map ends up in the VSIX.
if (production) rmSync(dist, { recursive: true, force: true });

// The build's id: a hash of the analyzer's sources and package.json (its version). Caches of computed
// results (analyzer/pipeline/teamwork-cache.ts) are keyed by it, so another build never reads them.
function buildId() {
  const h = createHash('sha256').update(readFileSync('package.json'));
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) h.update(p).update(readFileSync(p));
    }
  };
  walk('analyzer');
  return h.digest('hex').slice(0, 16);
}

const node = {
  bundle: true,
  define: { __CONWAY_BUILD__: JSON.stringify(buildId()) },
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
  { ...node, entryPoints: { conway: 'analyzer/cli/main.ts' }, outdir: dist, external: ['@duckdb/node-api'] },
  { ...node, entryPoints: { cli: 'analyzer/cli/start.ts' }, outdir: dist, banner: { js: '#!/usr/bin/env node' } },
  { ...node, entryPoints: { worker: 'analyzer/worker.ts' }, outdir: dist, external: ['@duckdb/node-api'] },
  { ...node, entryPoints: { extension: 'extension/extension.ts' }, outdir: dist, external: ['vscode'] },
  {
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    entryPoints: { dashboard: 'webview/main.ts' },
    outdir: `${dist}/webview`,
  },
];
// A missing entry point is a broken checkout or a renamed file: say which, never build less in silence.
const missing = builds.flatMap((b) => Object.values(b.entryPoints)).filter((f) => !existsSync(f));
if (missing.length) {
  console.error(
    `esbuild.mjs: entry point${missing.length > 1 ? 's' : ''} not found: ${missing.join(', ')} — fix the path in esbuild.mjs`,
  );
  process.exit(1);
}

// Static webview assets: the dashboard's CSS and VS Code's codicon font, served from dist/webview only.
function copyWebviewAssets() {
  mkdirSync(`${dist}/webview`, { recursive: true });
  copyFileSync('webview/dashboard.css', `${dist}/webview/dashboard.css`);
  for (const f of ['codicon.css', 'codicon.ttf'])
    copyFileSync(`node_modules/@vscode/codicons/dist/${f}`, `${dist}/webview/${f}`);
}
copyWebviewAssets();

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
