// The dashboard bundle (dist/webview/dashboard.js, built by `npm run build`) in headless Chromium,
// outside VS Code: a page provides acquireVsCodeApi (the one system edge, recorded) and posts a
// real report of a repository whose names and paths are hostile. Asserts the ready → report →
// rendered exchange, the guard rejecting malformed messages, and strings rendered as text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDashboard, type DashboardServer } from '../fixtures/dashboard-server';
import { analyzeRepo } from '../../analyzer/analyze';
import type { Report } from '../../analyzer/contract/report';
import { launchChromium } from '../fixtures/chromium';
import { boundariesRepo } from '../fixtures/boundaries';
import type { Repo } from '../fixtures/repo';

let repo: Repo;
let report: Report;
let served: DashboardServer;
let url: string;

beforeAll(async () => {
  repo = boundariesRepo();
  repo.commit({
    author: { name: 'Mallory "x" & co', email: 'm@evil.io' },
    files: { 'web/<img src=x onerror=alert(1)>.ts': "import { db } from '../core/db/internal';\n" },
  });
  report = await analyzeRepo(repo.dir, { cache: false });
  served = await serveDashboard('conway-webview-');
  url = served.url;
});
afterAll(() => {
  served.close();
  repo.cleanup();
});

describe('dashboard webview', () => {
  it('says ready, renders a valid report, ignores a malformed one, shows hostile strings as text', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 1400 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      let dialogs = 0;
      page.on('dialog', (d) => void (dialogs++, d.dismiss()));
      await page.goto(url);
      await page.waitForFunction(() =>
        (window as unknown as { sent: { type: string }[] }).sent.some((m) => m.type === 'ready'),
      );
      await page.evaluate(() => window.postMessage({ type: 'report', report: { schemaVersion: 2 } }, '*'));
      await page.evaluate(
        (r) => window.postMessage({ type: 'report', report: r, folder: 'fixture' }, '*'),
        report as unknown as Record<string, unknown>,
      );
      const rendered = await page.waitForFunction(() =>
        (window as unknown as { sent: { type: string }[] }).sent.find((m) => m.type === 'rendered'),
      );
      expect(await rendered.jsonValue()).toMatchObject({
        type: 'rendered',
        teams: 3,
        violations: report.violations.length,
      });
      expect(await page.locator('table.autonomy tbody tr').count()).toBe(3);
      expect(await page.locator('.findings').innerText()).toContain('web/<img src=x onerror=alert(1)>.ts');
      expect(await page.locator('#app img').count()).toBe(0);
      expect(await page.locator('a[href="#"]').count()).toBe(0);
      const first = page.locator('a.location').first();
      const [file, line] = [await first.getAttribute('data-file'), Number(await first.getAttribute('data-line'))];
      expect(report.violations.some((v) => v.file === file && v.line === line)).toBe(true);
      await first.click();
      const open = await page.evaluate(() =>
        (window as unknown as { sent: { type: string }[] }).sent.find((m) => m.type === 'open'),
      );
      expect(open).toEqual({ type: 'open', file, line });
      await page.locator('table.autonomy tr[data-team=web]').click();
      const evidence = await page.locator('section.evidence').innerText();
      expect(evidence).toContain('web → billing: 1 import');
      expect(evidence).toContain('web/app.ts:1 → billing/charge.ts');
      expect(evidence).toMatch(/core: 1 shared commit \(33%\) — [0-9a-f]{10}/);
      await page.selectOption('select[name=cluster]', 'money');
      expect(await page.locator('table.autonomy tbody tr').count()).toBe(2);
      await page.screenshot({ path: 'test-output/webview-dashboard.png', fullPage: true });
      expect(errors).toEqual([]);
      expect(dialogs).toBe(0);
    } finally {
      await browser.close();
    }
  });
});
