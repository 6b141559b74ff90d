// Teams and membership on real repositories built in temp dirs: review groups
// (a catch-all approvers team beside every product team; a reviewers pool on every line),
// delivery teams, joint ownership, person owners listed together, multi-team inferred
// membership, and drift that says its membership was inferred.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import { INFERRED_MEMBERSHIP } from '../../analyzer/report/format';
import type { Report } from '../../analyzer/contract/report';
import { ANN, BOB, CAT, makeRepo, type Person, type Repo } from '../fixtures/repo';

const DAN: Person = { name: 'Dan Wu', email: 'dan@acme.io' };
const repos: Repo[] = [];
afterAll(() => repos.forEach((r) => r.cleanup()));

async function analyze(
  codeowners: string,
  commits: [Person, string[]][],
  files: Record<string, string> = {},
): Promise<Report> {
  const repo = makeRepo([
    { author: ANN, files: { CODEOWNERS: codeowners, ...files } },
    ...commits.map(([author, paths], i) => ({
      author,
      files: Object.fromEntries(paths.map((p) => [p, `// ${i}\n${files[p] ?? ''}`])),
    })),
  ]);
  repos.push(repo);
  return analyzeRepo(repo.dir, { cache: false, metrics: { minSample: 1 } }); // tiny histories: every component has data
}
const team = (r: Report, id: string) => r.teams.find((t) => t.id === id)!;
const pairs = (r: Report) => r.coupling.teams.map((c) => `${c.a} ~ ${c.b}`);

// Shape seen in open-telemetry/opentelemetry-js-contrib: `* @approvers`, then each product rule with the approvers beside it.
const CATCH_ALL = '* @acme/approvers\n/web/ @acme/web @acme/approvers\n/api/ @acme/api @acme/approvers\n';
// A reviewers pool added to every line, no catch-all.
const POOL = '/web/ @acme/web @acme/reviewers\n/api/ @acme/api @acme/reviewers\n';
const WORK: [Person, string[]][] = [
  [BOB, ['web/a.ts', 'api/b.ts']],
  [BOB, ['web/a.ts']],
  [CAT, ['api/b.ts', 'tools/x.ts']],
];

describe('review groups', () => {
  let catchAll: Report;
  let pool: Report;
  beforeAll(async () => {
    catchAll = await analyze(CATCH_ALL, WORK);
    pool = await analyze(POOL, WORK);
  });

  it('a catch-all approvers team listed beside every product team is a review group; the product teams are teams', () => {
    expect(catchAll.teams.map((t) => [t.id, t.role])).toEqual([
      ['@acme/approvers', 'review-group'],
      ['@acme/web', 'team'],
      ['@acme/api', 'team'],
    ]);
  });

  it('a reviewers pool on every line is a review group', () => {
    expect(pool.teams.map((t) => [t.id, t.role])).toEqual([
      ['@acme/web', 'team'],
      ['@acme/reviewers', 'review-group'],
      ['@acme/api', 'team'],
    ]);
  });

  it('is never a coupling partner: only the delivery teams couple', () => {
    expect(pairs(catchAll)).toEqual(['@acme/api ~ @acme/web']);
    expect(pairs(pool)).toEqual(['@acme/api ~ @acme/web']);
  });

  it('is listed with its share of approvals, not scored for delivery, and has no inferred members', () => {
    // owned changes: CODEOWNERS (approvers only) + 2 + 1 + 2 (tools/x.ts: approvers only) = 6, all need the approvers
    expect(team(catchAll, '@acme/approvers')).toMatchObject({
      approvalShare: 1,
      members: [],
      alignment: null,
      autonomy: { deliveryIndependence: null, ownershipIntegrity: null },
    });
    // pool: 2 + 1 + 1 = 4 owned changes, all under /web/ or /api/
    expect(team(pool, '@acme/reviewers').approvalShare).toBe(1);
  });

  it('never owns or takes over a file in drift: a file only the review group owns has no delivery team', async () => {
    const r = await analyze(CATCH_ALL, [
      [BOB, ['tools/x.ts']],
      [BOB, ['tools/x.ts']],
      [BOB, ['tools/x.ts']],
      [BOB, ['web/a.ts']],
    ]);
    expect(r.violations.filter((v) => v.kind === 'ownership-drift')).toEqual([]);
    expect(r.teams.find((t) => t.id === '@acme/web')!.members.map((m) => m.person)).toEqual(['bob@acme.io']);
  });

  it('a team map can declare the role', async () => {
    const r = await analyze('/web/ @acme/web\n/api/ @acme/api @acme/qa\n', WORK, {
      'conway.yml': 'teams:\n  qa:\n    owners: ["@acme/qa"]\n    role: review-group\n',
    });
    expect(r.teams.map((t) => [t.id, t.role])).toEqual([
      ['qa', 'review-group'],
      ['@acme/web', 'team'],
      ['@acme/api', 'team'],
    ]);
  });
});

