// `conway merge` on three built repositories that publish and consume each other's packages:
// teams joined case-insensitively, every ratio recomputed from summed counts (checked by hand
// below), authors as a union, package dependencies between repositories with the consuming files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../fixtures/cli';
import { orgRepos } from '../fixtures/org-repos';
import { scratch } from '../fixtures/scratch';

const { repoOf, tempDir } = scratch();

async function analyzeAll(out: string) {
  const repos = orgRepos(repoOf);
  const paths: string[] = [];
  for (const [name, repo] of Object.entries(repos)) {
    const path = join(out, `${name}.json`);
    const r = await cli(['analyze', '--repo', repo.dir, '--min-sample', '1', '--no-cache', '--out', path]);
    expect(r.code).toBe(0);
    paths.push(`${name}=${path}`);
  }
  return paths;
}

describe('conway merge', () => {
  it('joins teams across repositories and recomputes every ratio from the summed counts', async () => {
    const dir = tempDir();
    const paths = await analyzeAll(dir);
    const r = await cli(['merge', ...paths, '--min-sample', '1', '--out', join(dir, 'org.json')]);
    expect(r).toMatchObject({
      code: 0,
      stderr: expect.stringContaining('merged 3 repositories: 3 teams, 4 package dependencies'),
    });
    const org = JSON.parse(readFileSync(join(dir, 'org.json'), 'utf8'));
    const platform = org.teams.find((t: { id: string }) => t.id.toLowerCase() === 'platform');
    // api: 4 files, 5 changes (Bob 4, Ann 1), 2 commits; web: src/admin/panel.ts, 2 changes (Cat 1, Bob 1), 2 commits.
    expect(platform).toMatchObject({ files: 5, changes: 7, commits: 4, authors: 3, alignment: 0.7143 }); // 5/7 — the mean of 0.8 and 0.5 would be 0.65
    expect(
      platform.repositories.map((x: { repository: string; changes: number }) => [x.repository, x.changes]),
    ).toEqual([
      ['api', 5],
      ['web', 2],
    ]);
    expect(org.teams.find((t: { id: string }) => t.id === 'design')).toMatchObject({
      files: 4,
      changes: 5,
      alignment: 1,
    });
    expect(org.org.repositories.map((x: { name: string; commits: number }) => [x.name, x.commits])).toEqual([
      ['ui', 2],
      ['api', 2],
      ['web', 2],
    ]);
    expect(org.files.map((f: { path: string }) => f.path)).toContain('web/src/admin/panel.ts');
  });

  it('a package one repository declares and another imports is an edge between the owning teams', async () => {
    const dir = tempDir();
    const r = await cli(['merge', ...(await analyzeAll(dir))]);
    const org = JSON.parse(r.stdout);
    const deps = org.org.dependencies.map(
      (d: {
        package: string;
        fromRepository: string;
        fromTeam: string;
        toRepository: string;
        toTeam: string;
        files: string[];
      }) => [d.package, `${d.fromRepository}:${d.fromTeam}`, `${d.toRepository}:${d.toTeam}`, d.files],
    );
    expect(deps.sort()).toEqual([
      ['@acme/api-client', 'web:platform', 'api:platform', ['web/src/admin/panel.ts:1']],
      ['@acme/api-client', 'web:web', 'api:platform', ['web/src/app.ts:2']],
      ['@acme/ui', 'api:platform', 'ui:design', ['api/src/client.ts:1']],
      ['@acme/ui', 'web:web', 'ui:design', ['web/src/app.ts:1']],
    ]);
    const coupling = org.coupling.static
      .map((c: { from: string; to: string; edges: number }) => `${c.from}->${c.to}:${c.edges}`)
      .sort();
    expect(coupling).toEqual(expect.arrayContaining(['platform->design:1', 'web->design:1', 'web->platform:1']));
  });

  it('renders md and html like any report; bad input is a clear error', async () => {
    const dir = tempDir();
    const paths = await analyzeAll(dir);
    expect((await cli(['merge', ...paths, '--format', 'md'])).stdout).toContain('platform');
    expect((await cli(['merge', ...paths, '--format', 'html'])).stdout).toContain('<html');
    expect(await cli(['merge', join(dir, 'nope.json')])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('nope.json: no such report file'),
    });
    expect(await cli(['merge', join(dir, '..')])).toMatchObject({ code: 2 });
  });

  it('takes each repository once: a second report of the same commit, or a merged report, is an input error', async () => {
    const dir = tempDir();
    const paths = await analyzeAll(dir);
    const web = paths[2].slice(paths[2].indexOf('=') + 1);
    // the same commit of web with another window (last quarter's report beside this one's)
    const older = join(dir, 'web-older.json');
    const repos = JSON.parse(readFileSync(web, 'utf8')).repo.root;
    expect(
      (
        await cli([
          'analyze',
          '--repo',
          repos,
          '--since',
          '2000-01-01',
          '--until',
          '2100-01-01',
          '--no-cache',
          '--out',
          older,
        ])
      ).code,
    ).toBe(0);
    expect(await cli(['merge', ...paths, older])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(
        /web-older\.json: a report of the same commit \([0-9a-f]{12}\) as \S+web\.json — give one report per repository/,
      ),
    });
    const org = join(dir, 'org.json');
    expect((await cli(['merge', ...paths, '--out', org])).code).toBe(0);
    expect(await cli(['merge', org, paths[0]])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(
        'org.json: a merged report (3 repositories) — merge the per-repository reports it came from instead',
      ),
    });
  });
});
