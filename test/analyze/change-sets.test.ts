// Change sets end to end on test/fixtures/merge-prs.ts; every expected number is worked out by
// hand from the fixture's story (its header comment).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import type { Report } from '../../analyzer/contract/report';
import { pct } from '../../analyzer/report/format';
import { renderHtml } from '../../analyzer/report/html';
import { renderMarkdown } from '../../analyzer/report/markdown';
import { mergePrsRepo, type MergePrsRepo } from '../fixtures/merge-prs';

let repo: MergePrsRepo;
let auto: Report;
let byCommit: Report;
const opts = { cache: false, now: () => new Date('2024-04-01T00:00:00Z'), metrics: { minSample: 0 } };
const shared = (r: Report) => r.coupling.teams.map((c) => [c.a, c.b, c.sharedCommits]);

beforeAll(async () => {
  repo = mergePrsRepo();
  auto = await analyzeRepo(repo.dir, opts);
  byCommit = await analyzeRepo(repo.dir, { ...opts, changeSets: 'commit' });
});
afterAll(() => repo.cleanup());

describe('change sets: merged pull requests', () => {
  it('commit by commit the two teams share 1 commit; change by change they share 4 (PRs #1–#3 and squash #9)', () => {
    expect(shared(byCommit)).toEqual([['api', 'web', 1]]);
    expect(shared(auto)).toEqual([['api', 'web', 4]]);
    // Evidence names one commit per change, one git can show: the three merge commits and the squash commit.
    expect(auto.coupling.teams[0].commits.sort()).toEqual([9, 1, 2, 3].map((n) => repo.merges.get(n)!).sort());
  });

  it('summarises the grouping: 12 commits → 5 merged branches, 1 squash PR, 1 single commit', () => {
    expect(auto.changeSets).toEqual({
      mode: 'auto',
      commits: 12,
      changeSets: 7,
      byKind: { pr: 1, merge: 5, commit: 1 },
      multiCommit: 5,
      prs: null,
    });
    expect(byCommit.changeSets).toMatchObject({ mode: 'commit', commits: 12, changeSets: 12 });
    expect(auto.notes).toContain(
      'change sets: 12 commits grouped into 7 changes (1 pull request, 5 merged branches, 1 single commit); change coupling and shared commits count changes (--change-sets commit: one per commit)',
    );
  });

  it("the squash commit's Reviewed-by trailer makes Ann a reviewer: 2 people", () => {
    const all = auto.crossing!.find((r) => r.scope.kind === 'all' && r.period === null)!;
    // cross: #1 #2 #3 (ann + bob) and #9 (bob, reviewed by ann): 2 people each.
    expect(all.cross.people).toBe(2);
  });
});

describe('crossing: cross-team changes take longer', () => {
  it('whole repository: cross 4 (timed 5, 7, 9 h → median 7), single 2 (2, 4 h → 3); small band ratio 7 / 3', () => {
    const all = auto.crossing!.find((r) => r.scope.kind === 'all' && r.period === null)!;
    expect(all.single).toEqual({ n: 2, medianHours: 3, people: 1 });
    expect(all.cross).toEqual({ n: 4, medianHours: 7, people: 2 });
    expect(all.ratio).toBe(2.33);
    expect(all.crossShare).toBe(0.667);
    expect(all.bands.map((b) => b.band)).toEqual(['small']);
    // git-hours: every cross-team commit opens a session (2 h each: ann ×3, bob ×3, bob's #9) = 14 h.
    expect(all.effort).toMatchObject({ hours: 14, engineerDays: 1.8, estimate: true });
    expect(all.cost).toBeUndefined();
  });

  it('per team: api never changes alone (share 1, no ratio); web is the whole story', () => {
    const api = auto.crossing!.find((r) => r.scope.id === 'api' && r.period === null)!;
    expect([api.single.n, api.cross.n, api.ratio, api.crossShare]).toEqual([0, 4, null, 1]);
    const web = auto.crossing!.find((r) => r.scope.id === 'web' && r.period === null)!;
    expect([web.single.n, web.cross.n, web.ratio]).toEqual([2, 4, 2.33]);
  });

  it('per quarter: every change merged in 2024-Q1', () => {
    expect(auto.crossing!.filter((r) => r.scope.kind === 'all').map((r) => [r.period, r.single.n, r.cross.n])).toEqual([
      [null, 2, 4],
      ['2024-Q1', 2, 4],
    ]);
  });

  it('commit mode has no elapsed times: lone commits say nothing of when their work started', () => {
    const all = byCommit.crossing!.find((r) => r.scope.kind === 'all' && r.period === null)!;
    expect([all.single.n, all.cross.n, all.single.medianHours, all.cross.medianHours, all.ratio]).toEqual([
      10,
      1,
      null,
      null,
      null,
    ]);
  });
});

