// History metrics of a team — or of a cluster, which is the union of its teams (DESIGN.md):
//  - alignment (= ownership integrity): of the changes to owned(T), the share made by T's
//    members (the author or a co-author is a member);
//  - delivery independence: of the commits by T's members that touch owned files (files with
//    any owner), the share whose owned files all belong to T;
//  - fragmentation 1 − Σ (n_t/N)² of the changes to owned(T) over the authors' primary teams;
//  - changes, commits, lines, authors of owned(T).
import type { Commit } from '../model/types';
import { fragmentation, ratio } from './fragmentation';
import type { MetricsInput } from './input';
import { primaryTeam, type Membership } from './membership';

export interface GroupHistory {
  changes: number;
  commits: number;
  linesAdded: number;
  linesDeleted: number;
  authors: number;
  alignment: number | null;
  deliveryIndependence: number | null;
  fragmentation: number | null;
}

export function groupHistory(input: MetricsInput, members: Map<string, Membership>, group: Set<string>, commits: Commit[]): GroupHistory {
  const isMember = (p: string) => members.get(p)?.teams.some((t) => group.has(t)) ?? false;
  const out = { changes: 0, commits: 0, linesAdded: 0, linesDeleted: 0, authors: 0 };
  const authors = new Set<string>();
  const byTeam = new Map<string, number>();
  let aligned = 0;
  let memberCommits = 0;
  let independent = 0;
  for (const c of commits) {
    const byMember = isMember(c.author) || c.coAuthors.some(isMember);
    let touchesGroup = false;
    let touchesOther = false;
    for (const f of c.files) {
      const teams = input.teamsOf(f.path);
      if (!teams.length) continue;
      if (!teams.some((t) => group.has(t))) {
        touchesOther = true;
        continue;
      }
      touchesGroup = true;
      out.changes++;
      out.linesAdded += f.added ?? 0;
      out.linesDeleted += f.deleted ?? 0;
      authors.add(c.author);
      if (byMember) aligned++;
      const t = primaryTeam(members, c.author);
      byTeam.set(t, (byTeam.get(t) ?? 0) + 1);
    }
    if (touchesGroup) out.commits++;
    if (byMember && (touchesGroup || touchesOther)) {
      memberCommits++;
      if (!touchesOther) independent++;
    }
  }
  return {
    ...out,
    authors: authors.size,
    alignment: ratio(aligned, out.changes),
    deliveryIndependence: ratio(independent, memberCommits),
    fragmentation: fragmentation(byTeam.values()),
  };
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
