// The scorecard and cluster fit on a built repository over three quarters; every number by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import type { Report } from '../../analyzer/contract/report';
import type { ScoreScope } from '../../analyzer/contract/teamwork-scorecard';
import type { NumberKey } from '../../analyzer/report/scorecard-view';
import type { Repo } from '../fixtures/repo';
import { scorecardStory, STORY_TEAMS } from '../fixtures/scorecard-story';
import { ANN, BOB, CAT, makeRepo } from '../fixtures/repo';
import { cli } from '../fixtures/cli';
import { renderReport } from '../../analyzer/report';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let repo: Repo;
let r: Report;
let monthly: Report;
beforeAll(async () => {
  repo = scorecardStory();
  const cacheDir = mkdtempSync(join(tmpdir(), 'conway-scorecard-'));
  // minSample 0: the formulas on a tiny history (the minimum itself: last test).
  r = await analyzeRepo(repo.dir, { cacheDir, since: 'all', metrics: { minSample: 0 } });
  monthly = await analyzeRepo(repo.dir, { cacheDir, since: 'all', metrics: { minSample: 0, period: 'month' } });
});
afterAll(() => repo.cleanup());

const scope = (rep: Report, kind: 'teams' | 'clusters', id: string): ScoreScope =>
  rep.scorecard![kind].find((s) => s.id === id)!;
const values = (s: ScoreScope, k: NumberKey) => s.periods.map((p) => p[k].value);

