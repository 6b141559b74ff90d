// `conway snapshot` and `conway trend` on a real DuckDB file: reports of a built repository at
// two quarters go in as table rows (queried back with SQL), taking the same report again
// replaces its rows, and trend recomputes each period's ratios from the stored counts.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../analyzer/store/db';
import { cli } from '../fixtures/cli';
import { ANN, BOB } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const { repoOf, tempDir } = scratch();

const MAP =
  "teams:\n  design:\n    owners: ['@acme/design']\n    members: ['ann@acme.io']\n  core:\n    owners: ['@acme/core']\n    members: ['bob@acme.io']\n";

/** Two reports of one repository: end of Q1 2024 (design: 3 changes, all Ann's) and Q2 (4 more: 2 by Bob). */
async function twoQuarters(dir: string) {
  const repo = repoOf([
    {
      author: ANN,
      date: '2024-02-01T00:00:00Z',
      files: { '.github/CODEOWNERS': '* @acme/design\n', 'conway.yml': MAP, 'a.ts': 'export const a = 1;\n' },
    },
  ]);
  const q1 = join(dir, 'q1.json');
  await cli(['analyze', '--repo', repo.dir, '--since', 'all', '--min-sample', '1', '--no-cache', '--out', q1]);
  repo.commit({
    author: BOB,
    date: '2024-05-01T00:00:00Z',
    files: { 'a.ts': 'export const a = 2;\n', 'b.ts': 'export const b = 1;\n' },
  });
  repo.commit({
    author: ANN,
    date: '2024-05-02T00:00:00Z',
    files: { 'a.ts': 'export const a = 3;\n', 'b.ts': 'export const b = 2;\n' },
  });
  const q2 = join(dir, 'q2.json');
  await cli(['analyze', '--repo', repo.dir, '--since', 'all', '--min-sample', '1', '--no-cache', '--out', q2]);
  return { q1, q2 };
}

describe('snapshot database', () => {
  it('stores per-team rows with commit, window and period; the same report again replaces them', async () => {
    const dir = tempDir();
    const { q1, q2 } = await twoQuarters(dir);
    const db = join(dir, 'history.duckdb');
    expect((await cli(['snapshot', '--db', db, '--name', 'shop', q1, q2])).stdout).toMatch(
      /^added shop\|[0-9a-f]{40}\|-\|- \(2 teams\)\nadded shop\|/,
    );
    expect((await cli(['snapshot', '--db', db, '--name', 'shop', q2])).stdout).toMatch(/^replaced shop\|/);
    const conn = await openDb(db, 'read-only');
    try {
      expect(await conn.rows('select quarter, commits from snapshots order by as_of')).toEqual([
        { quarter: '2024-Q1', commits: 1 },
        { quarter: '2024-Q2', commits: 3 },
      ]);
      const design = await conn.rows(
        "select s.quarter, t.changes, t.aligned, t.alignment from team_metrics t join snapshots s using (snapshot_id) where t.team = 'design' order by s.as_of",
      );
      expect(design).toEqual([
        { quarter: '2024-Q1', changes: 3, aligned: 3, alignment: 1 },
        { quarter: '2024-Q2', changes: 7, aligned: 5, alignment: 0.7143 },
      ]);
      expect((await conn.rows('select count(*) as n from team_metrics'))[0].n).toBe('4'); // 2 snapshots × 2 teams, not 3 × 2
    } finally {
      conn.close();
    }
  });

  it('trend prints period over period for one team, with the change of the score', async () => {
    const dir = tempDir();
    const { q1, q2 } = await twoQuarters(dir);
    const db = join(dir, 'history.duckdb');
    await cli(['snapshot', '--db', db, q1, q2]);
    const rows = JSON.parse((await cli(['trend', '--db', db, '--team', 'DESIGN', '--json'])).stdout);
    expect(
      rows.map((r: { period: string; changes: number; alignment: number }) => [r.period, r.changes, r.alignment]),
    ).toEqual([
      ['2024-Q1', 3, 1],
      ['2024-Q2', 7, 0.7143],
    ]);
    const text = (await cli(['trend', '--db', db, '--team', 'design'])).stdout.split('\n');
    expect(text[2]).toMatch(/^2024-Q2 +design .* 71%/);
    expect(text[2]).toMatch(/-\d+\.\d$/); // the score fell from Q1
    // a merged report of the same repository repeats its teams: trend keeps reading the repository's own snapshots
    const org = join(dir, 'org.json');
    await cli(['merge', q2, '--out', org]);
    expect((await cli(['snapshot', '--db', db, org])).stdout).toMatch(/^added org\|/);
    expect(JSON.parse((await cli(['trend', '--db', db, '--team', 'design', '--json'])).stdout)).toEqual(rows);
    // a short or mistyped id is an input error that names the ids there are, not an empty table
    expect(await cli(['trend', '--db', db, '--team', 'desig'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no team with that id in'),
    });
    expect((await cli(['trend', '--db', db, '--team', 'desig'])).stderr).toMatch(/\(2 teams\) — did you mean design\n/);
    expect((await cli(['trend', '--db', db, '--cluster', 'money'])).stderr).toMatch(
      /holds no clusters \(clusters come from conway\.yml/,
    );
    expect(await cli(['trend', '--db', join(dir, 'none.duckdb')])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no such database'),
    });
  });
});
