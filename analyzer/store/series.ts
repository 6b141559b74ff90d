// The dashboard's trend views: each team's stored numbers snapshot by snapshot, for one
// repository (the last 12 snapshots, oldest first). Unlike `trend` (period over period, summed over
// repositories) nothing is recomputed: one repository's snapshot holds each team's numbers as its
// report had them. Columns an older database lacks (coupling, findings: version 2) read as null.
import { existsSync } from 'node:fs';
import { UserError } from '../contract/errors';
import type { SnapshotTrend, TeamSnapshotValues } from '../contract/snapshot-trend';
import { openDb, type Db } from './db';

const LIMIT = 12;

const VALUES: [keyof TeamSnapshotValues, string, number][] = [
  ['autonomy', 'autonomy_score', 1],
  ['deliveryIndependence', 'delivery_independence', 1],
  ['ownershipIntegrity', 'alignment', 1],
  ['dependencyIndependence', 'dependency_independence', 1],
  ['changes', 'changes', 1],
  ['afferent', 'afferent', 2],
  ['efferent', 'efferent', 2],
  ['sharedCommits', 'shared_commits', 2],
  ['findings', 'findings', 2],
  ['violations', 'violations', 2],
];

export async function readTeamSeries(db: Db, dbPath: string, repository: string): Promise<SnapshotTrend> {
  const repositories = (await db.rows('select distinct repository from snapshots order by repository')).map((r) =>
    String(r.repository),
  );
  // The folder's directory name, case-insensitively (a snapshot taken with --name may differ in case).
  const snaps = (
    await db.rows(
      `select snapshot_id, "commit", cast(as_of as varchar) as as_of, quarter from snapshots where lower(repository) = lower($1)
    order by as_of desc, taken_at desc limit ${LIMIT}`,
      [repository],
    )
  ).reverse();
  const trend: SnapshotTrend = {
    db: dbPath,
    repository,
    snapshots: snaps.map((s) => ({
      id: String(s.snapshot_id),
      commit: s.commit === null ? null : String(s.commit),
      asOf: String(s.as_of),
      quarter: String(s.quarter),
    })),
    teams: [],
    repositories,
  };
  if (!snaps.length) return trend;
  const cols = VALUES.map(([key, col, since]) => `${since <= db.version ? col : 'null'} as "${key}"`).join(', ');
  const rows = await db.rows(
    `select snapshot_id, team, ${cols} from team_metrics where snapshot_id in (${snaps.map((_, i) => `$${i + 1}`).join(', ')}) order by team`,
    snaps.map((s) => String(s.snapshot_id)),
  );
  const index = new Map(trend.snapshots.map((s, i) => [s.id, i]));
  const teams = new Map<string, (TeamSnapshotValues | null)[]>();
  for (const r of rows) {
    const team = String(r.team);
    if (!teams.has(team))
      teams.set(
        team,
        trend.snapshots.map(() => null),
      );
    const num = (k: string) => (r[k] === null || r[k] === undefined ? null : Number(r[k]));
    teams.get(team)![index.get(String(r.snapshot_id))!] = Object.fromEntries(
      VALUES.map(([key]) => [key, num(key)]),
    ) as unknown as TeamSnapshotValues;
  }
  trend.teams = [...teams].map(([id, points]) => ({ id, points }));
  return trend;
}

/** The series of `repository` from the database at `path` (the editor's `conway.snapshotDb`), opened read-only. */
export async function teamSeriesOf(path: string, repository: string): Promise<SnapshotTrend> {
  if (!existsSync(path))
    throw new UserError(
      `conway.snapshotDb: ${path} does not exist — take a snapshot first: \`conway analyze --out report.json && conway snapshot --db ${path} report.json\``,
    );
  const db = await openDb(path, 'read-only', 'conway.snapshotDb');
  try {
    return await readTeamSeries(db, path, repository);
  } finally {
    db.close();
  }
}
