// conway analyze end to end on test/fixtures/boundaries.ts; expected values computed by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import type { Report } from '../../analyzer/contract/report';
import { boundariesRepo } from '../fixtures/boundaries';
import type { Repo } from '../fixtures/repo';

let repo: Repo;
let r: Report;
const team = (id: string) => r.teams.find((t) => t.id === id)!;

beforeAll(async () => {
  repo = boundariesRepo();
  // minSample 0: these tests check the formulas on a tiny history; the minimum itself is tested in windows.test.ts.
  r = await analyzeRepo(repo.dir, {
    cache: false,
    now: () => new Date('2024-03-01T00:00:00Z'),
    metrics: { minSample: 0 },
  });
});
afterAll(() => repo.cleanup());

describe('analyze: report frame', () => {
  it('describes the repository and window', () => {
    expect(r.schemaVersion).toBe(4);
    expect(r.repo).toMatchObject({ branch: 'main', codeowners: 'CODEOWNERS', teamMap: 'conway.yml', shallow: false });
    // The default window: the 12 months before HEAD's commit date (2024-02-…).
    const [first, last] = [
      repo.git('rev-list', '--max-parents=0', 'HEAD').trim(),
      repo.git('rev-parse', 'HEAD').trim(),
    ];
    const headDay = repo.git('show', '-s', '--format=%cI', 'HEAD').slice(0, 10);
    expect(r.window).toMatchObject({
      since: `${Number(headDay.slice(0, 4)) - 1}${headDay.slice(4)}`,
      until: null,
      commits: 4,
      mode: 'numstat',
    });
    expect([r.window.first?.sha, r.window.last?.sha]).toEqual([first, last]);
    expect(r.graph).toMatchObject({
      files: 7,
      edges: 6,
      edgesByKind: { reexport: 2, static: 4 },
      unresolved: 0,
      parseErrors: 0,
    });
  });
});

describe('analyze: coupling', () => {
  it('static coupling per ordered team pair', () => {
    expect(r.coupling.static.map((s) => [s.from, s.to, s.edges])).toEqual([
      ['billing', 'core', 1],
      ['core', 'billing', 1],
      ['web', 'billing', 1],
    ]);
    expect([team('billing'), team('core'), team('web')].map((t) => [t.afferent, t.efferent, t.instability])).toEqual([
      [2, 1, 0.3333],
      [1, 1, 0.5],
      [0, 1, 1],
    ]);
  });
  it('team change coupling: c1 touches all three; web has 4 commits', () => {
    expect(r.coupling.teams.map((c) => [c.a, c.b, c.sharedCommits, c.degree])).toEqual([
      ['billing', 'core', 1, 100],
      ['billing', 'web', 1, 40],
      ['core', 'web', 1, 40],
    ]);
  });
});

describe('analyze: autonomy', () => {
  it('billing: delivery 0 (c1 touched other teams), integrity 1, dependency 1/2 → 50', () => {
    expect(team('billing').autonomy).toEqual({
      score: 50,
      deliveryIndependence: 0,
      ownershipIntegrity: 1,
      dependencyIndependence: 0.5,
    });
  });
  it('core: bob only edits web → delivery 0; ann made its changes → integrity 0; imports fine → 33.3', () => {
    expect(team('core').autonomy).toEqual({
      score: 33.3,
      deliveryIndependence: 0,
      ownershipIntegrity: 0,
      dependencyIndependence: 1,
    });
  });
  it("web: cat's commit stays in web → 1; 1 of 5 changes by cat → 0.2; its only import is deep → 0 → 40", () => {
    expect(team('web').autonomy).toEqual({
      score: 40,
      deliveryIndependence: 1,
      ownershipIntegrity: 0.2,
      dependencyIndependence: 0,
    });
  });
  it('cluster money = billing ∪ core', () => {
    expect(r.clusters).toMatchObject([
      {
        id: 'money',
        teams: ['billing', 'core'],
        autonomy: { score: 66.7, deliveryIndependence: 0, ownershipIntegrity: 1, dependencyIndependence: 1 },
      },
    ]);
    expect(Object.keys(r.clusters[0])).toEqual(['id', 'teams', 'autonomy', 'counts']);
  });
  it('members come from the team map (email or git name)', () => {
    expect(team('core').members.map((m) => [m.person, m.inferred])).toEqual([['bob@acme.io', false]]);
  });
});

describe('analyze: violations', () => {
  it('finds every kind at the right place', () => {
    expect(r.violations.map((v) => [v.kind, v.file, v.line, v.fromTeam, v.toTeam, v.target])).toEqual([
      ['invalid-codeowners', 'CODEOWNERS', 4, null, null, expect.stringContaining('negation')],
      ['deep-import', 'billing/charge.ts', 1, 'billing', 'core', 'core/db/internal.ts'],
      ['team-cycle', 'billing/charge.ts', 1, 'billing', 'core', 'billing ↔ core'],
      ['unowned', 'scripts/tool.ts', 1, null, null, null],
      ['deep-import', 'web/app.ts', 1, 'web', 'billing', 'billing/charge.ts'],
      ['forbidden-dependency', 'web/app.ts', 1, 'web', 'billing', 'billing/charge.ts'],
      ['ownership-drift', 'web/page.ts', 1, 'web', 'core', null],
    ]);
  });
  it('says what to do', () => {
    const msg = (kind: string) => r.violations.find((v) => v.kind === kind)!.message;
    expect(msg('deep-import')).toBe(
      "imports core/db/internal.ts, an internal file of team core: import from core's public API (core/index.ts) instead, or ask core to make this file public (publicApi in conway.yml)",
    );
    expect(msg('forbidden-dependency')).toBe(
      'team web may not depend on team billing (dependsOn: none): remove the import, or add billing to web.dependsOn in conway.yml',
    );
    expect(msg('team-cycle')).toBe(
      'teams billing, core depend on each other in a cycle (2 team dependencies). Cut billing → core (1 import, e.g. billing/charge.ts:1): move that code to the imported team or invert the dependency',
    );
    expect(msg('ownership-drift')).toBe(
      'declared owner web made 0% of the 3 changes in the window, team core made 67%: make core the owner (`/web/page.ts @acme/core` in CODEOWNERS) or hand the work back',
    );
  });
  it('fingerprints survive edits that move lines', async () => {
    repo.commit({
      author: { name: 'Cat Park', email: 'cat@acme.io' },
      date: '2024-02-05T10:00:00Z',
      files: {
        'web/app.ts': "// moved down\n\nimport { charge } from '../billing/charge';\nexport const app = charge + 2;\n",
      },
    });
    const again = await analyzeRepo(repo.dir, { cache: false });
    const deep = (rep: Report) => rep.violations.find((v) => v.kind === 'deep-import' && v.file === 'web/app.ts')!;
    expect(deep(again).line).toBe(3);
    expect(deep(again).fingerprint).toBe(deep(r).fingerprint);
  });
});
