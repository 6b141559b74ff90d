// `conway snapshot`: one report → one snapshot, its rows replaced when the same (repository,
// commit, window) is taken again. The as-of date is the window's last commit (what the numbers
// describe), else the report's generation time; its quarter and month are the periods `trend`
// compares. A merged report (`conway merge`) is stored as repository `org` (or --name), commit
// the hash of its repositories' heads, with one repository_metrics row per repository.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Report } from '../contract/report';
import type { Db } from './db';

export interface SnapshotResult {
  snapshotId: string;
  repository: string;
  replaced: boolean;
  teams: number;
}

export async function takeSnapshot(
  db: Db,
  r: Report,
  opts: { name?: string; now?: Date } = {},
): Promise<SnapshotResult> {
  const repository = opts.name ?? (r.org ? 'org' : basename(r.repo.root));
  const commit = r.org
    ? createHash('sha1')
        .update(
          r.org.repositories
            .map((x) => `${x.name}:${x.head}`)
            .sort()
            .join('\n'),
        )
        .digest('hex')
    : r.repo.head;
  const id = [repository, commit ?? '-', r.window.since ?? '-', r.window.until ?? '-'].join('|');
  const asOf = (r.window.last?.date ?? r.generatedAt).slice(0, 10);
  const [y, m] = asOf.split('-').map(Number);
  await db.run('begin transaction');
  try {
    const replaced =
      Number((await db.rows('select count(*) as n from snapshots where snapshot_id = $1', [id]))[0].n) > 0;
    for (const t of ['team_metrics', 'cluster_metrics', 'repository_metrics', 'snapshots'])
      await db.run(`delete from ${t} where snapshot_id = $1`, [id]);
    await db.run(
      'insert into snapshots values ($1, $2, $3, $4, $5, cast($6 as date), $7, $8, $9, $10, cast($11 as timestamp), $12)',
      [
        id,
        repository,
        commit,
        r.window.since,
        r.window.until,
        asOf,
        `${y}-Q${Math.ceil(m / 3)}`,
        asOf.slice(0, 7),
        r.window.commits,
        r.generatedAt,
        (opts.now ?? new Date()).toISOString(),
        Boolean(r.org),
      ],
    );
    const coupling = teamCoupling(r);
    for (const t of r.teams) {
      const c = t.counts;
      const k = coupling.get(t.id);
      await db.run(
        `insert into team_metrics (${TEAM_COLUMNS.join(', ')}) values (${TEAM_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`,
        [
          id,
          repository,
          t.id,
          t.cluster,
          t.files,
          t.changes,
          t.commits,
          t.authors,
          t.alignment,
          t.autonomy.deliveryIndependence,
          t.autonomy.dependencyIndependence,
          t.autonomy.score,
          t.fragmentation,
          c?.aligned ?? null,
          c?.memberCommits ?? null,
          c?.independent ?? null,
          c?.dependencyOk ?? null,
          c?.dependencyTotal ?? null,
          t.afferent,
          t.efferent,
          k?.sharedCommits ?? 0,
          k?.findings ?? 0,
          k?.violations ?? 0,
        ],
      );
    }
    for (const k of r.clusters) {
      const c = k.counts;
      await db.run('insert into cluster_metrics values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)', [
        id,
        repository,
        k.id,
        c?.changes ?? null,
        c?.commits ?? null,
        k.autonomy.ownershipIntegrity,
        k.autonomy.deliveryIndependence,
        k.autonomy.dependencyIndependence,
        k.autonomy.score,
        c?.aligned ?? null,
        c?.memberCommits ?? null,
        c?.independent ?? null,
        c?.dependencyOk ?? null,
        c?.dependencyTotal ?? null,
      ]);
    }
    for (const row of repositoryRows(r, repository))
      await db.run('insert into repository_metrics values ($1,$2,$3,$4,$5,$6,$7)', [id, ...row]);
    await db.run('commit');
    return { snapshotId: id, repository, replaced, teams: r.teams.length };
  } catch (e) {
    await db.run('rollback');
    throw e;
  }
}

const TEAM_COLUMNS = [
  'snapshot_id',
  'repository',
  'team',
  'cluster',
  'files',
  'changes',
  'commits',
  'authors',
  'alignment',
  'delivery_independence',
  'dependency_independence',
  'autonomy_score',
  'fragmentation',
  'aligned',
  'member_commits',
  'independent',
  'dependency_ok',
  'dependency_total',
  'afferent',
  'efferent',
  'shared_commits',
  'findings',
  'violations',
];

/** Per team: commits shared with other teams (change coupling), and the findings and violations it is a side of. */
function teamCoupling(r: Report): Map<string, { sharedCommits: number; findings: number; violations: number }> {
  const out = new Map<string, { sharedCommits: number; findings: number; violations: number }>();
  const of = (team: string | null) => {
    if (team === null) return undefined;
    if (!out.has(team)) out.set(team, { sharedCommits: 0, findings: 0, violations: 0 });
    return out.get(team)!;
  };
  for (const c of r.coupling.teams) for (const t of new Set([c.a, c.b])) of(t)!.sharedCommits += c.sharedCommits;
  for (const f of r.findings ?? []) for (const t of new Set([f.fromTeam, f.toTeam])) if (of(t)) of(t)!.findings++;
  for (const v of r.violations) for (const t of new Set([v.fromTeam, v.toTeam])) if (of(t)) of(t)!.violations++;
  return out;
}

function repositoryRows(
  r: Report,
  repository: string,
): [string, number, number, number, number | null, number | null][] {
  if (r.org) return r.org.repositories.map((x) => [x.name, x.files, x.commits, x.teams, null, null]);
  const unowned = r.files.filter((f) => !f.owners.length).length;
  return [[repository, r.files.length, r.window.commits, r.teams.length, r.violations.length, unowned]];
}
