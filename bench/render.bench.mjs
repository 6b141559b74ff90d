// Render bench (organisation scale): the generated 200-team, 40-cluster, 10,000-violation report drawn by
// the dashboard in headless Chromium (playwright-core, Debian's /usr/bin/chromium), target ≤ 1 s
// to first paint, the graph layout included. Two hosts:
//  - HTML report: from navigation start (the 12 MB page read and parsed, the embedded report
//    parsed and checked) to the first frame with the header, filters and the laid-out graph;
//  - dashboard (the VS Code webview): from the report message to that same frame.
// "all sections" = the frame after the autonomy table, matrix and findings are drawn too.
// Five runs each, median and slowest printed. Uses the built dist/webview (npm run bench builds).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadAnalyzer } from './bundle.mjs';

const RUNS = 5;
const TARGET_MS = 1000;
const root = new URL('..', import.meta.url).pathname;
const { bigReport } = await loadAnalyzer('test/fixtures/scale-report.ts', 'scale-report');
const { renderReport } = await loadAnalyzer('analyzer/report/index.ts', 'report');
const report = bigReport();
const dir = mkdtempSync(join(tmpdir(), 'conway-render-'));
const htmlFile = join(dir, 'report.html');
const html = renderReport('html', report);
if (!/id="conway-report(-gzip)?"/.test(html)) throw new Error('dist/webview is missing: run npm run build');
writeFileSync(htmlFile, html);
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});

/** In the page: resolves with the time of the next frame (its animation callbacks, just before it paints) after a performance mark. */
const frameAfterMark = (mark) =>
  new Promise((res) => {
    const poll = () => {
      if (!performance.getEntriesByName(mark).length) return setTimeout(poll, 2);
      requestAnimationFrame(() => res(performance.now()));
    };
    poll();
  });

async function htmlRun() {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'commit' });
  const t = await page.evaluate(
    `(${frameAfterMark})('conway-graph-drawn').then(async (first) => ({ first, all: await (${frameAfterMark})('conway-rendered') }))`,
  );
  await page.close();
  return t;
}

const server = createServer((req, res) => {
  if (req.url === '/')
    return void res.writeHead(200, { 'content-type': 'text/html' })
      .end(`<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="dashboard.css"></head><body><div id="app"></div>
<script>window.acquireVsCodeApi = () => ({ postMessage: () => {}, getState: () => undefined, setState: () => {} });</script><script type="module" src="dashboard.js"></script></body></html>`);
  const type = { '/dashboard.js': 'text/javascript', '/dashboard.css': 'text/css' }[req.url];
  if (!type) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': type }).end(readFileSync(join(root, 'dist/webview', req.url)));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));

async function dashboardRun() {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  if (process.env.BENCH_VERBOSE) page.on('console', (m) => console.log(`  ${m.text()}`));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  const json = JSON.stringify(report);
  // The report crosses as JSON text, as the extension sends it (extension/dashboard.ts); the clock starts when it is posted.
  return page.evaluate(
    async ({ json, f }) => {
      const frame = eval(f);
      const t0 = performance.now();
      window.postMessage({ type: 'report-json', json, folder: 'bench' }, '*');
      const first = await frame('conway-graph-drawn');
      const all = await frame('conway-rendered');
      const at = (m) => Math.round(performance.getEntriesByName(m)[0].startTime - t0);
      console.log(
        `marks: ready ${at('conway-report-ready')} layout ${at('conway-layout')} graph ${at('conway-graph-drawn')} rendered ${at('conway-rendered')}`,
      );
      return { first: first - t0, all: all - t0 };
    },
    { json, f: `(${frameAfterMark})` },
  );
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [name, run] of [
  ['HTML report (navigation → paint)', htmlRun],
  ['dashboard (report message → paint)', dashboardRun],
]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await run());
  const first = runs.map((r) => r.first);
  const all = runs.map((r) => r.all);
  console.log(
    `${name}: first paint median ${median(first).toFixed(0)} ms (slowest ${Math.max(...first).toFixed(0)}), all sections median ${median(all).toFixed(0)} ms — target ≤ ${TARGET_MS} ms: ${median(first) <= TARGET_MS ? 'met' : 'NOT met'}`,
  );
}
console.log(
  `report: ${report.teams.length} teams, ${report.clusters.length} clusters, ${report.violations.length} violations, HTML ${(html.length / 1e6).toFixed(1)} MB`,
);
server.close();
await browser.close();
