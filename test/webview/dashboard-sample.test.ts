// The dashboard bundle in VS Code mode on the hand-built sample report: the page's messages to the
// host (ready, rendered, filter, open), state saved for restore and used after a reload, the
// cluster filter and the static/change matrix toggle — against numbers read off
// test/fixtures/report.ts. acquireVsCodeApi is the one system edge, stubbed and recorded.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium } from '../fixtures/chromium';
import { HOSTILE_PATH, sampleReport } from '../fixtures/report';

const report = sampleReport();
const dist = join(__dirname, '../../dist/webview');
let server: Server;
let base: string;
let browser: Browser;

const page = (
  state: unknown,
) => `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="dashboard.css"></head><body><div id="app"></div>
<script>window.sent = []; window.saved = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.sent.push(m), getState: () => (${JSON.stringify(state).replace(/</g, '\\u003c')}), setState: (s) => window.saved.push(s) });</script>
<script type="module" src="dashboard.js"></script></body></html>`;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/fresh.html') return void res.writeHead(200, { 'content-type': 'text/html' }).end(page(null));
    if (req.url === '/restored.html')
      return void res.writeHead(200, { 'content-type': 'text/html' }).end(page({ report }));
    const f = { '/dashboard.js': 'text/javascript', '/dashboard.css': 'text/css' }[req.url ?? ''];
    if (!f) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': f }).end(readFileSync(join(dist, req.url!)));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  if (existsSync(CHROMIUM)) browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  server.close();
});

const sent = (p: Page, type: string) =>
  p.evaluate((t) => (window as unknown as { sent: { type: string }[] }).sent.filter((m) => m.type === t), type);
const cell = (p: Page, from: string, to: string) => p.locator(`table.matrix td[title^="${from} → ${to}:"]`).innerText();

describe.skipIf(!existsSync(CHROMIUM))(
  existsSync(CHROMIUM)
    ? 'dashboard on the sample report in Chromium'
    : `SKIPPED: ${CHROMIUM} not found (node scripts/ensure-chromium.mjs)`,
  () => {
    it('renders, saves state, filters, toggles the matrix and asks the host to open files', async () => {
      const p = await browser.newPage({ viewport: { width: 1200, height: 1400 } });
      const errors: string[] = [];
      p.on('pageerror', (e) => errors.push(e.message));
      await p.goto(`${base}/fresh.html`);
      await p.waitForFunction(() => (window as unknown as { sent: { type: string }[] }).sent.length > 0);
      expect(await sent(p, 'ready')).toEqual([{ type: 'ready' }]);
      await p.evaluate(
        (r) => window.postMessage({ type: 'report', report: r, folder: 'shop' }, '*'),
        report as unknown as Record<string, unknown>,
      );
      await p.waitForSelector('body[data-rendered]');
      expect(await sent(p, 'rendered')).toMatchObject([{ teams: 3, violations: 6 }]);
      expect(await p.evaluate(() => (window as unknown as { saved: unknown[] }).saved)).toEqual([{ report }]);

      expect(await cell(p, 'Payments', 'Platform')).toBe('14');
      await p.selectOption('select[name=matrix]', 'change');
      expect(await cell(p, 'Payments', 'Platform')).toBe('12');
      expect(await sent(p, 'filter')).toEqual([]);

      await p.selectOption('select[name=cluster]', 'commerce');
      expect(await p.locator('table.autonomy tbody tr').count()).toBe(2);
      expect(await p.locator('li.finding').count()).toBe(4);
      expect(await sent(p, 'filter')).toEqual([{ type: 'filter', cluster: 'commerce', team: null }]);

      // The host sends the page's filter back with the next report (an update): the filter holds.
      await p.evaluate(
        (r) =>
          window.postMessage(
            { type: 'report', report: r, folder: 'shop', filter: { cluster: 'commerce', team: null } },
            '*',
          ),
        report as unknown as Record<string, unknown>,
      );
      await p.waitForFunction(
        () =>
          (window as unknown as { sent: { type: string }[] }).sent.filter((m) => m.type === 'rendered').length === 2,
      );
      expect(await p.locator('select[name=cluster]').inputValue()).toBe('commerce');
      expect(await p.locator('table.autonomy tbody tr').count()).toBe(2);

      await p.locator('a.location', { hasText: HOSTILE_PATH }).first().click();
      expect(await sent(p, 'open')).toEqual([{ type: 'open', file: HOSTILE_PATH, line: 2 }]);
      expect(await p.locator('pre.codeowners').innerText()).toBe('/scripts/ @shop/platform');
      expect(errors).toEqual([]);
    });

    it("labels each share with the sample it is of: the members' commits, not the team's commits", async () => {
      const withCounts = structuredClone(report);
      const pay = withCounts.teams.find((t) => t.id === 'payments')!;
      pay.counts = {
        aligned: 200,
        memberCommits: 52,
        independent: 39,
        dependencyOk: 13,
        dependencyTotal: 20,
        changesByTeam: {},
        authors: [],
      };
      const p = await browser.newPage({ viewport: { width: 1200, height: 1400 } });
      await p.goto(`${base}/fresh.html`);
      await p.waitForFunction(() => (window as unknown as { sent: { type: string }[] }).sent.length > 0);
      await p.evaluate(
        (r) => window.postMessage({ type: 'report', report: r, folder: 'shop' }, '*'),
        withCounts as unknown as Record<string, unknown>,
      );
      await p.waitForSelector('body[data-rendered]');
      const row = await p.locator('table.autonomy tbody tr', { hasText: 'Payments' }).innerText();
      expect(row).toContain('(n=52 member commits)');
      expect(row).toContain('(n=20 imports)');
      expect(row).not.toContain(`n=${pay.commits} commits`);
    });

    it('restores from the saved state after a reload, before the host answers', async () => {
      const p = await browser.newPage();
      await p.goto(`${base}/restored.html`);
      await p.waitForSelector('body[data-rendered]');
      expect(await p.locator('table.autonomy tbody tr').count()).toBe(3);
      expect(await sent(p, 'ready')).toHaveLength(1);
    });
  },
);
