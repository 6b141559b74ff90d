// `conway trend`: period over period from the history database. Per period (quarter or month)
// the latest snapshot of each repository in it counts; a team's numbers are summed over those
// snapshots and its ratios recomputed from the sums (alignment = Σ aligned / Σ changes, delivery
// independence = Σ independent / Σ member commits, dependency independence = Σ ok / Σ total),
// the autonomy score the mean of the components that have data. Merged reports repeat the
// repositories' teams: when the database holds per-repository snapshots, only those are read.
import { ratio } from '../metrics/fragmentation';
import type { Db } from './db';

export type Period = 'quarter' | 'month';

export interface TrendRow {
  period: string;
  group: string;
  repositories: number;
  changes: number;
  commits: number;
  alignment: number | null;
  deliveryIndependence: number | null;
  dependencyIndependence: number | null;
  score: number | null;
}

export async function readTrend(
  db: Db,
  opts: { team?: string; cluster?: string; period?: Period },
): Promise<TrendRow[]> {
  const period = opts.period === 'month' ? 'month' : 'quarter';
  const [table, col, value] =
    opts.cluster !== undefined
      ? ['cluster_metrics', 'cluster', opts.cluster]
      : ['team_metrics', 'team', opts.team ?? null];
  const rows = await db.rows(
    `
    with latest as (
      select snapshot_id, ${period} as period, row_number() over (partition by repository, ${period} order by as_of desc, taken_at desc) as rn from snapshots
      where merged = (select bool_and(merged) from snapshots))
    select l.period, min(m.${col}) as grp, count(distinct m.repository) as repositories, sum(m.changes) as changes, sum(m.commits) as commits,
      sum(m.aligned) as aligned, sum(m.member_commits) as member_commits, sum(m.independent) as independent, sum(m.dependency_ok) as dep_ok, sum(m.dependency_total) as dep_total
    from ${table} m join latest l on l.snapshot_id = m.snapshot_id and l.rn = 1
    where $1::varchar is null or lower(m.${col}) = lower($1::varchar)
    group by l.period, lower(m.${col}) order by lower(m.${col}), l.period`,
    [value],
  );
  return rows.map((r) => {
    const n = (k: string) => Number(r[k] ?? 0);
    // Snapshots of reports without counts (older Conway) have no ratios to recompute: null, never 0.
    const share = (part: string, whole: string) =>
      r[part] === null || r[part] === undefined ? null : ratio(n(part), n(whole));
    const parts = {
      alignment: share('aligned', 'changes'),
      deliveryIndependence: share('independent', 'member_commits'),
      dependencyIndependence: share('dep_ok', 'dep_total'),
    };
    const known = Object.values(parts).filter((x): x is number => x !== null);
    return {
      period: String(r.period),
      group: String(r.grp),
      repositories: n('repositories'),
      changes: n('changes'),
      commits: n('commits'),
      ...parts,
      score: known.length ? Math.round((known.reduce((a, b) => a + b, 0) / known.length) * 1000) / 10 : null,
    };
  });
}

/** The team (or cluster) ids the database holds, closest to `wanted` first: what to suggest for a typo. */
export async function groupsLike(
  db: Db,
  wanted: string,
  cluster: boolean,
): Promise<{ ids: string[]; total: number; near: boolean }> {
  const [table, col] = cluster ? ['cluster_metrics', 'cluster'] : ['team_metrics', 'team'];
  const all = (await db.rows(`select distinct ${col} as id from ${table} order by 1`)).map((r) => String(r.id));
  const w = wanted.toLowerCase().replace(/^@/, '');
  const tail = (id: string) => id.toLowerCase().slice(id.lastIndexOf('/') + 1);
  const near = all.filter((id) => id.toLowerCase().includes(w) || w.includes(tail(id)));
  return { ids: (near.length ? near : all).slice(0, 8), total: all.length, near: near.length > 0 };
}
