// Teams and clusters of several repositories, joined by id case-insensitively (`@Org/Web` and
// `@org/web` are one team, as GitHub slugs are). Every ratio is recomputed from the summed
// counts (GroupCounts), never averaged: alignment = Σ aligned / Σ changes, delivery independence
// = Σ independent / Σ memberCommits, dependency independence = Σ ok / Σ total, fragmentation
// from the summed changes per team, authors the union of person ids. Truck factor needs every
// file's authorship and is not recomputed: the merged row keeps the largest repository value.
import { fragmentation, ratio } from '../metrics/fragmentation';
import { honestAutonomy, MIN_SAMPLE, type Shortfalls } from '../metrics/sample-size';
import type { ClusterRow, GroupCounts, MemberRow, TeamRow, TeamTrendPoint } from '../contract/report';

interface Sums extends GroupCounts {
  changes: number;
  commits: number;
}

interface TeamAcc {
  row: TeamRow;
  sums: Sums;
  authors: Set<string>;
  members: Map<string, MemberRow>;
  trend: Map<string, TeamTrendPoint>;
  repos: NonNullable<TeamRow['repositories']>;
  anyDeclared: boolean;
  allReview: boolean;
}

const emptySums = (): Sums => ({
  aligned: 0,
  memberCommits: 0,
  independent: 0,
  dependencyOk: 0,
  dependencyTotal: 0,
  changesByTeam: {},
  authors: [],
  changes: 0,
  commits: 0,
});

export class TeamMerger {
  private readonly teams = new Map<string, TeamAcc>();
  private readonly clusters = new Map<
    string,
    { id: string; teams: Map<string, string>; sums: Sums; authors: Set<string> }
  >();
  /** Team ids without counts (reports older than the counts): their ratios cannot be recomputed. */
  readonly uncounted = new Set<string>();

  canonical(id: string): string {
    return this.teams.get(id.toLowerCase())?.row.id ?? id;
  }

  addTeam(repository: string, t: TeamRow): void {
    const key = t.id.toLowerCase();
    let acc = this.teams.get(key);
    if (!acc)
      this.teams.set(
        key,
        (acc = {
          row: { ...t, members: [], trend: [], truckFactorAuthors: [...t.truckFactorAuthors] },
          sums: emptySums(),
          authors: new Set(),
          members: new Map(),
          trend: new Map(),
          repos: [],
          anyDeclared: false,
          allReview: true,
        }),
      );
    else sumRow(acc.row, t);
    if (!t.counts) this.uncounted.add(acc.row.id);
    addCounts(acc.sums, acc.authors, t.counts, t.changes, t.commits);
    acc.row.cluster ??= t.cluster;
    acc.anyDeclared ||= t.membership === 'declared';
    acc.allReview &&= t.role === 'review-group';
    if ((t.truckFactor ?? -1) > (acc.row.truckFactor ?? -1)) acc.row.truckFactor = t.truckFactor;
    for (const m of t.members) mergeMember(acc.members, m);
    for (const p of t.trend) mergeTrend(acc.trend, p);
    acc.repos.push({ repository, files: t.files, changes: t.changes, commits: t.commits });
  }

  addCluster(c: ClusterRow): void {
    const key = c.id.toLowerCase();
    let acc = this.clusters.get(key);
    if (!acc) this.clusters.set(key, (acc = { id: c.id, teams: new Map(), sums: emptySums(), authors: new Set() }));
    for (const t of c.teams) acc.teams.set(t.toLowerCase(), t);
    addCounts(acc.sums, acc.authors, c.counts, c.counts?.changes ?? 0, c.counts?.commits ?? 0);
  }

