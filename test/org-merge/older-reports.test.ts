// Reports of an older Conway (schema version 1: no counts behind the ratios, no packages) are
// what an organization has from last quarter: `merge` and `snapshot` read them — merge says which
// teams have no counts, snapshot stores their counts as null and trend shows "–", never 0 — and a
// report of a newer Conway is an input error that says to upgrade.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../analyzer/contract/report';
import { cli } from '../fixtures/cli';
import { orgRepos } from '../fixtures/org-repos';
import { scratch } from '../fixtures/scratch';

const { repoOf, tempDir } = scratch();

/** The report as Conway's schema version 1 wrote it: the version-2 fields left out. */
function asVersion1(path: string): void {
  const r = JSON.parse(readFileSync(path, 'utf8'));
  r.schemaVersion = 1;
  for (const t of r.teams) delete t.counts;
  for (const c of r.clusters) delete c.counts;
  for (const k of ['packages', 'externalImports', 'coverage']) delete r[k];
  writeFileSync(path, JSON.stringify(r));
}

describe('reports of other Conway versions', () => {
  it('merge and snapshot read a version 1 report beside current ones', async () => {
    const dir = tempDir();
    const repos = orgRepos(repoOf);
    const paths: string[] = [];
    for (const [name, repo] of Object.entries(repos)) {
      const path = join(dir, `${name}.json`);
      expect((await cli(['analyze', '--repo', repo.dir, '--min-sample', '1', '--no-cache', '--out', path])).code).toBe(
        0,
      );
      paths.push(path);
    }
    asVersion1(paths[0]); // ui, last quarter's Conway
    const names = ['ui', 'api', 'web'];
    const merged = await cli([
      'merge',
      ...paths.map((p, i) => `${names[i]}=${p}`),
      '--min-sample',
      '1',
      '--out',
      join(dir, 'org.json'),
    ]);
    expect(merged.code).toBe(0);
    const org = JSON.parse(readFileSync(join(dir, 'org.json'), 'utf8'));
    expect(org.org.repositories.map((r: { name: string }) => r.name)).toEqual(['ui', 'api', 'web']);
    expect(org.notes).toContainEqual(
      expect.stringMatching(/^1 teams come from reports without counts \(older Conway\)/),
    );
    // ui published @acme/ui; without its packages list the imports of it are no longer cross-repository edges
    expect(org.org.dependencies.some((d: { package: string }) => d.package === '@acme/ui')).toBe(false);

    const db = join(dir, 'h.duckdb');
    expect((await cli(['snapshot', '--db', db, '--name', 'ui', paths[0]])).stdout).toMatch(/^added ui\|/);
    const trend = JSON.parse((await cli(['trend', '--db', db, '--team', 'design', '--json'])).stdout);
    expect(trend).toEqual([
      expect.objectContaining({
        repositories: 1,
        alignment: null,
        deliveryIndependence: null,
        dependencyIndependence: null,
        score: null,
      }),
    ]);
  });

  it('a report of a newer Conway says to upgrade', async () => {
    const dir = tempDir();
    const repo = orgRepos(repoOf).ui;
    const path = join(dir, 'ui.json');
    await cli(['analyze', '--repo', repo.dir, '--no-cache', '--out', path]);
    const r = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(path, JSON.stringify({ ...r, schemaVersion: 99 }));
    for (const argv of [
      ['merge', path],
      ['snapshot', '--db', join(dir, 'h.duckdb'), path],
    ]) {
      expect(await cli(argv)).toMatchObject({
        code: 2,
        stderr: expect.stringContaining(
          `${path}: report schemaVersion 99 is newer than this Conway reads (1 to ${SCHEMA_VERSION}) — upgrade Conway`,
        ),
      });
    }
  });
});
