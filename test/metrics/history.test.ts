// Every expected number is computed by hand from test/fixtures/model.ts (comments show how).
import { describe, expect, it } from 'vitest';
import { computeHistoryMetrics } from '../../analyzer/metrics/history';
import { DEFAULT_METRICS_OPTIONS } from '../../analyzer/metrics/input';
import { degreeOfAuthorship } from '../../analyzer/metrics/truck-factor';
import { LOOSE, tinyModel } from '../fixtures/model';

const m = computeHistoryMetrics(tinyModel(), LOOSE);
const file = (p: string) => m.files.find((f) => f.path === p)!;

describe('membership', () => {
  it('declared from the team map, otherwise inferred from the most-changed team', () => {
    expect(m.members.get('ann')).toMatchObject({ teams: ['a'], inferred: false, declared: ['a'] });
    expect(m.members.get('cat')).toMatchObject({ teams: ['b'], inferred: true, declared: [] }); // cat changed only b's z.ts
    expect(m.memberRows('b').map((r) => [r.person, r.inferred, r.ownShare])).toEqual([
      ['bob', false, undefined],
      ['cat', true, 1],
    ]);
  });
});

describe('per file', () => {
  it('counts changes, authors and lines; main author and team by lines added', () => {
    // x.ts: ann c1+c2 (+15), bob c3 (+2)
    expect(file('src/a/x.ts')).toMatchObject({
      changes: 3,
      authors: 2,
      linesAdded: 17,
      linesDeleted: 3,
      mainAuthor: 'ann',
      mainTeam: 'a',
    });
  });
  it('fragmentation 1 − Σ(n_t/N)² over teams: x.ts has a:2, b:1 → 1 − (4+1)/9', () => {
    expect(file('src/a/x.ts').fragmentation).toBe(0.4444);
    expect(file('src/b/z.ts').fragmentation).toBe(0); // bob and cat both count for b
    expect(file('README.md')).toMatchObject({ changes: 1, teams: [], mainTeam: 'b', fragmentation: 0 });
  });
  it('knowledge islands need ≥ 3 changes and ≥ 95% by one person', () => {
    expect(m.files.filter((f) => f.knowledgeIsland)).toEqual([]);
    const solo = computeHistoryMetrics(
      tinyModel({ commits: tinyModel().commits.map((c) => ({ ...c, author: 'ann' })) }),
      LOOSE,
    );
    expect(solo.files.filter((f) => f.knowledgeIsland).map((f) => f.path)).toEqual(['src/a/x.ts', 'src/b/z.ts']);
  });
});

describe('per team', () => {
  const a = m.teams.get('a')!;
  const b = m.teams.get('b')!;
  it('alignment: a got 4 changes (c1, c2×2, c3), 3 by ann → 0.75; b got 3, all by members → 1', () => {
    expect(a).toMatchObject({
      files: 2,
      changes: 4,
      commits: 3,
      linesAdded: 20,
      linesDeleted: 3,
      authors: 2,
      alignment: 0.75,
    });
    expect(b).toMatchObject({ files: 1, changes: 3, commits: 3, alignment: 1 });
  });
  it("delivery independence: ann's 2 commits stay in a → 1; of b's 3 member commits c3 also touches a → 2/3", () => {
    expect(a.deliveryIndependence).toBe(1);
    expect(b.deliveryIndependence).toBe(0.6667);
  });
  it("fragmentation of a's changes: a:3, b:1 → 1 − (9+1)/16", () => {
    expect(a.fragmentation).toBe(0.375);
  });
  it('truck factor by degree of authorship: ann authors x.ts and y.ts → 1', () => {
    // bob on x.ts: DOA = 3.293 + 0.164·1 − 0.321·ln 3 ≈ 3.104 < 3.293 → not an author
    expect(degreeOfAuthorship(false, 1, 2)).toBeCloseTo(3.1043, 3);
    expect(degreeOfAuthorship(true, 2, 1)).toBeCloseTo(4.4965, 3);
    expect(a).toMatchObject({ truckFactor: 1, truckFactorAuthors: ['ann'] });
    expect(b).toMatchObject({ truckFactor: 1, truckFactorAuthors: ['bob'] });
  });
  it('monthly trend', () => {
    expect(a.trend).toEqual([
      {
        month: '2024-01',
        changes: 3,
        commits: 2,
        alignment: 1,
        deliveryIndependence: 1,
        fragmentation: 0,
        aligned: 3,
        memberCommits: 2,
        independent: 2,
      },
      {
        month: '2024-02',
        changes: 1,
        commits: 1,
        alignment: 0,
        deliveryIndependence: null,
        fragmentation: 0,
        aligned: 0,
        memberCommits: 0,
        independent: 0,
      },
    ]);
  });
  it('a cluster is the union of its teams', () => {
    expect(m.clusters.get('money')).toMatchObject({ files: 3, changes: 7, alignment: 1, deliveryIndependence: 1 });
  });
});