  finishTeams(short: Shortfalls, min = MIN_SAMPLE): TeamRow[] {
    return [...this.teams.values()]
      .map((a) => {
        const row = a.row;
        const autonomy = honestAutonomy(
          {
            id: row.id,
            changes: a.sums.changes,
            alignment: ratio(a.sums.aligned, a.sums.changes),
            commits: a.sums.memberCommits,
            deliveryIndependence: ratio(a.sums.independent, a.sums.memberCommits),
            dependency: { ok: a.sums.dependencyOk, total: a.sums.dependencyTotal },
          },
          short,
          min,
        );
        row.autonomy = autonomy;
        row.alignment = autonomy.ownershipIntegrity;
        row.fragmentation = fragmentation(Object.values(a.sums.changesByTeam));
        row.authors = a.authors.size || row.authors;
        row.instability = ratio(row.efferent, row.afferent + row.efferent);
        row.membership = a.anyDeclared ? 'declared' : 'inferred';
        row.role = a.allReview ? 'review-group' : 'team';
        row.members = [...a.members.values()].sort((x, y) => y.changes - x.changes || (x.person < y.person ? -1 : 1));
        row.trend = [...a.trend.values()].sort((x, y) => (x.month < y.month ? -1 : 1)).map(finishTrend);
        row.counts = { ...a.sums, authors: [...a.authors].sort() };
        row.repositories = a.repos;
        return row;
      })
      .sort((x, y) => y.changes - x.changes || (x.id < y.id ? -1 : 1));
  }

  finishClusters(short: Shortfalls, min = MIN_SAMPLE): ClusterRow[] {
    return [...this.clusters.values()].map((c) => ({
      id: c.id,
      teams: [...c.teams.values()].map((t) => this.canonical(t)),
      autonomy: honestAutonomy(
        {
          id: c.id,
          changes: c.sums.changes,
          alignment: ratio(c.sums.aligned, c.sums.changes),
          commits: c.sums.memberCommits,
          deliveryIndependence: ratio(c.sums.independent, c.sums.memberCommits),
          dependency: { ok: c.sums.dependencyOk, total: c.sums.dependencyTotal },
        },
        short,
        min,
      ),
      counts: { ...c.sums, authors: [...c.authors].sort() },
    }));
  }
}

function sumRow(into: TeamRow, t: TeamRow): void {
  for (const k of [
    'files',
    'changes',
    'commits',
    'linesAdded',
    'linesDeleted',
    'knowledgeIslands',
    'afferent',
    'efferent',
    'authors',
  ] as const)
    into[k] += t[k];
  for (const a of t.truckFactorAuthors) if (!into.truckFactorAuthors.includes(a)) into.truckFactorAuthors.push(a);
}

function addCounts(s: Sums, authors: Set<string>, c: GroupCounts | undefined, changes: number, commits: number): void {
  s.changes += changes;
  s.commits += commits;
  if (!c) return;
  s.aligned += c.aligned;
  s.memberCommits += c.memberCommits;
  s.independent += c.independent;
  s.dependencyOk += c.dependencyOk;
  s.dependencyTotal += c.dependencyTotal;
  for (const [t, n] of Object.entries(c.changesByTeam)) s.changesByTeam[t] = (s.changesByTeam[t] ?? 0) + n;
  for (const a of c.authors) authors.add(a);
}

function mergeMember(members: Map<string, MemberRow>, m: MemberRow): void {
  const cur = members.get(m.person);
  if (!cur) members.set(m.person, { ...m, ownShare: undefined, teamChanges: undefined, ownChanges: undefined });
  else {
    cur.changes += m.changes;
    cur.inferred &&= m.inferred;
  }
}

function mergeTrend(trend: Map<string, TeamTrendPoint>, p: TeamTrendPoint): void {
  const cur =
    trend.get(p.month) ??
    trend
      .set(p.month, {
        month: p.month,
        changes: 0,
        commits: 0,
        alignment: null,
        deliveryIndependence: null,
        fragmentation: null,
        aligned: 0,
        memberCommits: 0,
        independent: 0,
      })
      .get(p.month)!;
  cur.changes += p.changes;
  cur.commits += p.commits;
  cur.aligned! += p.aligned ?? 0;
  cur.memberCommits! += p.memberCommits ?? 0;
  cur.independent! += p.independent ?? 0;
}

/** Monthly ratios from the summed counts; fragmentation needs per-team counts per month, which reports do not keep. */
function finishTrend(p: TeamTrendPoint): TeamTrendPoint {
  return {
    ...p,
    alignment: ratio(p.aligned ?? 0, p.changes),
    deliveryIndependence: ratio(p.independent ?? 0, p.memberCommits ?? 0),
  };
}
