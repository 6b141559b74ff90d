// All history metrics in one pass over the model: per file, per declared module, per team
// (with monthly trend) and per cluster, plus file and team change coupling. Each number comes
// from one of the small metric modules next to this file.
import type { FileRow, MemberRow, ModuleRow, TeamTrendPoint } from '../contract/report';
import { fileCoupling, teamCoupling } from './change-coupling';
import {
  collectFileStats,
  fileFragmentation,
  isKnowledgeIsland,
  mainAuthor,
  mainTeam,
  type FileStats,
} from './file-stats';
import { fragmentation } from './fragmentation';
import type { MetricsInput, MetricsOptions } from './input';
import { primaryTeam, resolveMembership, topKey, type Membership } from './membership';
import { commitsByMonth, finish, groupsHistoryOf, merge, type GroupHistory } from './team-history';
import { truckFactor } from './truck-factor';

export interface GroupRow extends GroupHistory {
  files: number;
  knowledgeIslands: number;
  truckFactor: number | null;
  truckFactorAuthors: string[];
  trend: TeamTrendPoint[];
}

export function computeHistoryMetrics(input: MetricsInput, opts: MetricsOptions) {
  const members = resolveMembership(input, undefined, opts);
  const stats = collectFileStats(input);
  const files = input.files.map((path) => fileRow(input, stats.get(path), path, members, opts));
  // The gate reads the file rows and memberships only: no per-month group counters, rows or coupling.
  if (opts.gateOnly)
    return {
      members,
      files,
      teams: new Map<string, GroupRow>(),
      clusters: new Map<string, GroupRow>(),
      declaredModules: [] as ModuleRow[],
      coupling: { files: [] as ReturnType<typeof fileCoupling>, teams: [] as ReturnType<typeof teamCoupling> },
      memberRows: (): MemberRow[] => [],
      changesOf: (file: string) => stats.get(file)?.byAuthor,
      monthly: [] as (readonly [string, ReturnType<ReturnType<typeof groupsHistoryOf>>])[],
    };
  const groups = new Map<string, string[]>([
    ...input.teams.map((t) => [`team:${t.id}`, [t.id]] as [string, string[]]),
    ...input.clusters.map((c) => [`cluster:${c.id}`, c.teams] as [string, string[]]),
  ]);
  const ofMonth = groupsHistoryOf(input, members, groups);
  const monthly = commitsByMonth(input.commits).map(([month, commits]) => [month, ofMonth(commits)] as const);
  const ownedFiles = filesByTeam(input);
  const group = (key: string, ids: string[]) => {
    const whole = finish(merge(monthly.map(([, h]) => h.get(key)!)));
    const owned = [...new Set(ids.flatMap((t) => ownedFiles.get(t) ?? []))];
    return groupRow(
      stats,
      owned,
      whole,
      monthly.map(([m, h]) => [m, finish(h.get(key)!)] as const),
      opts,
    );
  };
  return {
    members,
    files,
    teams: new Map(input.teams.map((t) => [t.id, group(`team:${t.id}`, [t.id])])),
    clusters: new Map(input.clusters.map((c) => [c.id, group(`cluster:${c.id}`, c.teams)])),
    declaredModules: declaredModules(files, stats, members),
    coupling: { files: fileCoupling(input, opts), teams: teamCoupling(input, opts.maxChangesetSize) },
    memberRows: memberRows(input, members),
    changesOf: (file: string) => stats.get(file)?.byAuthor,
    /** Per month (ascending), each group's counters (`team:<id>`, `cluster:<id>`): periods of a scorecard are merges of months. */
    monthly,
  };
}

function fileRow(
  input: MetricsInput,
  s: FileStats | undefined,
  path: string,
  members: Map<string, Membership>,
  opts: MetricsOptions,
): Omit<FileRow, 'owners' | 'ruleLine'> {
  return {
    path,
    teams: input.teamsOf(path),
    module: input.moduleOf(path),
    changes: s?.changes ?? 0,
    authors: s?.authors.size ?? 0,
    linesAdded: s?.added ?? 0,
    linesDeleted: s?.deleted ?? 0,
    mainTeam: s ? mainTeam(s, members) : null,
    mainAuthor: s ? mainAuthor(s) : null,
    fragmentation: s ? fileFragmentation(s, members) : null,
    knowledgeIsland: s ? isKnowledgeIsland(s, opts) : false,
  };
}