describe('crossing: money only when conway.yml asks', () => {
  it('cost: 800 EUR per engineer day → 14 h / 8 × 800 = 1400 EUR on the cluster and repository rows, never on a team', async () => {
    const priced = mergePrsRepo({ cost: true });
    try {
      const r = await analyzeRepo(priced.dir, opts);
      const cluster = r.crossing!.find(
        (x) => x.scope.kind === 'cluster' && x.scope.id === 'product' && x.period === null,
      )!;
      expect(cluster.cost).toEqual({ amount: 1400, currency: 'EUR', perEngineerDay: 800, estimate: true });
      expect(r.crossing!.filter((x) => x.scope.kind === 'team').every((x) => x.cost === undefined)).toBe(true);
    } finally {
      priced.cleanup();
    }
  });
});

describe('--prs: a gh export matched by merge commit', () => {
  it("opened = createdAt, merged = mergedAt, reviewers = reviews' authors mapped to people", async () => {
    const sets = new Map<string, { reviewers: string[]; opened: number; kind: string }>();
    const r = await analyzeRepo(repo.dir, {
      ...opts,
      prs: join(__dirname, '..', 'fixtures', 'prs', 'gh-merge-prs.json'),
      onModel: ({ input }) => input.changeSets!.forEach((s) => sets.set(s.id, s)),
    });
    // 7 exported, #7 is not in this repository.
    expect(r.changeSets).toMatchObject({
      changeSets: 7,
      byKind: { pr: 6, merge: 0, commit: 1 },
      prs: { source: 'github', exported: 7, matched: 6 },
    });
    // bobstone opened #9 (bob's commit): his login is learned; carol-k wrote no commit: her login stays.
    expect(sets.get('#4')!.reviewers).toEqual(['bob@acme.io']);
    expect(sets.get('#2')!.reviewers).toEqual(['carol-k']);
    expect(sets.get('#9')!.reviewers).toEqual(['ann@acme.io']); // the trailer and the review: one person
    const all = r.crossing!.find((x) => x.scope.kind === 'all' && x.period === null)!;
    // cross #1 6 h, #2 7 h, #3 9 h, #9 13 h → median 8; people 2, 3, 2, 2 → 2.
    expect(all.cross).toEqual({ n: 4, medianHours: 8, people: 2 });
    // single #4 2 h (ann + bob reviewing), #5 4 h (ann) → median 3; people 2, 1 → 1.5.
    expect(all.single).toEqual({ n: 2, medianHours: 3, people: 1.5 });
    expect(all.ratio).toBe(2.67);
  });

  it('--change-sets commit ignores nothing silently: the CLI refuses --prs with it', async () => {
    const { toAnalyzeOptions } = await import('../../analyzer/cli/analysis-options');
    expect(() => toAnalyzeOptions({ 'change-sets': 'commit', prs: 'prs.json' }, '/')).toThrow(
      /--prs needs --change-sets auto/,
    );
    expect(() => toAnalyzeOptions({ 'change-sets': 'pr' }, '/')).toThrow(/--change-sets pr: expected auto/);
  });
});

describe('change sets from the cache', () => {
  it('a warm run (history and merges read from the cache) groups and times exactly as a cold one', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'conway-change-sets-cache-'));
    try {
      const cold = await analyzeRepo(repo.dir, { ...opts, cache: true, cacheDir });
      const warm = await analyzeRepo(repo.dir, { ...opts, cache: true, cacheDir });
      expect(warm.changeSets).toEqual(auto.changeSets);
      expect(warm.crossing).toEqual(auto.crossing);
      expect(cold.crossing).toEqual(auto.crossing);
      expect(readdirSync(join(cacheDir, 'history')).length).toBe(2); // the commits and the merge groups
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});

describe('Crossing boundaries in the Markdown and HTML reports', () => {
  it('one row per scope with the numbers above; money only with cost', () => {
    const md = renderMarkdown(auto);
    expect(md).toContain('## Crossing boundaries');
    const row = md.split('\n').find((l) => l.startsWith('| whole repository |'));
    expect(row).toBe(`| whole repository | 6 | 4 (${pct(0.667)}) | 3 → 7 | 2.33× | 1 → 2 | 14 h ≈ 1.8 engineer days |`);
    expect(md).not.toContain('cost (estimate)');
    expect(renderHtml(auto)).toContain('<h2>Crossing boundaries</h2>');
  });
});
