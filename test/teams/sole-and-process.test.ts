// Roles follow what a team does (teams/sole.ts, teams/process-paths.ts), on built repositories:
// a platform team that alone owns a substantial part of the code is a delivery team even though
// it is listed beside every product team elsewhere; a pool that owns only `.changeset/` is no
// delivery team and couples nobody; changesets count for no one's membership.
import { describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import { isProcessRule } from '../../analyzer/model/process-paths';
import type { Report } from '../../analyzer/contract/report';
import { BOB, CAT, type FixtureCommit, type Person } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const { repoOf } = scratch('conway-roles-');
const PAT: Person = { name: 'Pat Kim', email: 'pat@acme.io' };
const team = (r: Report, id: string) => r.teams.find((t) => t.id === id)!;
const pairs = (r: Report) => r.coupling.teams.map((c) => `${c.a} ~ ${c.b}`);
const analyze = (history: FixtureCommit[]) =>
  analyzeRepo(repoOf(history).dir, { cache: false, imports: false, metrics: { minSample: 1 } });

describe('a sole owner of a substantial part of the code delivers', () => {
  // platform: alone on 3 packages (24 files), beside web, api and docs on their rules.
  const CODEOWNERS =
    '/packages/ @acme/platform\n/web/ @acme/web @acme/platform\n/api/ @acme/api @acme/platform\n/docs/ @acme/docs @acme/platform\n';
  const pkgs = Object.fromEntries(
    ['a', 'b', 'c'].flatMap((p) => Array.from({ length: 8 }, (_, i) => [`packages/${p}/f${i}.ts`, '1'])),
  );
  const history: FixtureCommit[] = [
    { files: { CODEOWNERS, ...pkgs, 'web/a.ts': '1', 'api/a.ts': '1', 'docs/a.md': '1' } },
    ...Array.from({ length: 6 }, (_, i) => ({ author: PAT, files: { [`packages/a/f${i}.ts`]: `${i}` } })),
    ...Array.from({ length: 3 }, (_, i) => ({ author: BOB, files: { 'web/a.ts': `${i}` } })),
  ];

  it('is a team that also reviews, with members of its own', async () => {
    const r = await analyze(history);
    expect(team(r, '@acme/platform')).toMatchObject({ role: 'team', alsoReviews: true });
    // Ann's first commit added the packages; Bob's web changes count for web alone: there platform approves.
    expect(team(r, '@acme/platform').members.map((m) => m.person)).toEqual(['ann@acme.io', 'pat@acme.io']);
    expect(team(r, '@acme/web').members.map((m) => m.person)).toEqual(['bob@acme.io']);
    expect(team(r, '@acme/web')).toMatchObject({ role: 'team' });
    expect(team(r, '@acme/web').alsoReviews).toBeUndefined();
  });

  it('below the threshold (fewer than 20 files alone) it stays a review group', async () => {
    const small = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`packages/a/f${i}.ts`, '1']));
    const r = await analyze([
      { files: { CODEOWNERS, ...small, 'web/a.ts': '1', 'api/a.ts': '1', 'docs/a.md': '1' } },
      ...history.slice(1, 4),
    ]);
    expect(team(r, '@acme/platform')).toMatchObject({ role: 'review-group' });
  });
});

describe('process paths count like lockfiles', () => {
  const CODEOWNERS = '/web/ @acme/web\n/api/ @acme/api\n/.changeset/ @acme/pool\n';
  const history: FixtureCommit[] = [
    { files: { CODEOWNERS, '.changeset/config.json': '{}' } },
    ...Array.from({ length: 6 }, (_, i) => ({
      author: BOB,
      files: { 'web/a.ts': `${i}`, [`.changeset/bob-${i}.md`]: 'patch' },
    })),
    ...Array.from({ length: 6 }, (_, i) => ({
      author: CAT,
      files: { 'api/a.ts': `${i}`, [`.changeset/cat-${i}.md`]: 'patch' },
    })),
  ];

  it('a pool that owns only `.changeset/` couples nobody, takes no members and leaves delivery independence whole', async () => {
    const r = await analyze(history);
    expect(pairs(r)).toEqual([]);
    expect(team(r, '@acme/pool').members).toEqual([]);
    expect(team(r, '@acme/web').autonomy.deliveryIndependence).toBe(1);
    expect(team(r, '@acme/web').members).toEqual([
      expect.objectContaining({ person: 'bob@acme.io', ownShare: 1, teamChanges: 6, ownChanges: 6 }),
    ]);
  });

  it('recognises rules that name only process paths', () => {
    expect(
      ['/.changeset/', '.changeset/*', 'CHANGELOG.md', '/packages/a/CHANGELOG.md', '**/.changeset/**'].every(
        isProcessRule,
      ),
    ).toBe(true);
    expect(['*', '*.md', '/packages/', '/docs/'].some(isProcessRule)).toBe(false);
  });
});