describe('scorecard per quarter', () => {
  it('lists the window’s quarters', () => {
    expect(r.scorecard!.period).toBe('quarter');
    expect(r.scorecard!.periods).toEqual(['2024-Q1', '2024-Q2', '2024-Q3']);
    expect(monthly.scorecard!.periods).toEqual([
      '2024-01',
      '2024-02',
      '2024-03',
      '2024-04',
      '2024-05',
      '2024-06',
      '2024-07',
      '2024-08',
      '2024-09',
    ]);
  });

  it('team a: autonomy and its components each quarter, with the previous quarter and the direction', () => {
    const a = scope(r, 'teams', 'a');
    // Q1: ann's commits c0 (a, b, c), c1, c3 → 2/3 independent; a/x.ts changed 3× by ann → integrity 1; score (0.6667 + 1) / 2.
    // Q2: ann's c7 only → 1; a/x.ts changed by bob 3×, ann 1× → 0.25; score 62.5.
    // Q3: ann 3/3 → 1; a/x.ts: ann 3×, cat 1× → 0.75; score 87.5.
    expect(values(a, 'deliveryIndependence')).toEqual([0.6667, 1, 1]);
    expect(values(a, 'ownershipIntegrity')).toEqual([1, 0.25, 0.75]);
    expect(values(a, 'autonomy')).toEqual([83.3, 62.5, 87.5]);
    expect(a.periods[1].autonomy).toEqual({ value: 62.5, previous: 83.3, direction: 'down', better: 'up' });
    expect(a.periods[2].ownershipIntegrity).toEqual({ value: 0.75, previous: 0.25, direction: 'up', better: 'up' });
    expect(a.periods[0].autonomy.previous).toBeNull();
    expect(a.periods.map((p) => p.commits)).toEqual([3, 4, 4]);
  });

  it('drift findings opened in Q2 and fixed in Q3, each quarter against the one before', async () => {
    // Q2: team a made 1 of the 4 changes to a/x.ts (< 1/3), team b 3 (> 1/2): drift. Q1 and Q3: none.
    // Q1 has no previous quarter: null. Q2 opens the drift, Q3 fixes it.
    for (const id of ['a', 'b']) {
      const s = scope(r, 'teams', id);
      expect(values(s, 'findingsOpened')).toEqual([null, 1, 0]);
      expect(values(s, 'findingsFixed')).toEqual([null, 0, 1]);
      expect(s.periods[2].findingsOpened).toEqual({ value: 0, previous: 1, direction: 'down', better: 'down' });
      expect(s.periods[2].findingsFixed).toEqual({ value: 1, previous: 0, direction: 'up', better: 'up' });
    }
    // Team c is neither side of the drift.
    expect(values(scope(r, 'teams', 'c'), 'findingsOpened')).toEqual([null, 0, 0]);
    expect(values(scope(r, 'teams', 'c'), 'findingsFixed')).toEqual([null, 0, 0]);
    // Per month no file has 3 changes in one month (bob's two in May): nothing drifts, every month after the first is 0.
    expect(values(scope(monthly, 'teams', 'a'), 'findingsOpened')).toEqual([null, 0, 0, 0, 0, 0, 0, 0, 0]);
    // The window ending in Q2: Q2 is the latest, and the drift opened in it.
    const q2 = await analyzeRepo(repo.dir, {
      cache: false,
      since: 'all',
      until: '2024-07-01',
      metrics: { minSample: 0 },
    });
    expect(values(scope(q2, 'teams', 'a'), 'findingsOpened')).toEqual([null, 1]);
    expect(values(scope(q2, 'teams', 'a'), 'findingsFixed')).toEqual([null, 0]);
  });

  it('drift that lasts two quarters is opened once and fixed once; fewer than 3 changes decide nothing', async () => {
    // a owns a/x.ts and a/w.ts. Q1: ann creates the files, bob changes a/x.ts 3× → x drifts to b (ann 1 of 4).
    // Q2: bob a/x.ts 3× (x stays with b); cat a/w.ts 3× → w drifts to c. Q3: ann a/x.ts 3× → x is back;
    // cat a/w.ts 3× (w stays). Q4: ann changes a/w.ts once — 1 change decides no drift: w is fixed.
    const day = (d: string) => `2024-${d}T10:00:00Z`;
    const story = makeRepo([
      {
        author: ANN,
        date: day('01-02'),
        files: {
          CODEOWNERS: '/a/ @o/a\n/b/ @o/b\n/c/ @o/c\n',
          'conway.yml': STORY_TEAMS,
          'a/x.ts': '0\n',
          'a/w.ts': '0\n',
          'b/y.ts': '0\n',
          'c/z.ts': '0\n',
        },
      },
      ...['02-01', '02-02', '02-03'].map((d, i) => ({ author: BOB, date: day(d), files: { 'a/x.ts': `q1 ${i}\n` } })),
      ...['04-01', '04-02', '04-03'].map((d, i) => ({ author: BOB, date: day(d), files: { 'a/x.ts': `q2 ${i}\n` } })),
      ...['05-01', '05-02', '05-03'].map((d, i) => ({ author: CAT, date: day(d), files: { 'a/w.ts': `q2 ${i}\n` } })),
      ...['07-01', '07-02', '07-03'].map((d, i) => ({ author: ANN, date: day(d), files: { 'a/x.ts': `q3 ${i}\n` } })),
      ...['08-01', '08-02', '08-03'].map((d, i) => ({ author: CAT, date: day(d), files: { 'a/w.ts': `q3 ${i}\n` } })),
      { author: ANN, date: day('10-01'), files: { 'a/w.ts': 'q4\n' } },
    ]);
    try {
      const rep = await analyzeRepo(story.dir, { cache: false, since: 'all', metrics: { minSample: 0 } });
      expect(rep.scorecard!.periods).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
      // Drift per quarter: Q1 {x → b}, Q2 {x → b, w → c}, Q3 {w → c}, Q4 {}.
      // a is the declared side of both: Q2 opens w, Q3 fixes x, Q4 fixes w.
      const a = scope(rep, 'teams', 'a');
      expect(values(a, 'findingsOpened')).toEqual([null, 1, 0, 0]);
      expect(values(a, 'findingsFixed')).toEqual([null, 0, 1, 1]);
      expect(a.periods[3].findingsFixed).toEqual({ value: 1, previous: 1, direction: 'same', better: 'up' });
      expect(a.periods[1].findingsOpened).toEqual({ value: 1, previous: null, direction: null, better: 'down' });
      // b takes x in Q1 (no previous quarter to open it against) and gives it back in Q3.
      expect(values(scope(rep, 'teams', 'b'), 'findingsOpened')).toEqual([null, 0, 0, 0]);
      expect(values(scope(rep, 'teams', 'b'), 'findingsFixed')).toEqual([null, 0, 1, 0]);
      // c takes w in Q2, keeps it in Q3, and it is gone in Q4.
      expect(values(scope(rep, 'teams', 'c'), 'findingsOpened')).toEqual([null, 1, 0, 0]);
      expect(values(scope(rep, 'teams', 'c'), 'findingsFixed')).toEqual([null, 0, 0, 1]);
      // Cluster x = a + b: the union of its teams' drift, as for a.
      expect(values(scope(rep, 'clusters', 'x'), 'findingsOpened')).toEqual([null, 1, 0, 0]);
      expect(values(scope(rep, 'clusters', 'x'), 'findingsFixed')).toEqual([null, 0, 1, 1]);
    } finally {
      story.cleanup();
    }
  });

  it('names the largest contributors to the weakest component of the latest quarter', () => {
    // Team a, Q3: integrity 0.75 < delivery 1 — cat's change to a/x.ts.
    expect(scope(r, 'teams', 'a').improve).toEqual({
      component: 'ownership integrity',
      value: 0.75,
      contributors: [{ kind: 'team-pair', name: 'c → a', weight: 1, detail: '1 change to its files this period' }],
    });
    // Team b, Q3: bob's one commit stays in b/, and b/y.ts is all his: nothing to improve.
    expect(scope(r, 'teams', 'b').improve).toBeNull();
    // Team c, Q3: cat's only commit also changed a's file → delivery independence 0.
    expect(scope(r, 'teams', 'c').improve).toMatchObject({
      component: 'delivery independence',
      value: 0,
      contributors: [{ name: 'c → a', weight: 1 }],
    });
  });

  it('clusters are the union of their teams', () => {
    // x = a + b, Q2: members' commits c4 (a, b), c5, c6, c7 stay inside x → 1; the 5 changes to x's files are all by members → 1.
    const x = scope(r, 'clusters', 'x');
    expect(x.periods[1]).toMatchObject({
      deliveryIndependence: { value: 1 },
      ownershipIntegrity: { value: 1 },
      autonomy: { value: 100 },
    });
    // Q3: cat changed a/x.ts: 4 of the 5 changes to x's files by members.
    expect(x.periods[2].ownershipIntegrity.value).toBe(0.8);
  });

  it('fills the crossing share from the change sets, leaves congruence empty where nothing needed coordination, and says so', () => {
    // Team a's change sets: Q1 c0 (a, b, c: cross), c1, c3 → 1/3; Q2 c4 (a, b: cross), c5, c6, c7 → 1/4;
    // Q3 c8, c9, c11 and cat's c12 (a, c: cross) → 1/4.
    expect(values(scope(r, 'teams', 'a'), 'crossShare')).toEqual([0.333, 0.25, 0.25]);
    // Team b: Q1 c0 cross, c2 → 1/2; Q2 c4 only → 1; Q3 c10 → 0. Team c: c0; nothing in Q2; c12.
    expect(values(scope(r, 'teams', 'b'), 'crossShare')).toEqual([0.5, 1, 0]);
    expect(values(scope(r, 'teams', 'c'), 'crossShare')).toEqual([1, null, 1]);
    // At most 2 change sets link any two teams in a quarter, below the 5 that need coordination.
    for (const t of ['a', 'b', 'c']) expect(values(scope(r, 'teams', t), 'congruence')).toEqual([null, null, null]);
    expect(r.scorecard!.notes.join('\n')).toMatch(
      /congruence is empty where none of a team's pairs needed coordination/,
    );
    // No interactions declared and none observed with a mode: no status to count.
    expect(scope(r, 'teams', 'a').interactions).toEqual({});
    // The last commit is on 2024-09-02, 29 days before 2024-Q3 ends.
    expect(r.scorecard!.notes).toContain(
      "2024-Q3 is partial: the window's last commit is 2024-09-02, 29 days before it ends, so its counts are not comparable with the previous period's (ratios are)",
    );
  });
});

