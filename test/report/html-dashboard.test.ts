// The HTML report with the dashboard inlined, on the hand-built sample report, in real headless
// Chromium (a fresh profile, no network): the interactive dashboard replaces the static content,
// no console errors, no request but the file itself, hostile strings as text, a strict CSP that
// allows exactly the one inline script by hash. Screenshots (light and dark) go to test-output/.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../analyzer/report';
import { readDashboardAssets } from '../../analyzer/collect/dashboard-assets';
import { inlineDashboard } from '../../analyzer/report/html-dashboard';
import { CHROMIUM, launchChromium } from '../fixtures/chromium';
import { HOSTILE_PATH, sampleReport, XSS_AUTHOR } from '../fixtures/report';

const report = sampleReport();
let html: string;
let url: string;

beforeAll(() => {
  html = renderReport('html', report);
  const file = join(mkdtempSync(join(tmpdir(), 'conway-html-')), 'report.html');
  writeFileSync(file, html);
  url = pathToFileURL(file).href;
});

describe('HTML report markup', () => {
  it('has the built dashboard (run `npm run build` first)', () => {
    expect(readDashboardAssets(), 'dist/webview/dashboard.js missing: run npm run build').not.toBeNull();
  });
  it('allows exactly its one inline script by hash and embeds the report with < escaped', () => {
    const scripts = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    const hash = createHash('sha256').update(scripts[0][1], 'utf8').digest('base64');
    expect(html).toContain(
      `content="default-src 'none'; script-src 'sha256-${hash}'; style-src 'unsafe-inline'; img-src data:"`,
    );
    const json = html.match(/<script type="application\/json" id="conway-report">([\s\S]*?)<\/script>/)![1];
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual(report);
    expect(html).not.toMatch(/src="http|href="http|sourceMappingURL/);
  });
});

describe('inlineDashboard', () => {
  it('keeps a bundle that contains </script> or <!-- inside its element, same meaning, no source map', () => {
    const js = 'globalThis.s = "</SCRIPT><!--x";\n//# sourceMappingURL=dashboard.js.map\n';
    const dash = inlineDashboard(report, { js, css: 'p{}</style><b>' })!;
    const inlined = dash.scripts.match(/<script type="module">([\s\S]*)<\/script>$/)![1];
    expect(inlined).toBe('globalThis.s = "<\\/SCRIPT><\\!--x";\n');
    expect(new Function(`${inlined}; return globalThis.s;`)()).toBe('</SCRIPT><!--x');
    expect(dash.scriptSource).toBe(`'sha256-${createHash('sha256').update(inlined, 'utf8').digest('base64')}'`);
    expect(dash.style).toBe('<style>p{}<\\/style><b></style>');
  });
  it('is null without a built bundle (the page stays static)', () => {
    expect(inlineDashboard(report, null)).toBeNull();
  });
});

describe.skipIf(!existsSync(CHROMIUM))(
  existsSync(CHROMIUM)
    ? 'HTML report in Chromium'
    : `SKIPPED: ${CHROMIUM} not found (node scripts/ensure-chromium.mjs)`,
  () => {
    it('renders the dashboard with no console errors, no network, hostile strings as text', async () => {
      const browser = await launchChromium();
      try {
        // light, dark, and forced colours (what high-contrast modes use outside VS Code)
        for (const scheme of ['light', 'dark', 'forced'] as const) {
          const colors =
            scheme === 'forced'
              ? { colorScheme: 'dark' as const, forcedColors: 'active' as const }
              : { colorScheme: scheme };
          const page = await browser.newPage({ viewport: { width: 1200, height: 1000 }, ...colors });
          const seen = watch(page);
          await page.goto(url);
          await page.waitForSelector('body[data-rendered]');
          expect(await page.getAttribute('body', 'data-rendered')).toMatch(/^(webgl|svg)$/);
          expect(await page.locator('table.autonomy tbody tr[data-team]').count()).toBe(report.teams.length);
          expect(await page.locator('select[name=cluster] option').allInnerTexts()).toEqual([
            'all clusters',
            'commerce (2)',
            'experience (1)',
          ]);
          expect(await page.locator('li.finding').count()).toBe(report.violations.length); // six kinds: six findings
          expect(await page.locator('.findings').innerText()).toContain(`${HOSTILE_PATH}:2`);
          expect(await page.locator('a[href="#"]').count()).toBe(0);
          await page.locator('table.autonomy tr[data-team=payments]').click();
          expect(await page.locator('section.evidence').innerText()).toContain(
            `${XSS_AUTHOR} (xss@shop.io) — listed in the team map`,
          );
          expect(await page.locator('#app').innerText()).toContain('Web "Storefront" & <Co>');
          expect(await page.locator('img').count()).toBe(0);
          mkdirSync('test-output', { recursive: true });
          await page.screenshot({ path: `test-output/html-dashboard-${scheme}.png`, fullPage: true });
          expect(seen.errors).toEqual([]);
          expect(seen.dialogs).toBe(0);
          expect(seen.requests).toEqual([url]);
          await page.close();
        }
      } finally {
        await browser.close();
      }
    });
  },
);

function watch(page: Page): { errors: string[]; requests: string[]; dialogs: number } {
  const seen = { errors: [] as string[], requests: [] as string[], dialogs: 0 };
  page.on('console', (m) => m.type() === 'error' && seen.errors.push(m.text()));
  page.on('pageerror', (e) => seen.errors.push(e.message));
  page.on('request', (r) => seen.requests.push(r.url()));
  page.on('dialog', (d) => void (seen.dialogs++, d.dismiss()));
  return seen;
}
