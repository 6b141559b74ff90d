// The dashboard's team and cluster pages (dist/webview/dashboard.js, built by `npm run build`) in
// headless Chromium on the scorecard story's real report: the periods as small multiples with the
// latest beside the previous, where to improve, the cluster's fit, and interactions (a row in the
// contract's shape, with a hostile purpose) on the team page and the graph's legend.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDashboard, type DashboardServer } from '../fixtures/dashboard-server';
import { analyzeRepo } from '../../analyzer/analyze';
import type { Report } from '../../analyzer/contract/report';
import { launchChromium } from '../fixtures/chromium';
import { scorecardStory } from '../fixtures/scorecard-story';
import type { Repo } from '../fixtures/repo';

let repo: Repo;
let report: Report & { interactions?: unknown[] };
let served: DashboardServer;
let url: string;

beforeAll(async () => {
  repo = scorecardStory();
  report = await analyzeRepo(repo.dir, { cache: false, since: 'all', metrics: { minSample: 0 } });
  report.interactions = [
    {
      a: 'a',
      b: 'c',
      declared: { mode: 'x-as-a-service', purpose: '<img src=x onerror=alert(1)>', since: '2024-01', until: null },
      observed: {
        mode: 'collaboration',
        evidence: {
          importsAB: 0,
          importsBA: 0,
          publicApiShare: null,
          sharedCommits: 3,
          changesAinB: 2,
          changesBinA: 2,
        },
      },
      status: 'differs',
    },
  ];
  served = await serveDashboard('conway-webview-card-');
  url = served.url;
});
afterAll(() => {
  served.close();
  repo.cleanup();
});

describe('dashboard scorecard pages', () => {
  it('shows the cluster page and the team page with the periods as small multiples', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 1600 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      let dialogs = 0;
      page.on('dialog', (d) => void (dialogs++, d.dismiss()));
      await page.goto(url);
      await page.waitForFunction(() =>
        (window as unknown as { sent: { type: string }[] }).sent.some((m) => m.type === 'ready'),
      );
      await page.evaluate(
        (r) => window.postMessage({ type: 'report', report: r, folder: 'story' }, '*'),
        report as unknown as Record<string, unknown>,
      );
      await page.waitForFunction(() =>
        (window as unknown as { sent: { type: string }[] }).sent.some((m) => m.type === 'rendered'),
      );

      await page.selectOption('select[name=cluster]', 'x');
      const cluster = page.locator('section.cluster-page');
      // x in Q3: integrity 4/5 (cat changed a/x.ts) → 90, down from 100.
      expect(await cluster.locator('figure[data-number=autonomy] .num').innerText()).toBe('90.0 ↓ from 100.0 (worse)');
      expect(await cluster.locator('figure[data-number=autonomy] rect').count()).toBe(3);
      expect(await cluster.locator('figure[data-number=autonomy] rect.last title').textContent()).toBe('2024-Q3: 90.0');
      expect(await cluster.innerText()).toContain(
        'Coupling inside 2, to the rest of the organization 3 (60% outside).',
      );
      expect(await cluster.innerText()).toContain('2 teams: outside the 3–5 teams a cluster leader can hold.');

      await cluster.locator('button[data-team=a]').click();
      const team = page.locator('section.team-page');
      expect(await team.locator('figure[data-number=ownershipIntegrity] .num').innerText()).toBe(
        '75% ↑ from 25% (better)',
      );
      expect(await team.locator('.improve').innerText()).toContain('c → a — 1 change to its files this period');
      const interaction = await team.locator('ul.interactions li[data-status=differs]').innerText();
      expect(interaction.trim()).toBe(
        'a ↔ c: declared x-as-a-service (<img src=x onerror=alert(1)>), observed collaboration — differs',
      );
      expect(await page.locator('.legend-interactions').innerText()).toContain('differs');
      expect(await page.locator('#app img').count()).toBe(0);
      await page.screenshot({ path: 'test-output/webview-scorecard.png', fullPage: true });
      expect(errors).toEqual([]);
      expect(dialogs).toBe(0);
    } finally {
      await browser.close();
    }
  });
});