describe('joint ownership', () => {
  let r: Report;
  beforeAll(async () => {
    r = await analyze(
      '/web/ @acme/web\n/api/ @acme/api\n/shared/ @acme/web @acme/api\n',
      [
        [BOB, ['shared/s.ts', 'web/a.ts']],
        [CAT, ['shared/s.ts', 'api/b.ts']],
        [BOB, ['web/a.ts', 'api/b.ts']],
      ],
      {
        'shared/s.ts': 'export const s = 1;\n',
        'web/a.ts': "import { s } from '../shared/s';\nimport { b } from '../api/b';\nexport const a = s + b;\n",
        'api/b.ts': "import { s } from '../shared/s';\nexport const b = s;\n",
      },
    );
  });

  it('a jointly owned file belongs to each team', () => {
    expect(r.files.find((f) => f.path === 'shared/s.ts')!.teams).toEqual(['@acme/web', '@acme/api']);
    expect([team(r, '@acme/web').files, team(r, '@acme/api').files]).toEqual([2, 2]);
  });

  it('a commit between a team file and a jointly owned file is internal: only commits across web and api couple them', () => {
    // the first commit (adding web/a.ts and api/b.ts) and Bob's last one; not Bob's or Cat's shared/ commits
    expect(r.coupling.teams).toEqual([expect.objectContaining({ a: '@acme/api', b: '@acme/web', sharedCommits: 2 })]);
    expect(r.coupling.teams[0].commits).toHaveLength(2);
  });

  it('an import of a jointly owned file is internal (no static coupling, no deep import); an import across teams is not', () => {
    expect(r.coupling.static.map((s) => [s.from, s.to, s.edges])).toEqual([['@acme/web', '@acme/api', 1]]);
    expect(r.violations.filter((v) => v.kind === 'deep-import').map((v) => [v.file, v.target])).toEqual([
      ['web/a.ts', 'api/b.ts'],
    ]);
  });
});

describe('person owners listed together', () => {
  it('form one implicit team named after its directory, with each person as a declared member — no 100% coupling between them', async () => {
    const r = await analyze(
      '/web/ @acme/web\n/packages/auth/ @ann-gh @Bob-GH\n/packages/auth/legacy/ @ann-gh @bob-gh\n',
      [
        [
          { name: 'Ann Lee', email: '1+ann-gh@users.noreply.github.com' },
          ['packages/auth/a.ts', 'packages/auth/legacy/b.ts'],
        ],
        [{ name: 'Bob Stone', email: 'bob-gh@acme.io' }, ['packages/auth/a.ts']],
      ],
    );
    expect(r.teams.map((t) => [t.id, t.name, t.membership])).toEqual([
      ['@acme/web', '@acme/web', 'inferred'],
      ['@ann-gh+@Bob-GH', 'packages/auth', 'declared'],
    ]);
    expect(team(r, '@ann-gh+@Bob-GH').members.map((m) => [m.person, m.inferred])).toEqual([
      ['ann-gh', false],
      ['bob-gh', false],
    ]);
    expect(r.coupling.teams).toEqual([]);
  });

  it("a team map names the group by listing its persons as one team's owners (any case): they stay its declared members", async () => {
    const r = await analyze(
      '/packages/auth/ @ann-gh @Bob-GH\n',
      [[{ name: 'Bob Stone', email: 'bob-gh@acme.io' }, ['packages/auth/a.ts']]],
      {
        'conway.yml': 'teams:\n  auth:\n    owners: ["@ANN-GH", "@bob-gh"]\n',
      },
    );
    expect(r.teams.map((t) => [t.id, t.membership])).toEqual([['auth', 'declared']]);
    expect(r.teams[0].members.map((m) => [m.person, m.inferred])).toEqual([['bob-gh', false]]);
    expect(r.files.find((f) => f.path === 'packages/auth/a.ts')!.teams).toEqual(['auth']);
  });
});