describe('cluster fit on the built repository', () => {
  it('scores the declared clusters on the shared change sets', () => {
    // Shared change sets: c0 (a, b, c), c4 (a, b), c12 (a, c) → a–b 2, a–c 2, b–c 1; m = 5; degrees a 4, b 3, c 3.
    // Declared x {a, b}: 2/5 − (7/10)² = −0.09; y {c}: −(3/10)² = −0.09 → −0.18.
    // Best: all three together (Q = 0, a cluster of 3); the pairs score −0.18.
    const fit = r.clusterFit!;
    expect(fit.declared.modularity).toBe(-0.18);
    expect(fit.best).toMatchObject({ modularity: 0, clusters: [['a', 'b', 'c']] });
    expect(fit.share).toBeNull();
    expect(fit.outsideSize).toEqual([
      { cluster: 'x', teams: 2 },
      { cluster: 'y', teams: 1 },
    ]);
    expect(fit.coupling.find((c) => c.cluster === 'x')).toEqual({
      cluster: 'x',
      teams: 2,
      internal: 2,
      external: 3,
      externalShare: 0.6,
    });
  });
});

describe('scorecard minimum samples', () => {
  it('a quarter with fewer commits than --min-sample has no components', async () => {
    const strict = await analyzeRepo(repo.dir, { cache: false, since: 'all', metrics: { minSample: 4 } });
    // Team a: Q1 has 3 commits and 3 changes touching its files (< 4): nothing; Q2 has 4 and 4: kept.
    const [q1, q2] = scope(strict, 'teams', 'a').periods;
    expect([q1.deliveryIndependence.value, q1.ownershipIntegrity.value, q1.autonomy.value]).toEqual([null, null, null]);
    expect([q2.deliveryIndependence.value, q2.ownershipIntegrity.value, q2.autonomy.value]).toEqual([1, 0.25, 62.5]);
    expect(q2.autonomy.direction).toBeNull();
  });
});

