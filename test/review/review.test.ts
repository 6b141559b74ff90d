// `conway review` on real repositories built in temp dirs (test/fixtures/review.ts): approvals
// from the base's CODEOWNERS with renames, deletions and owner-less rules, affected teams through
// re-exports, edges and violations added and removed, suggested reviewers, staged and
// work-tree changes, GitLab sections with approval counts.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reviewChange } from '../../analyzer/review';
import { reviewRepo } from '../fixtures/review';
import { ANN, BOB, CAT } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const { repoOf, tempDir } = scratch();

describe('reviewChange on a feature branch (GitHub)', () => {
  it('requires the base CODEOWNERS owners of every changed path; renames need both owners, owner-less rules nobody', async () => {
    const repo = reviewRepo(repoOf);
    const r = await reviewChange(repo.dir, { base: 'main', cacheDir: tempDir() });
    expect(r.base).toBe(repo.git('rev-parse', 'main').trim());
    expect(r.head).toBe(repo.git('rev-parse', 'feature').trim());
    expect(r.approvals.map((a) => [a.owners, a.files, a.rules.map((x) => x.line)])).toEqual([
      [['@acme/payments'], ['payments/charge.ts', 'payments/refund.ts'], [2]],
      [['@acme/platform'], ['CODEOWNERS'], [1]],
      // the change adds `/search/refund.ts @acme/web`; GitHub reads the base's CODEOWNERS, so search decides
      [['@acme/search'], ['search/refund.ts'], [3]],
      [['@acme/web'], ['web/app.ts', 'web/checkout.ts'], [4]],
    ]);
    const renamed = r.files.find((f) => f.path === 'search/refund.ts')!;
    expect(renamed).toMatchObject({
      status: 'renamed',
      oldPath: 'payments/refund.ts',
      owners: ['@acme/search'],
      previous: { owners: ['@acme/payments'], teams: ['payments'] },
    });
    expect(r.files.find((f) => f.path === 'web/generated/api.ts')).toEqual({
      path: 'web/generated/api.ts',
      status: 'deleted',
      owners: [],
      teams: [],
      rule: { line: 5, pattern: '/web/generated/' },
    });
  });

  it('affected teams: importers of a changed file, also through a public index that re-exports it', async () => {
    const repo = reviewRepo(repoOf);
    const r = await reviewChange(repo.dir, { base: 'main', cacheDir: tempDir() });
    expect(r.affectedTeams).toEqual([
      {
        team: 'search',
        via: [{ file: 'search/query.ts', line: 1, target: 'payments/index.ts', changed: 'payments/charge.ts' }],
      },
      {
        team: 'web',
        via: [{ file: 'web/checkout.ts', line: 1, target: 'payments/charge.ts', changed: 'payments/charge.ts' }],
      },
    ]);
  });

  it('edges between teams added and removed, violations new and fixed by fingerprint, independence before and after', async () => {
    const repo = reviewRepo(repoOf);
    const r = await reviewChange(repo.dir, { base: 'main', cacheDir: tempDir() });
    expect(r.edges).toEqual({
      added: [{ from: 'web', to: 'payments', file: 'web/checkout.ts', line: 1, target: 'payments/charge.ts' }],
      removed: [{ from: 'web', to: 'search', file: 'web/app.ts', line: 1, target: 'search/query.ts' }],
    });
    expect(r.violations.new.map((v) => [v.kind, v.file, v.target])).toEqual([
      ['deep-import', 'web/checkout.ts', 'payments/charge.ts'],
    ]);
    expect(r.violations.fixed.map((v) => [v.kind, v.file, v.target])).toEqual([
      ['deep-import', 'web/app.ts', 'search/query.ts'],
    ]);
    // the same fingerprints `conway analyze` gives the violation on the base
    repo.git('checkout', '-q', 'main');
    const { analyzeRepo } = await import('../../analyzer/analyze');
    const before = await analyzeRepo(repo.dir, { cacheDir: tempDir() });
    expect(before.violations.map((v) => v.fingerprint)).toContain(r.violations.fixed[0].fingerprint);
    expect(r.independence.find((x) => x.team === 'payments')).toEqual({ team: 'payments', base: 1, head: 1 });
  });

  it("suggests recent authors of each team's changed files who belong to the team, never the change's author", async () => {
    const repo = reviewRepo(repoOf);
    const r = await reviewChange(repo.dir, { base: 'main', cacheDir: tempDir() });
    const people = new Map(r.reviewers.map((x) => [x.team, x.people.map((p) => p.person)]));
    expect(people.get('payments')).toEqual(['ann@acme.io']); // bob edited refund.ts but is in search
    expect(people.get('search')).toEqual(['bob@acme.io']); // the renamed file's history under its old name
    expect(people.get('web')).toEqual([]); // cat wrote the change
  });
});

