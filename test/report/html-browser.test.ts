// The HTML report of a real analysis opened in real headless Chromium: the inlined dashboard
// renders, no console errors, no request other than the page itself, hostile strings shown as text. A screenshot goes to test-output/ for a human look.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import { renderReport } from '../../analyzer/report';
import { boundariesRepo } from '../fixtures/boundaries';
import { launchChromium } from '../fixtures/chromium';
import type { Repo } from '../fixtures/repo';

let repo: Repo;
let file: string;

beforeAll(async () => {
  repo = boundariesRepo();
  repo.commit({
    author: { name: 'Mallory "x" & <svg onload=alert(1)>', email: 'm@evil.io' },
    files: { 'web/<img src=x onerror=alert(1)>.ts': "import { db } from '../core/db/internal';\n" },
  });
  const report = await analyzeRepo(repo.dir, { cache: false });
  file = join(mkdtempSync(join(tmpdir(), 'conway-html-')), 'report.html');
  writeFileSync(file, renderReport('html', report));
});
afterAll(() => repo.cleanup());

describe('HTML report in Chromium', () => {
  it('renders with no console errors, no network requests, and hostile strings as text', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 1600 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (r) => requests.push(r.url()));
      let dialogs = 0;
      page.on('dialog', (d) => {
        dialogs++;
        void d.dismiss();
      });
      await page.goto(pathToFileURL(file).href);
      // The inlined dashboard replaces the static content once it has drawn the graph.
      await page.waitForSelector('body[data-rendered]');
      expect(await page.locator('table.autonomy tbody tr[data-team]').count()).toBe(3);
      expect(await page.locator('select[name=cluster] option').count()).toBe(2);
      expect(await page.locator('.findings').innerText()).toContain('web/<img src=x onerror=alert(1)>.ts');
      expect(await page.locator('img').count()).toBe(0);
      // The sections the dashboard has no place for stay under it once it has drawn.
      const kept = await page.locator('#teamwork h2').allInnerTexts();
      expect(kept.some((t) => t.startsWith('Scorecard'))).toBe(true);
      expect(kept).toContain('Notes');
      expect(await page.locator('#app h2', { hasText: 'Scorecard' }).count()).toBe(0);
      mkdirSync('test-output', { recursive: true });
      await page.screenshot({ path: 'test-output/html-report.png', fullPage: true });
      expect(errors).toEqual([]);
      expect(dialogs).toBe(0);
      expect(requests).toEqual([pathToFileURL(file).href]);
    } finally {
      await browser.close();
    }
  });
});