describe('change coupling', () => {
  it('file pairs, code-maat degree = 100·shared / mean revs', () => {
    expect(m.coupling.files.map(({ a, b, shared, degree, commits }) => [a, b, shared, degree, commits])).toEqual([
      ['README.md', 'src/b/z.ts', 1, 50, ['c5']],
      ['src/a/x.ts', 'src/a/y.ts', 1, 50, ['c2']],
      ['src/a/x.ts', 'src/b/z.ts', 1, 33, ['c3']],
    ]);
  });
  it('default thresholds (5 revs, 5 shared, 30%) drop all of these; the changeset cap drops big commits', () => {
    expect(computeHistoryMetrics(tinyModel(), DEFAULT_METRICS_OPTIONS).coupling.files).toEqual([]);
    expect(computeHistoryMetrics(tinyModel(), { ...LOOSE, maxChangesetSize: 1 }).coupling.files).toEqual([]);
  });
  it('the changeset cap counts distinct files: a commit naming a file twice (after renames) is not "big"', () => {
    // c2 lists x.ts twice and y.ts once: 2 distinct files, so with a cap of 2 it still couples x and y.
    const commits = tinyModel().commits.map((c) =>
      c.sha === 'c2' ? { ...c, files: [...c.files, { path: 'src/a/x.ts', added: 1, deleted: 0 }] } : c,
    );
    const pairs = computeHistoryMetrics(tinyModel({ commits }), { ...LOOSE, maxChangesetSize: 2 }).coupling.files;
    expect(pairs.find((p) => p.a === 'src/a/x.ts' && p.b === 'src/a/y.ts')).toMatchObject({
      shared: 1,
      commits: ['c2'],
    });
  });
  it('team pairs: c3 touches a and b; each team has 3 commits → 33', () => {
    expect(m.coupling.teams).toEqual([
      { a: 'a', b: 'b', sharedCommits: 1, degree: 33, commits: ['c3'], revsA: 3, revsB: 3 },
    ]);
  });
});

describe('--fast (no line counts)', () => {
  it('falls back to changes for the main author and team', () => {
    const fast = tinyModel({
      commits: tinyModel().commits.map((c) => ({
        ...c,
        files: c.files.map((f) => ({ ...f, added: null, deleted: null })),
      })),
    });
    const r = computeHistoryMetrics(fast, LOOSE);
    expect(r.files.find((f) => f.path === 'src/a/x.ts')).toMatchObject({
      linesAdded: 0,
      mainAuthor: 'ann',
      mainTeam: 'a',
    });
  });
});

describe('declared modules', () => {
  it('aggregates files per module', () => {
    expect(m.declaredModules.map((d) => [d.id, d.files, d.changes, d.teams, d.mainTeam])).toEqual([
      ['.', 1, 1, [], 'b'],
      ['src/a', 2, 4, ['a'], 'a'],
      ['src/b', 1, 3, ['b'], 'b'],
    ]);
  });
});