describe('reviewChange with a review group', () => {
  it("a catch-all approver pool on every rule is required, and its suggestions are the files' recent authors, said as such", async () => {
    const rules = '/pay/ @acme/approvers @acme/pay\n/web/ @acme/approvers @acme/web\n/api/ @acme/approvers @acme/api\n';
    const repo = repoOf([
      {
        author: CAT,
        files: {
          CODEOWNERS: rules,
          'pay/a.ts': 'export const a = 1;\n',
          'web/b.ts': 'export const b = 1;\n',
          'api/c.ts': 'export const c = 1;\n',
        },
      },
      { author: BOB, files: { 'pay/a.ts': 'export const a = 2;\n' } },
    ]);
    repo.git('checkout', '-q', '-b', 'change');
    repo.commit({ author: ANN, files: { 'pay/a.ts': 'export const a = 3;\n' } });
    const r = await reviewChange(repo.dir, { base: 'main', cacheDir: tempDir() });
    expect(r.approvals.map((a) => a.owners)).toEqual([['@acme/approvers', '@acme/pay']]);
    const pool = r.reviewers.find((x) => x.team === '@acme/approvers')!;
    expect(pool.basis).toBe('recent-authors');
    expect(pool.people.map((p) => p.person)).toEqual(['bob@acme.io', 'cat@acme.io']); // Ann wrote the change
    expect(r.reviewers.find((x) => x.team === '@acme/pay')!.basis).toBe('members');
    expect(r.independence.map((x) => x.team)).toEqual(['@acme/pay']); // the pool delivers nothing
  });
});

describe('reviewChange on staged and work-tree changes', () => {
  it('--staged: a staged deletion of an owned file needs its owners; the work tree is not looked at', async () => {
    const repo = reviewRepo(repoOf);
    repo.git('checkout', '-q', 'main');
    repo.git('rm', '-q', 'payments/refund.ts');
    writeFileSync(join(repo.dir, 'web/app.ts'), "import { charge } from '../payments/charge';\n"); // unstaged: ignored
    const r = await reviewChange(repo.dir, { mode: 'staged', cacheDir: tempDir() });
    expect(r.head).toBe('index');
    expect(r.files.map((f) => [f.path, f.status])).toEqual([['payments/refund.ts', 'deleted']]);
    expect(r.approvals.map((a) => [a.owners, a.files])).toEqual([[['@acme/payments'], ['payments/refund.ts']]]);
    expect(r.violations.new).toEqual([]);
  });

  it('--working-tree: an untracked file with a cross-team deep import is a new edge and violation', async () => {
    const repo = reviewRepo(repoOf);
    repo.git('checkout', '-q', 'main');
    writeFileSync(
      join(repo.dir, 'search/pay.ts'),
      "import { charge } from '../payments/charge';\nexport const p = charge;\n",
    );
    const r = await reviewChange(repo.dir, { mode: 'working-tree', cacheDir: tempDir() });
    expect(r.files.map((f) => [f.path, f.status, f.teams])).toEqual([['search/pay.ts', 'added', ['search']]]);
    expect(r.edges.added).toEqual([
      { from: 'search', to: 'payments', file: 'search/pay.ts', line: 1, target: 'payments/charge.ts' },
    ]);
    expect(r.violations.new.map((v) => v.file)).toEqual(['search/pay.ts']);
    expect(r.affectedTeams).toEqual([]); // nobody imports the new file yet
  });
});

describe('reviewChange with GitLab sections', () => {
  it("one approval group per section and owners, with the section's approval count; ^optional sections listed as optional", async () => {
    const repo = repoOf([
      {
        files: {
          CODEOWNERS: [
            '[Backend][2] @acme/backend',
            '/api/',
            '',
            '^[Docs] @acme/docs',
            '*.md',
            '',
            '[Security] @sec-lead',
            '/api/auth/',
            '!/api/auth/README.md',
            '',
          ].join('\n'),
          'api/auth/login.ts': 'export const login = 1;\n',
          'api/README.md': '# api\n',
          'api/auth/README.md': '# auth\n',
        },
      },
    ]);
    repo.git('checkout', '-q', '-b', 'change');
    repo.commit({
      author: BOB,
      files: {
        'api/auth/login.ts': 'export const login = 2;\n',
        'api/README.md': '# API\n',
        'api/auth/README.md': '# Auth\n',
      },
    });
    const r = await reviewChange(repo.dir, { base: 'main', flavor: 'gitlab', cacheDir: tempDir() });
    expect(
      r.approvals.map((a) => ({
        section: a.section,
        owners: a.owners,
        approvals: a.approvals,
        optional: a.optional,
        files: a.files,
      })),
    ).toEqual([
      {
        section: 'Backend',
        owners: ['@acme/backend'],
        approvals: 2,
        optional: false,
        files: ['api/README.md', 'api/auth/README.md', 'api/auth/login.ts'],
      },
      { section: 'Security', owners: ['@sec-lead'], approvals: 1, optional: false, files: ['api/auth/login.ts'] },
      {
        section: 'Docs',
        owners: ['@acme/docs'],
        approvals: 1,
        optional: true,
        files: ['api/README.md', 'api/auth/README.md'],
      },
    ]);
  });
});
