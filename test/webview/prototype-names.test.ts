// Ids and paths named like Object.prototype members, in the browser: a report whose
// team, cluster, file and person ids are `constructor`, `toString`, `__proto__`, `hasOwnProperty`,
// `valueOf` renders in the dashboard (VS Code mode) and in the HTML report without a page error,
// and shows those names as text. Two reports: the real analysis of test/fixtures/prototype-repo.ts
// (through the CLI, as a user runs it), and the hand-built sample report with every id renamed.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium } from '../fixtures/chromium';
import { cli } from '../fixtures/cli';
import { PROTO_NAMES, protoRepo } from '../fixtures/prototype-repo';
import type { Repo } from '../fixtures/repo';
import { sampleReport } from '../fixtures/report';

/** The sample report's ids → prototype member names (teams, clusters, files, people). */
const RENAME = new Map([
  ['payments', 'constructor'],
  ['platform', '__proto__'],
  ['web', 'toString'],
  ['commerce', 'hasOwnProperty'],
  ['experience', 'valueOf'],
  ['payments/src/charge.ts', 'constructor'],
  ['platform/db/internal.ts', '__proto__'],
  ['scripts/tool.ts', 'toString'],
  ['xss@shop.io', '__proto__'],
  ['ann@shop.io', 'constructor'],
  ['bob@shop.io', 'toString'],
  ['cat@shop.io', 'hasOwnProperty'],
]);

/** Renames exact string values and object keys; keys go in with defineProperty so `__proto__` stays an own key. */
function renamed(x: unknown): unknown {
  if (typeof x === 'string') return RENAME.get(x) ?? x;
  if (Array.isArray(x)) return x.map(renamed);
  if (typeof x !== 'object' || x === null) return x;
  const out = {};
  for (const [k, v] of Object.entries(x))
    Object.defineProperty(out, RENAME.get(k) ?? k, {
      value: renamed(v),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out;
}

const dist = join(__dirname, '../../dist/webview');
const vscodePage = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="dashboard.css"></head><body><div id="app"></div>
<script>window.sent = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.sent.push(m), getState: () => undefined, setState: () => {} });</script>
<script type="module" src="dashboard.js"></script></body></html>`;
let server: Server;
let base: string;
let browser: Browser;
let repo: Repo;
let analysed: string;
let htmlFile: string;

beforeAll(async () => {
  repo = protoRepo();
  const args = [
    'analyze',
    '--repo',
    repo.dir,
    '--no-cache',
    '--since',
    '2000-01-01',
    '--min-revs',
    '2',
    '--min-shared',
    '2',
  ];
  analysed = (await cli(args)).stdout;
  htmlFile = join(mkdtempSync(join(tmpdir(), 'conway-proto-html-')), 'report.html');
  expect((await cli([...args, '--format', 'html', '--out', htmlFile])).code).toBe(0);
  server = createServer((req, res) => {
    if (req.url === '/index.html') return void res.writeHead(200, { 'content-type': 'text/html' }).end(vscodePage);
    if (req.url === '/favicon.ico') return void res.writeHead(204).end(); // Chromium asks once; not the dashboard's request
    const type = { '/dashboard.js': 'text/javascript', '/dashboard.css': 'text/css' }[req.url ?? ''];
    if (!type) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': type }).end(readFileSync(join(dist, req.url!)));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  if (existsSync(CHROMIUM)) browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
  repo?.cleanup();
});

/** A page that records its errors. */
async function open(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 1400 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url);
  return { page, errors };
}

/** Posts the report as JSON text, parsed in the page: an own `__proto__` key arrives as the host would send it. */
async function postReport(page: Page, json: string): Promise<void> {
  await page.waitForFunction(() =>
    (window as unknown as { sent: { type: string }[] }).sent.some((m) => m.type === 'ready'),
  );
  await page.evaluate(
    (text) => window.postMessage({ type: 'report', report: JSON.parse(text), folder: 'proto' }, '*'),
    json,
  );
  await page.waitForSelector('body[data-rendered]');
}

/** Every team row is there, keyed by its id; clicking one opens its page; the names are visible text. */
async function expectTeams(page: Page, ids: string[]): Promise<void> {
  const rows = await page
    .locator('table.autonomy tbody tr[data-team]')
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-team')));
  expect(rows.sort()).toEqual([...ids].sort());
  for (const id of ids) {
    await page.locator(`table.autonomy tr[data-team="${id}"]`).click();
    expect(await page.locator('section.team-page').getAttribute('data-team')).toBe(id);
  }
  const text = await page.locator('#app').innerText();
  for (const id of ids) expect(text).toContain(id);
}

describe.skipIf(!existsSync(CHROMIUM))(
  existsSync(CHROMIUM) ? 'prototype-named ids in the dashboard and the HTML report' : `SKIPPED: ${CHROMIUM} not found`,
  () => {
    it('the dashboard renders the analysis of a repository with prototype-named teams, files and cluster', async () => {
      const { page, errors } = await open(`${base}/index.html`);
      await postReport(page, analysed);
      expect(
        await page.evaluate(() =>
          (window as unknown as { sent: { type: string }[] }).sent.find((m) => m.type === 'rendered'),
        ),
      ).toMatchObject({ teams: PROTO_NAMES.length });
      await expectTeams(page, PROTO_NAMES);
      expect(await page.locator('select[name=cluster] option').allInnerTexts()).toContainEqual(
        expect.stringContaining('__proto__'),
      );
      await page.selectOption('select[name=cluster]', '__proto__');
      expect(await page.locator('table.autonomy tbody tr').count()).toBe(2);
      expect(errors).toEqual([]);
    });

    it('the dashboard renders the sample report with every id renamed to a prototype member', async () => {
      const report = renamed(sampleReport());
      const json = JSON.stringify(report);
      expect(json).toContain('"__proto__":'); // a module's owners keyed by the team `__proto__`
      const { page, errors } = await open(`${base}/index.html`);
      await postReport(page, json);
      await expectTeams(page, ['constructor', '__proto__', 'toString']);
      await page.selectOption('select[name=cluster]', 'hasOwnProperty');
      expect(await page.locator('table.autonomy tbody tr').count()).toBe(2);
      await page.locator('table.autonomy tr[data-team=__proto__]').click();
      expect(await page.locator('section.team-page').innerText()).toContain('Bob Stone');
      expect(errors).toEqual([]);
    });

    it('the HTML report of that repository (analyze --format html) renders them as text', async () => {
      const { page, errors } = await open(pathToFileURL(htmlFile).href);
      await page.waitForSelector('body[data-rendered]');
      await expectTeams(page, PROTO_NAMES);
      expect(errors).toEqual([]);
    });
  },
);
