// History metrics of teams and clusters (a cluster is the union of its teams, docs/metrics.md):
//  - alignment (= ownership integrity): of the changes to owned(G), the share made by G's
//    members (the author or a co-author is a member);
//  - delivery independence: of the commits by G's members that touch files with a delivery team
//    (review groups do not count as owners here), the share whose such files all have G
//    among their delivery teams (a jointly owned file belongs to each of its teams);
//  - fragmentation 1 − Σ (n_t/N)² of the changes to owned(G) over the authors' primary teams;
//  - changes, commits, lines, authors of owned(G).
// All groups are accumulated in one pass over the commits (per month for the trend): a change
// is credited to every group that owns its file.
import type { Commit } from '../model/types';
import type { GroupCounts, TeamRow } from '../contract/report';
import { fragmentation, ratio } from './fragmentation';
import type { MetricsInput } from './input';
import { primaryTeam, type Membership } from './membership';

/** The history columns of a TeamRow, plus delivery independence (reported inside `autonomy`). */
export type GroupHistory = Pick<
  TeamRow,
  'changes' | 'commits' | 'linesAdded' | 'linesDeleted' | 'authors' | 'alignment' | 'fragmentation'
> & {
  deliveryIndependence: number | null;
  /** The counts behind the ratios, so reports of several repositories can be merged (org-merge). */
  counts: Omit<GroupCounts, 'dependencyOk' | 'dependencyTotal'>;
};

export interface Acc {
  changes: number;
  commits: number;
  linesAdded: number;
  linesDeleted: number;
  authors: Set<string>;
  aligned: number;
  memberCommits: number;
  independent: number;
  byTeam: Map<string, number>;
}

/** groups: group id → the teams it unites (a team is the group of itself). */
export function groupsHistory(
  input: MetricsInput,
  members: Map<string, Membership>,
  groups: Map<string, string[]>,
  commits: Commit[],
): Map<string, Acc> {
  return groupsHistoryOf(input, members, groups)(commits);
}

/**
 * groupsHistory for several slices of the history (the months of a window): the groups of each
 * file's teams and of each author are worked out once for all of them, not once per slice.
 */
export function groupsHistoryOf(
  input: MetricsInput,
  members: Map<string, Membership>,
  groups: Map<string, string[]>,
): (commits: Commit[]) => Map<string, Acc> {
  // Groups by index; a change only bumps counters, and the Set and Map work (authors, teams of
  // the authors) is done once per commit and group instead of once per change.
  const ids = [...groups.keys()];
  const groupsOfTeam = new Map<string, number[]>();
  ids.forEach((g, i) =>
    groups.get(g)!.forEach((t) => (groupsOfTeam.get(t) ?? groupsOfTeam.set(t, []).get(t)!).push(i)),
  );
  const unionOf = (teams: string[]) => [...new Set(teams.flatMap((t) => groupsOfTeam.get(t) ?? []))];
  const memberGroups = memo((person: string) => unionOf(members.get(person)?.teams ?? []));
  // teamsOf returns one array per path, so the groups of a file's teams are cached by identity.
  const groupsOfTeams = new WeakMap<string[], number[]>();
  const groupsOf = (teams: string[]) => {
    let g = groupsOfTeams.get(teams);
    if (!g) groupsOfTeams.set(teams, (g = unionOf(teams)));
    return g;
  };
  const inGroup = new Int32Array(ids.length); // owned changes of the current commit per group
  const delivered = new Int32Array(ids.length); // delivery-owned changes of the current commit per group
  const touched: number[] = [];
  const touchedD: number[] = [];
  return (commits) => {
    const accs: Acc[] = ids.map(() => ({
      changes: 0,
      commits: 0,
      linesAdded: 0,
      linesDeleted: 0,
      authors: new Set(),
      aligned: 0,
      memberCommits: 0,
      independent: 0,
      byTeam: new Map(),
    }));
    for (const c of commits) {
      const byMember = c.coAuthors.length
        ? [...new Set([c.author, ...c.coAuthors].flatMap(memberGroups))]
        : memberGroups(c.author);
      let owned = 0;
      let ownedD = 0;
      for (const f of c.files) {
        const teams = input.teamsOf(f.path);
        if (!teams.length) continue;
        owned++;
        const d = input.deliveryTeamsOf(f.path);
        if (d.length) ownedD++;
        for (const g of d.length ? groupsOf(d) : []) if (delivered[g]++ === 0) touchedD.push(g);
        for (const g of groupsOf(teams)) {
          if (inGroup[g]++ === 0) touched.push(g);
          const a = accs[g];
          a.changes++;
          a.linesAdded += f.added ?? 0;
          a.linesDeleted += f.deleted ?? 0;
        }
      }
      if (!owned) continue;
      const primary = primaryTeam(members, c.author);
      for (const g of touched) {
        const a = accs[g];
        a.commits++;
        a.authors.add(c.author);
        if (byMember.includes(g)) a.aligned += inGroup[g];
        a.byTeam.set(primary, (a.byTeam.get(primary) ?? 0) + inGroup[g]);
      }
      for (const g of ownedD ? byMember : []) {
        accs[g].memberCommits++;
        if (delivered[g] === ownedD) accs[g].independent++;
      }
      for (const g of touched) inGroup[g] = 0;
      for (const g of touchedD) delivered[g] = 0;
      touched.length = 0;
      touchedD.length = 0;
    }
    return new Map(ids.map((g, i) => [g, accs[i]]));
  };
}

export function finish(a: Acc): GroupHistory {
  return {
    changes: a.changes,
    commits: a.commits,
    linesAdded: a.linesAdded,
    linesDeleted: a.linesDeleted,
    authors: a.authors.size,
    alignment: ratio(a.aligned, a.changes),
    deliveryIndependence: ratio(a.independent, a.memberCommits),
    fragmentation: fragmentation(a.byTeam.values()),
    counts: {
      aligned: a.aligned,
      memberCommits: a.memberCommits,
      independent: a.independent,
      changesByTeam: Object.fromEntries(a.byTeam),
      authors: [...a.authors].sort(),
    },
  };
}

/** Every counter is a sum over commits, so the whole window is the merge of its months. */
export function merge(parts: Acc[]): Acc {
  const out: Acc = {
    changes: 0,
    commits: 0,
    linesAdded: 0,
    linesDeleted: 0,
    authors: new Set(),
    aligned: 0,
    memberCommits: 0,
    independent: 0,
    byTeam: new Map(),
  };
  for (const p of parts) {
    for (const k of [
      'changes',
      'commits',
      'linesAdded',
      'linesDeleted',
      'aligned',
      'memberCommits',
      'independent',
    ] as const)
      out[k] += p[k];
    for (const a of p.authors) out.authors.add(a);
    for (const [t, n] of p.byTeam) out.byTeam.set(t, (out.byTeam.get(t) ?? 0) + n);
  }
  return out;
}

/** Commits grouped by calendar month (UTC, `YYYY-MM`), months in ascending order. */
export function commitsByMonth(commits: Commit[]): [string, Commit[]][] {
  const months = new Map<string, Commit[]>();
  for (const c of commits) {
    const m = new Date(c.date * 1000).toISOString().slice(0, 7);
    (months.get(m) ?? months.set(m, []).get(m)!).push(c);
  }
  return [...months].sort(([a], [b]) => (a < b ? -1 : 1));
}

function memo<T>(f: (k: string) => T): (k: string) => T {
  const m = new Map<string, T>();
  return (k) => {
    let v = m.get(k);
    if (v === undefined) m.set(k, (v = f(k)));
    return v;
  };
}
