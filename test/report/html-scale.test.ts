// The HTML report of the generated 200-team / 10,000-violation report and of the 5-team one, in
// real headless Chromium: the dashboard renders without errors or network; findings are grouped,
// ranked and paged ("showing 1–50 of 1,522 findings"); filters narrow them; every location is a
// relative link to the file (never href="#"); the matrix shows the top 25 with "show all"; the
// autonomy table sorts and filters by role; the team page explains an empty member list.
// Screenshots for a human look: test-output/html-scale-{big,small}.png and the graph alone.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../analyzer/report';
import type { Report } from '../../analyzer/contract/report';
import { CHROMIUM, launchChromium } from '../fixtures/chromium';
import { bigReport, smallReport } from '../fixtures/scale-report';

let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'conway-scale-'));

beforeAll(async () => {
  if (existsSync(CHROMIUM)) browser = await launchChromium();
  mkdirSync('test-output', { recursive: true });
});
afterAll(async () => browser?.close());

async function open(name: string, r: Report): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const file = join(dir, `${name}.html`);
  writeFileSync(file, renderReport('html', r));
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('request', (q) => requests.push(q.url()));
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('body[data-rendered]', { state: 'attached', timeout: 30_000 });
  return { page, errors, requests };
}

describe('embedding a large report', () => {
  it('gzips it (base64, no `<`), the same report once inflated, static summary in <noscript>; small reports stay plain JSON', () => {
    const r = bigReport();
    const html = renderReport('html', r);
    const packed = html.match(/<script type="application\/gzip" id="conway-report-gzip">([^<]*)<\/script>/)![1];
    expect(JSON.parse(gunzipSync(Buffer.from(packed, 'base64')).toString('utf8'))).toEqual(r);
    expect(html.length).toBeLessThan(JSON.stringify(r).length / 4);
    // The static summary is for browsers without scripts only: it does not delay the dashboard.
    expect(html).toMatch(/<div id="app"><\/div>\n<noscript><h1>/);
    expect(renderReport('html', smallReport())).toContain('<script type="application/json" id="conway-report">');
  });
});

const text = (p: Page, sel: string) => p.locator(sel).first().innerText();
/** The number of findings as the page writes it (`1,522`). */
const n = (r: Report) => r.findings!.length.toLocaleString('en-US');

describe.skipIf(!existsSync(CHROMIUM))(
  existsSync(CHROMIUM) ? 'HTML report at 200 teams in Chromium' : `SKIPPED: ${CHROMIUM} not found`,
  () => {
    it('groups, ranks and pages 10,000 violations; filters; relative links; matrix top 25', async () => {
      const r = bigReport();
      const { page, errors, requests } = await open('big', r);
      expect(await page.getAttribute('body', 'data-rendered')).toMatch(/^(webgl|svg)$/);
      expect(await text(page, '.paging-status')).toBe(`showing 1–50 of ${n(r)} findings (10,000 locations)`);
      expect(await page.locator('li.finding').count()).toBe(50);
      const ranks = await page
        .locator('li.finding')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-finding')));
      expect(ranks).toEqual(
        [...r.findings!]
          .sort((a, b) => a.rank - b.rank)
          .slice(0, 50)
          .map((f) => f.id),
      );
      await page.getByRole('button', { name: 'next ›' }).click();
      expect(await text(page, '.paging-status')).toBe(`showing 51–100 of ${n(r)} findings (10,000 locations)`);
      await page.selectOption('select[name=finding-kind]', 'unowned');
      expect(await text(page, '.paging-status')).toMatch(/^showing 1–1 of 1 findings \(\d+ locations\)$/);
      expect(await text(page, 'li.finding .title')).toMatch(/^legacy\/ has no (owner|CODEOWNERS rule)/);

      const hrefs = await page.locator('#app a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      expect(hrefs.length).toBeGreaterThan(0);
      expect(hrefs.filter((h) => h === '#' || h.startsWith('http') || h.startsWith('/'))).toEqual([]);
      // The page sits in a temp folder; the report's root is /repos/monolith: a relative path up and over.
      expect(await page.locator('li.finding a[href]').first().getAttribute('href')).toMatch(
        /^(\.\.\/)+repos\/monolith\/legacy\/.+\.ts#L\d+$/,
      );
      expect(await page.locator('ol.act-first li').count()).toBe(5);

      expect(await page.locator('table.matrix tbody tr').count()).toBe(25);
      await page.getByRole('button', { name: 'show all 200' }).click();
      expect(await page.locator('table.matrix tbody tr').count()).toBe(200);

      await page.selectOption('select[name=role]', 'review-group');
      expect(await page.locator('table.autonomy tbody tr').count()).toBe(4);
      await page.selectOption('select[name=role]', '');
      await page.locator('table.autonomy th[data-sort=files]').click();
      const files = await page.locator('table.autonomy tbody tr td:nth-child(7)').allInnerTexts();
      expect(files.map(Number)).toEqual([...files.map(Number)].sort((a, b) => b - a));
      expect(await page.locator('table.autonomy .null').first().getAttribute('title')).toMatch(/^no /);

      const team = r.teams[10];
      await page.fill('input[name=team-search]', team.id.replace('@megacorp/', ''));
      await page.press('input[name=team-search]', 'Enter');
      const teamPage = await text(page, 'section.team-page');
      expect(teamPage).toContain(team.id);
      expect(teamPage).toMatch(/Members \(\d+\)/);
      expect(teamPage).toContain('Delivery: commits shared with other teams');
      await page.locator('.graph-panel').screenshot({ path: 'test-output/html-scale-big-focus.png' });
      await page.locator('button', { hasText: 'close' }).click();

      await page.selectOption('select[name=finding-kind]', '');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: 'test-output/html-scale-big.png' });
      await page.locator('.graph-panel').screenshot({ path: 'test-output/html-scale-big-graph.png' });
      expect(errors).toEqual([]);
      expect(requests).toHaveLength(1);
      await page.close();
    }, 120_000);

    it('renders a report without the optional fields (older analyzer) the same way, grouping on the fly', async () => {
      const { page, errors } = await open('legacy', bigReport('legacy'));
      expect(await text(page, '.paging-status')).toBe(`showing 1–50 of ${n(bigReport())} findings (10,000 locations)`);
      expect(await text(page, 'li.finding .title')).toContain('imports internals of');
      expect(errors).toEqual([]);
      await page.close();
    }, 120_000);

    it('5 teams: every label, a legend, a review group explained, an empty members list explained', async () => {
      const r = smallReport();
      r.teams[2].members = [];
      const { page, errors } = await open('small', r);
      expect(await page.locator('.legend').first().innerText()).toMatch(/Size:.*Width:.*Colour: cluster/s);
      expect(await page.locator('select[name=top-n]').inputValue()).toBe('0');
      await page.locator(`table.autonomy tr[data-team="${r.teams[2].id}"]`).click();
      expect(await text(page, '.empty-members')).toMatch(/^No members: the team map does not list any for this team/);
      await page.locator(`table.autonomy tr[data-team="${r.teams[0].id}"]`).click();
      expect(await text(page, 'section.team-page')).toContain('review group');
      await page.locator('button', { hasText: 'close' }).click();
      await page.screenshot({ path: 'test-output/html-scale-small.png', fullPage: true });
      await page.locator('.graph-panel').screenshot({ path: 'test-output/html-scale-small-graph.png' });
      expect(errors).toEqual([]);
      await page.close();
    }, 60_000);
  },
);