describe('inferred membership', () => {
  const EVE: Person = { name: 'Eve Moss', email: 'eve@acme.io' };
  const KIM: Person = { name: 'Kim Ode', email: 'kim@acme.io' };
  let r: Report;
  beforeAll(async () => {
    r = await analyze('/web/ @acme/web\n/api/ @acme/api\n/ui/ @acme/ui\n', [
      // Cat: 3 changes to web, 2 to api → 60% / 40% of her changes: a member of both.
      [CAT, ['web/a.ts', 'web/b.ts', 'web/c.ts']],
      [CAT, ['api/a.ts', 'api/b.ts']],
      // Eve: 10 changes to web.
      ...Array.from({ length: 5 }, (): [Person, string[]] => [EVE, ['web/a.ts', 'web/b.ts']]),
      // Dan: 10 changes to api, 3 to web/d.ts (23% of his, 3 of web's 16) → api only; Dan alone changes web/d.ts: drift.
      ...Array.from({ length: 5 }, (): [Person, string[]] => [DAN, ['api/a.ts', 'api/b.ts']]),
      ...Array.from({ length: 3 }, (): [Person, string[]] => [DAN, ['web/d.ts']]),
      // Kim: every one of ui's 4 changes, yet only 4 of her 24 (17%); 20 to api → api only.
      ...Array.from({ length: 4 }, (): [Person, string[]] => [KIM, ['ui/x.ts']]),
      ...Array.from({ length: 10 }, (): [Person, string[]] => [KIM, ['api/a.ts', 'api/b.ts']]),
    ]);
  });

  it('puts a person in every team that received at least 25% of their own changes, with the share and the counts', () => {
    const cat = (id: string) => team(r, id).members.find((m) => m.person === 'cat@acme.io');
    expect(cat('@acme/web')).toMatchObject({ inferred: true, ownShare: 0.6, teamChanges: 3, ownChanges: 5 });
    expect(cat('@acme/api')).toMatchObject({ inferred: true, ownShare: 0.4, teamChanges: 2, ownChanges: 5 });
    expect(team(r, '@acme/web').members.map((m) => m.person)).not.toContain('dan@acme.io');
    expect(r.people!.find((p) => p.id === 'cat@acme.io')!.teams).toEqual(['@acme/web', '@acme/api']);
    expect(r.teams.map((t) => t.membership)).toEqual(['inferred', 'inferred', 'inferred']);
  });

  it("membership follows the person's own work: making all of a team's changes, but 17% of one's own, is not membership", () => {
    expect(team(r, '@acme/ui').members).toEqual([]);
    expect(r.people!.find((p) => p.id === 'kim@acme.io')!.teams).toEqual(['@acme/api']);
  });

  it('drift measured against inferred members says so', () => {
    const drift = r.violations.filter((v) => v.kind === 'ownership-drift');
    // ui/x.ts: all its changes are Kim's, and Kim works for api (ui is 17% of her work).
    expect(drift.map((v) => [v.file, v.fromTeam, v.toTeam])).toEqual([
      ['ui/x.ts', '@acme/ui', '@acme/api'],
      ['web/d.ts', '@acme/web', '@acme/api'],
    ]);
    expect(drift[0].message).toContain(`(${INFERRED_MEMBERSHIP})`);
  });
});