describe('conway scorecard', () => {
  it('prints one team every quarter in Markdown, with where to improve', async () => {
    const out = await cli([
      'scorecard',
      '--repo',
      repo.dir,
      '--since',
      'all',
      '--min-sample',
      '0',
      '--no-cache',
      '--team',
      'a',
    ]);
    expect(out.code).toBe(0);
    const rows = out.stdout.split('\n').filter((l) => l.startsWith('| 2024-'));
    expect(rows.map((l) => l.split(' | ').slice(0, 3))).toEqual([
      ['| 2024-Q1', '3', '83.3'],
      ['| 2024-Q2', '4', '62.5 ↓ from 83.3 (worse)'],
      ['| 2024-Q3', '4', '87.5 ↑ from 62.5 (better)'],
    ]);
    expect(out.stdout).toContain(
      'Where to improve (2024-Q3): ownership integrity 75%: c → a (1 change to its files this period)',
    );
  });

  it('gives JSON of one cluster per month, and refuses an unknown team by name', async () => {
    const json = await cli([
      'scorecard',
      '--repo',
      repo.dir,
      '--since',
      'all',
      '--min-sample',
      '0',
      '--no-cache',
      '--cluster',
      'x',
      '--period',
      'month',
      '--format',
      'json',
    ]);
    const card = JSON.parse(json.stdout).scorecard;
    expect([
      card.period,
      card.teams.length,
      card.clusters.map((c: ScoreScope) => c.id),
      card.clusters[0].periods.length,
    ]).toEqual(['month', 0, ['x'], 9]);
    const bad = await cli(['scorecard', '--repo', repo.dir, '--no-cache', '--team', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--team nope: no such team in .* \(teams: a, b, c\)/);
    const period = await cli(['analyze', '--repo', repo.dir, '--period', 'week']);
    expect([period.code, period.stderr.trim()]).toEqual([
      2,
      expect.stringContaining('--period week: expected month or quarter'),
    ]);
  });

  it('the Markdown and HTML reports carry a Scorecard and a Cluster fit section', () => {
    const md = renderReport('md', r);
    expect(md).toContain('## Scorecard (per quarter, latest 2024-Q3)');
    // x in Q3: delivery 100%, integrity 4/5 → 90, down from Q2’s 100.
    expect(md).toContain('| cluster x | 90.0 ↓ from 100.0 (worse) | 100% = 100% | 80% ↓ from 100% (worse) |');
    expect(md).toContain('- declared clusters: modularity -0.180; best partition found: 0.000');
    const html = renderReport('html', r);
    // Small multiples: one bar per quarter for each number with data; the latest darker.
    const row = /<tr data-scope="team:a">(.*?)<\/tr>/.exec(html)![1];
    // autonomy, delivery, integrity, crossing share, drift opened, drift fixed (no imports: no
    // dependency independence; no timed change sets: no crossing ratio; nothing needed coordination).
    expect(row.match(/<svg class="multiple"/g)!.length).toBe(6);
    expect(row).toContain('<title>2024-Q1: 33%</title>');
    expect(row).toContain('<title>2024-Q2: 62.5</title>');
  });
});
