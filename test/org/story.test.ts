// The whole team-work story end to end (test/fixtures/team-story.ts, buildTeamStoryWithPrs, and
// its `gh pr list` export test/fixtures/prs/gh-team-story.json): change sets, crossing,
// interactions, coordination seen through pull request reviews, cluster fit and the scorecard
// cells that read them. Every number is counted by hand in the comments.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import type { Report } from '../../analyzer/contract/report';
import { buildTeamStoryWithPrs, type TeamStoryWithPrs } from '../fixtures/team-story';

let repo: TeamStoryWithPrs;
let withPrs: Report;
let without: Report;
const opts = { cache: false, now: () => new Date('2024-07-10T00:00:00Z'), metrics: { minSample: 0 } };
const prs = join(__dirname, '..', 'fixtures', 'prs', 'gh-team-story.json');

beforeAll(async () => {
  repo = buildTeamStoryWithPrs();
  withPrs = await analyzeRepo(repo.dir, { ...opts, prs });
  without = await analyzeRepo(repo.dir, opts);
}, 60_000);
afterAll(() => repo.cleanup());

const row = (r: Report, kind: string, id: string | null, period: string | null) =>
  r.crossing!.find((x) => x.scope.kind === kind && x.scope.id === id && x.period === period)!;

describe('the story with pull requests', () => {
  it('change sets: 25 commits → 4 pull requests (8 branch commits) + 17 single commits', () => {
    // 16 story commits + the June team-map commit + 4 PRs × (2 branch commits + 1 merge commit) = 29
    // commits in git; merge commits are no change of their own, so 29 − 4 = 25 commits, 17 alone.
    expect(withPrs.changeSets).toMatchObject({
      mode: 'auto',
      commits: 25,
      changeSets: 21,
      byKind: { pr: 4, merge: 0, commit: 17 },
      multiCommit: 4,
      prs: { source: 'github', exported: 4, matched: 4 },
    });
    // Without the export the same branches are merged branches.
    expect(without.changeSets).toMatchObject({ changeSets: 21, byKind: { pr: 0, merge: 4, commit: 17 } });
  });

  it('crossing in 2024-Q3: cross-team pull requests take 4× as long', () => {
    // Opened (createdAt) → merged: #31 08:00→19:00 = 11 h, #32 09:00→18:00 = 9 h (cross, median 10);
    // #33 09:00→12:00 = 3 h, #34 10:00→12:00 = 2 h (one team, median 2.5). 10 / 2.5 = 4.
    // People = writers ∪ reviewers: #31 cole sam eve = 3, #32 sam cole pia = 3; #33 cole cara sam = 3, #34 sam eve = 2.
    const q3 = row(withPrs, 'all', null, '2024-Q3');
    expect([q3.single, q3.cross, q3.ratio, q3.crossShare]).toEqual([
      { n: 2, medianHours: 2.5, people: 2.5 },
      { n: 2, medianHours: 10, people: 3 },
      4,
      0.5,
    ]);
    // Without the export a merged branch starts at its first commit: #31 09:00→19:00 = 10 h,
    // #32 10:00→18:00 = 8 h (median 9); #33 3 h, #34 2 h (2.5); 9 / 2.5 = 3.6; no reviewers, so
    // people are the writers only: cross 2 and 2, single 2 (cole, cara) and 1 (sam) → 1.5.
    const bare = row(without, 'all', null, '2024-Q3');
    expect([bare.single, bare.cross, bare.ratio]).toEqual([
      { n: 2, medianHours: 2.5, people: 1.5 },
      { n: 2, medianHours: 9, people: 2 },
      3.6,
    ]);
    // Per team: checkout's single change is #33 (3 h) → 10 / 3 = 3.33; search's is #34 (2 h) → 5.
    expect(row(withPrs, 'team', 'checkout', '2024-Q3').ratio).toBe(3.33);
    expect(row(withPrs, 'team', 'search', '2024-Q3').ratio).toBe(5);
    // Whole window: the only timed changes are the four PRs (lone commits have no start): same ratio;
    // 4 of 20 team changes cross (Q1's two two-team commits + #31 + #32) = 0.2.
    const all = row(withPrs, 'all', null, null);
    expect([all.single.n, all.cross.n, all.ratio, all.crossShare]).toEqual([16, 4, 4, 0.2]);
  });

  it('interactions: the service turned into deep imports, the collaboration expired, enablement facilitates', () => {
    const status = Object.fromEntries(withPrs.interactions!.map((i) => [`${i.a}|${i.b}`, [i.observed.mode, i.status]]));
    expect(status).toEqual({
      'checkout|enablement': ['facilitating', 'undeclared'],
      'checkout|platform': ['none', 'differs'],
      'checkout|search': ['collaboration', 'expired'],
      'enablement|platform': ['facilitating', 'undeclared'],
      'enablement|search': ['facilitating', 'matches'],
    });
    // checkout → platform at HEAD: cart.ts imports index.ts (public), pay.ts imports internal.ts: 2 imports, half public.
    const xaas = withPrs.interactions!.find((i) => i.a === 'checkout' && i.b === 'platform')!;
    expect([xaas.observed.evidence.importsAB, xaas.observed.evidence.publicApiShare]).toEqual([2, 0.5]);
  });

  it('coordination: the pull request reviews are coordination that happened', () => {
    // Reviews across teams (reviewer's team × writers' teams, once per PR): #31 eve → checkout, search;
    // #32 pia → checkout, search; #33 sam → checkout; #34 eve → search.
    const reviewed = (r: Report) =>
      Object.fromEntries(r.coordination!.pairs.map((p) => [`${p.a}|${p.b}`, [p.happened, p.evidence.reviewed]]));
    expect(reviewed(withPrs)).toEqual({
      'checkout|enablement': [true, 1],
      'checkout|platform': [true, 1],
      'checkout|search': [true, 1],
      'enablement|search': [true, 2],
      'platform|search': [true, 1],
    });
    // Without the export enablement's two needed pairs have no evidence at all.
    expect(without.coordination!.neededNotHappening).toEqual([
      { a: 'checkout', b: 'enablement' },
      { a: 'enablement', b: 'search' },
    ]);
    // With it every needed pair (checkout–enablement, checkout–search, enablement–search) happened.
    expect(withPrs.coordination!.neededNotHappening).toEqual([]);
    expect(withPrs.coordination!.teams.map((t) => [t.team, t.congruence])).toEqual([
      ['checkout', 1],
      ['enablement', 1],
      ['platform', null],
      ['search', 1],
    ]);
    expect(without.coordination!.teams.find((t) => t.team === 'checkout')!.congruence).toBe(0.5);
  });

  it('cluster fit: shop holds 4 of its 6 coupling links; base is all outside', () => {
    const fit = withPrs.clusterFit!;
    expect(fit.coupling.map((c) => [c.cluster, c.internal, c.external])).toEqual([
      ['shop', 4, 2],
      ['base', 0, 2],
    ]);
    expect(fit.outsideSize.map((c) => [c.cluster, c.teams])).toEqual([
      ['shop', 2],
      ['base', 2],
    ]);
  });

  it('scorecard: the crossing, congruence and interaction cells read the other sections', () => {
    const sc = withPrs.scorecard!;
    const q = (kind: 'teams' | 'clusters', id: string, period: string) =>
      sc[kind].find((t) => t.id === id)!.periods.find((p) => p.period === period)!;
    // Crossing cells = the crossing rows above.
    expect([
      q('teams', 'checkout', '2024-Q3').crossShare.value,
      q('teams', 'checkout', '2024-Q3').crossRatio.value,
    ]).toEqual([0.667, 3.33]);
    expect([
      q('clusters', 'shop', '2024-Q3').crossShare.value,
      q('clusters', 'shop', '2024-Q3').crossRatio.value,
    ]).toEqual([0.5, 4]);
    // Congruence per quarter: Q1 as in the story without PRs (checkout–search happened, checkout–enablement
    // did not: 1 / 2); Q3 has 4 change sets, fewer than the 5 linking sets a need takes: nothing needed, null.
    expect(q('teams', 'checkout', '2024-Q1').congruence.value).toBe(0.5);
    expect(q('clusters', 'shop', '2024-Q1').congruence.value).toBe(0.333);
    expect(q('teams', 'checkout', '2024-Q3').congruence.value).toBeNull();
    // Interaction statuses: checkout is in the undeclared facilitating, the broken service and the expired collaboration.
    expect(sc.teams.find((t) => t.id === 'checkout')!.interactions).toEqual({ undeclared: 1, differs: 1, expired: 1 });
  });
});
