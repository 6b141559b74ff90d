// A Backstage catalog on a built repository: groups become teams with declared members (users
// by email and GitHub login), the parent group a cluster, components own their directories where
// CODEOWNERS is silent (or alone with --ownership catalog), and Backstage's own validators name
// the file and the entity of an invalid one.
import { describe, expect, it } from 'vitest';
import { backstageRepo } from '../fixtures/backstage';
import { cli } from '../fixtures/cli';
import { scratch } from '../fixtures/scratch';

const { repoOf } = scratch();

async function who(dir: string, extra: string[], ...paths: string[]) {
  const r = await cli(['who', '--repo', dir, '--json', ...extra, ...paths]);
  expect(r.stderr).toBe('');
  return Object.fromEntries(
    JSON.parse(r.stdout).files.map(
      (f: { path: string; owners: string[]; teams: string[]; rule: { file?: string; line: number } }) => [
        f.path,
        [f.teams, f.rule?.file ?? 'CODEOWNERS', f.rule?.line],
      ],
    ),
  );
}

describe('Backstage catalog', () => {
  it('components own their directory where CODEOWNERS is silent; CODEOWNERS wins where it speaks', async () => {
    const repo = backstageRepo(repoOf);
    expect(await who(repo.dir, [], 'services/payments/src/pay.ts', 'services/search/src/find.ts', 'README.md')).toEqual(
      {
        'services/payments/src/pay.ts': [['payments'], 'services/payments/catalog-info.yaml', 1],
        'services/search/src/find.ts': [['search'], 'CODEOWNERS', 1], // @acme/search is the `search` group by name
        'README.md': [['org-eng'], 'catalog-info.yaml', 53], // the domain declared at the root owns every other file
      },
    );
    expect(
      (await who(repo.dir, ['--ownership', 'catalog'], 'services/search/src/find.ts'))['services/search/src/find.ts'],
    ).toEqual([['search'], 'services/search/catalog-info.yaml', 1]);
  });

  it('groups are teams with declared members, the parent group their cluster', async () => {
    const repo = backstageRepo(repoOf);
    const r = await cli(['analyze', '--repo', repo.dir, '--format', 'json', '--no-cache']);
    const report = JSON.parse(r.stdout);
    const team = (id: string) => report.teams.find((t: { id: string }) => t.id === id);
    expect(team('payments')).toMatchObject({ membership: 'declared', cluster: 'org-eng', files: 2, changes: 3 });
    expect(team('search')).toMatchObject({ membership: 'declared', cluster: 'org-eng', files: 3 }); // its component, and the invalid one it owns
    expect(team('payments').members).toEqual([expect.objectContaining({ person: 'ann@acme.io', inferred: false })]); // user ann by profile email
    expect(team('search').members).toEqual([expect.objectContaining({ person: 'bob@acme.io', inferred: false })]);
    expect(team('org-eng').name).toBe('Engineering');
    expect(report.clusters.map((c: { id: string; teams: string[] }) => [c.id, c.teams])).toEqual([
      ['org-eng', ['payments', 'search']],
    ]);
  });

  it("validate checks every entity with Backstage's model and names file, line and entity", async () => {
    const repo = backstageRepo(repoOf);
    const r = await cli(['validate', '--repo', repo.dir, '--json']);
    expect(r.code).toBe(1);
    const errors = JSON.parse(r.stdout).errors;
    expect(errors).toEqual([
      {
        file: 'services/bad/catalog-info.yaml',
        line: 1,
        message: expect.stringMatching(/^Component:bad name!: "metadata.name" is not valid/),
      },
    ]);
  });

  it('--catalog names a file or directory; a missing one is a clear error', async () => {
    const repo = backstageRepo(repoOf);
    expect(await cli(['who', '--repo', repo.dir, '--catalog', `${repo.dir}/nope`, 'README.md'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--catalog'),
    });
    const only = await who(
      repo.dir,
      ['--catalog', `${repo.dir}/services/payments/catalog-info.yaml`, '--ownership', 'catalog'],
      'README.md',
      'services/payments/src/pay.ts',
    );
    expect(only['README.md'][0]).toEqual([]);
    expect(only['services/payments/src/pay.ts'][1]).toBe('services/payments/catalog-info.yaml');
  });
});

describe('conway init --format catalog', () => {
  it("drafts one Group per team (its CODEOWNERS slug, its members as Users) that passes Backstage's validators", async () => {
    const { orgRepos } = await import('../fixtures/org-repos');
    const { web } = orgRepos(repoOf);
    const r = await cli(['init', '--repo', web.dir, '--format', 'catalog', '--no-cache']);
    expect(r.code).toBe(0);
    const { parseCatalogFile } = await import('../../analyzer/sources/backstage/parse');
    const { validateCatalog } = await import('../../analyzer/sources/backstage/validate');
    const parsed = parseCatalogFile(r.stdout, 'draft.yaml');
    expect(parsed.errors).toEqual([]);
    expect(await validateCatalog(parsed.entities)).toEqual([]);
    expect(parsed.entities.map((e) => `${e.kind}:${e.name}`).sort()).toEqual([
      'Group:Platform',
      'Group:web',
      'User:bob',
      'User:cat',
    ]);
    const platform = parsed.entities.find((e) => e.name === 'Platform')!;
    expect(platform.annotations['github.com/team-slug']).toBe('Acme/Platform');
    expect(platform.spec.members).toEqual(['bob']);
  });
});
