// The dashboard's trend views read a snapshot database through store/series.ts: each team's
// autonomy, coupling and findings snapshot by snapshot, opened read-only. A database written by
// the first schema (no coupling or findings columns) is read as it is, and brought up to date by
// the next `conway snapshot`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../analyzer/store/db';
import { SCHEMA } from '../../analyzer/store/schema';
import { readTeamSeries, teamSeriesOf } from '../../analyzer/store/series';
import { boundariesRepo } from '../fixtures/boundaries';
import { cli } from '../fixtures/cli';
import { CAT } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const { tempDir } = scratch();

/** The boundaries repository before and after web/page.ts deep-imports core's internals. */
async function twoSnapshots(dir: string, db: string) {
  const repo = boundariesRepo();
  const before = join(dir, 'before.json');
  await cli(['analyze', '--repo', repo.dir, '--since', 'all', '--no-cache', '--out', before]);
  repo.commit({
    author: CAT,
    date: '2024-03-01T10:00:00Z',
    files: { 'web/page.ts': "import { db } from '../core/db/internal';\nexport const page = db;\n" },
  });
  const after = join(dir, 'after.json');
  await cli(['analyze', '--repo', repo.dir, '--since', 'all', '--no-cache', '--out', after]);
  expect((await cli(['snapshot', '--db', db, '--name', 'shop', before, after])).code).toBe(0);
  return repo;
}

describe('team series for the dashboard', () => {
  it('gives each team its coupling and findings per snapshot, oldest first', async () => {
    const dir = tempDir();
    const db = join(dir, 'history.duckdb');
    const repo = await twoSnapshots(dir, db);
    try {
      const s = await teamSeriesOf(db, 'SHOP');
      expect(s.snapshots.map((p) => p.asOf)).toEqual(['2024-02-04', '2024-03-01']); // each window's last commit
      expect(s.snapshots.map((p) => p.quarter)).toEqual(['2024-Q1', '2024-Q1']);
      expect(s.teams.map((t) => t.id)).toEqual(['billing', 'core', 'web']);
      const web = s.teams.find((t) => t.id === 'web')!.points;
      // web imports billing/charge.ts (deep, and forbidden: web depends on nothing); then also core/db/internal.ts.
      expect(web.map((p) => p?.efferent)).toEqual([1, 2]);
      expect(web.map((p) => p?.afferent)).toEqual([0, 0]);
      // before: the deep and the forbidden import of billing, and core drifting into web/page.ts;
      // after: the same two imports of core too, and Cat's own change ends the drift.
      expect(web.map((p) => p?.findings)).toEqual([3, 4]);
      const core = s.teams.find((t) => t.id === 'core')!.points;
      expect(core.map((p) => p?.afferent)).toEqual([1, 2]); // billing → core, then web → core too
    } finally {
      repo.cleanup();
    }
  });

  it('reads a first-schema database read-only (coupling and findings "–"), and snapshot migrates it', async () => {
    const dir = tempDir();
    // Rebuild the file as the first schema wrote it: no coupling or findings columns, version 1.
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const inst = await DuckDBInstance.create(join(dir, 'v1.duckdb'));
    const conn = await inst.connect();
    for (const sql of SCHEMA) await conn.run(sql);
    await conn.run('insert into conway_schema values (1)');
    await conn.run(
      `insert into snapshots values ('shop|abc|-|-', 'shop', 'abc', null, null, cast('2024-01-31' as date), '2024-Q1', '2024-01', 4, '2024-01-31T00:00:00Z', cast('2024-02-01T00:00:00Z' as timestamp), false)`,
    );
    await conn.run(
      `insert into team_metrics values ('shop|abc|-|-', 'shop', 'web', null, 2, 3, 3, 2, 0.5, 0.25, 1, 58.3, 0.4, 1, 4, 1, 1, 1)`,
    );
    conn.closeSync();
    inst.closeSync();
    const v1 = join(dir, 'v1.duckdb');
    const ro = await openDb(v1, 'read-only');
    try {
      expect(ro.version).toBe(1);
      const s = await readTeamSeries(ro, v1, 'shop');
      expect(s.teams).toEqual([
        {
          id: 'web',
          points: [
            expect.objectContaining({
              autonomy: 58.3,
              ownershipIntegrity: 0.5,
              deliveryIndependence: 0.25,
              efferent: null,
              findings: null,
            }),
          ],
        },
      ]);
    } finally {
      ro.close();
    }
    const rw = await openDb(v1, 'write');
    try {
      expect(rw.version).toBe(2);
      expect(
        (
          await rw.rows(
            "select column_name from information_schema.columns where table_name = 'team_metrics' and column_name = 'findings'",
          )
        ).length,
      ).toBe(1);
    } finally {
      rw.close();
    }
  });

  it('says what to do when the database is missing or holds other repositories', async () => {
    const dir = tempDir();
    await expect(teamSeriesOf(join(dir, 'none.duckdb'), 'shop')).rejects.toThrow(
      /none\.duckdb does not exist — take a snapshot first: `conway analyze --out report.json && conway snapshot --db /,
    );
    // a file that is not a DuckDB database is named by the setting, not by a CLI option
    const notDb = join(dir, 'notes.duckdb');
    writeFileSync(notDb, 'not a database\n');
    await expect(teamSeriesOf(notDb, 'shop')).rejects.toThrow(
      /^conway\.snapshotDb \S+notes\.duckdb: cannot open the DuckDB database: /,
    );
    const db = join(dir, 'history.duckdb');
    const repo = await twoSnapshots(dir, db);
    try {
      const s = await teamSeriesOf(db, 'other');
      expect(s).toMatchObject({ snapshots: [], teams: [], repositories: ['shop'] });
    } finally {
      repo.cleanup();
    }
  });
});