function filesByTeam(input: MetricsInput): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of input.files) for (const t of input.teamsOf(p)) (out.get(t) ?? out.set(t, []).get(t)!).push(p);
  return out;
}

function groupRow(
  stats: Map<string, FileStats>,
  owned: string[],
  whole: GroupHistory,
  months: (readonly [string, GroupHistory])[],
  opts: MetricsOptions,
): GroupRow {
  const ownedStats = owned.map((p) => stats.get(p)).filter((s): s is FileStats => Boolean(s));
  const tf = truckFactor(ownedStats);
  const trend = months.map(([month, g]) => ({
    month,
    changes: g.changes,
    commits: g.commits,
    alignment: g.alignment,
    deliveryIndependence: g.deliveryIndependence,
    fragmentation: g.fragmentation,
    aligned: g.counts.aligned,
    memberCommits: g.counts.memberCommits,
    independent: g.counts.independent,
  }));
  return {
    ...whole,
    files: owned.length,
    knowledgeIslands: ownedStats.filter((s) => isKnowledgeIsland(s, opts)).length,
    truckFactor: tf.value,
    truckFactorAuthors: tf.authors,
    trend,
  };
}

function memberRows(input: MetricsInput, members: Map<string, Membership>): (teamId: string) => MemberRow[] {
  const names = new Map<string, string>();
  const changes = new Map<string, number>();
  for (let i = input.commits.length - 1; i >= 0; i--) {
    const c = input.commits[i];
    names.set(c.author, c.authorName); // oldest → newest: the latest name wins
    changes.set(c.author, (changes.get(c.author) ?? 0) + c.files.length);
  }
  return (teamId) =>
    [...members]
      .filter(([, m]) => m.teams.includes(teamId))
      .map(([person, m]) => memberRow(person, names.get(person) ?? person, changes.get(person) ?? 0, m, teamId))
      .sort((a, b) => b.changes - a.changes || (a.person < b.person ? -1 : 1));
}

function memberRow(person: string, name: string, changes: number, m: Membership, teamId: string): MemberRow {
  const share = m.shares.get(teamId);
  const row: MemberRow = { person, name, inferred: !m.declared.includes(teamId), changes };
  if (share !== undefined && row.inferred)
    Object.assign(row, {
      ownShare: Math.round(share.share * 1000) / 1000,
      teamChanges: share.changes,
      ownChanges: m.counted,
    });
  return row;
}

/** Per declared module; main author and team by lines added (by changes without line counts), as for files. */
function declaredModules(
  files: ReturnType<typeof fileRow>[],
  stats: Map<string, FileStats>,
  members: Map<string, Membership>,
): ModuleRow[] {
  const byModule = new Map<string, ReturnType<typeof fileRow>[]>();
  for (const f of files) (byModule.get(f.module) ?? byModule.set(f.module, []).get(f.module)!).push(f);
  return [...byModule]
    .map(([id, rows]) => {
      const added = new Map<string, number>();
      const authorChanges = new Map<string, number>();
      const teamAdded = new Map<string, number>();
      const teamChanges = new Map<string, number>();
      for (const r of rows) {
        for (const [p, a] of stats.get(r.path)?.byAuthor ?? []) {
          const t = primaryTeam(members, p);
          added.set(p, (added.get(p) ?? 0) + a.added);
          authorChanges.set(p, (authorChanges.get(p) ?? 0) + a.changes);
          teamAdded.set(t, (teamAdded.get(t) ?? 0) + a.added);
          teamChanges.set(t, (teamChanges.get(t) ?? 0) + a.changes);
        }
      }
      const hasLines = [...teamAdded.values()].some((n) => n > 0);
      const main = topKey(hasLines ? teamAdded : teamChanges);
      return {
        id,
        files: rows.length,
        changes: rows.reduce((n, r) => n + r.changes, 0),
        teams: [...new Set(rows.flatMap((r) => r.teams))].sort(),
        mainTeam: main?.startsWith('person:') ? null : main,
        mainAuthor: topKey(hasLines ? added : authorChanges),
        fragmentation: fragmentation(teamChanges.values()),
      };
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}
