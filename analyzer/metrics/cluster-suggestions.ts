// Cluster suggestions: groups of 3–5 teams coupled to each other far more than to the rest.
// Team graph weights = cross-team import edges (both directions) + shared commits (team change
// coupling); Louvain (seeded) finds the groups; a group is suggested when its internal weight is
// at least twice its external weight and it is not already a declared cluster.
import type { Cluster } from '../model/types';
import { IdGraph } from './id-graph';
import type { StaticCoupling, TeamCoupling } from '../contract/report';
import { seeded } from './modules';

export function suggestClusters(
  staticPairs: StaticCoupling[],
  changePairs: TeamCoupling[],
  declared: Cluster[],
): { teams: string[]; reason: string }[] {
  const ig = new IdGraph();
  for (const s of staticPairs) ig.link(s.from, s.to, s.edges);
  for (const c of changePairs) ig.link(c.a, c.b, c.sharedCommits);
  const g = ig.graph;
  if (g.order < 3) return [];
  const groups = ig.communities(seeded(7));
  const known = new Set(declared.map((c) => [...c.teams].sort().join('\0')));
  const out: { teams: string[]; reason: string }[] = [];
  for (const members of groups) {
    // A group of every team says nothing; a declared cluster needs no suggestion.
    if (
      members.length < 3 ||
      members.length > 5 ||
      members.length === g.order ||
      known.has([...members].sort().join('\0'))
    )
      continue;
    const inside = new Set(members);
    let internal = 0;
    let external = 0;
    g.forEachEdge((_e, attr, a, b) => {
      const n = (inside.has(ig.idOf(a)) ? 1 : 0) + (inside.has(ig.idOf(b)) ? 1 : 0);
      if (n === 2) internal += attr.weight as number;
      else if (n === 1) external += attr.weight as number;
    });
    if (internal < 2 * external || internal === 0) continue;
    out.push({
      teams: members.sort(),
      reason: `coupling inside the group ${internal} (imports + shared commits) vs ${external} to other teams`,
    });
  }
  return out;
}

/** Why the list is empty (an empty suggestion list says why). */
export function whyNoClusters(staticPairs: StaticCoupling[], changePairs: TeamCoupling[]): string {
  const coupled = new Set([
    ...staticPairs.filter((s) => s.edges > 0).flatMap((s) => [s.from, s.to]),
    ...changePairs.filter((c) => c.sharedCommits > 0).flatMap((c) => [c.a, c.b]),
  ]);
  if (coupled.size < 3)
    return `no cluster suggested: ${coupled.size} team${coupled.size === 1 ? '' : 's'} share${coupled.size === 1 ? 's' : ''} commits or imports with another team in the window, and a cluster needs 3`;
  return `no cluster suggested: among the ${coupled.size} coupled teams no group of 3–5 is coupled at least twice as much to each other (imports + shared commits) as to the rest, or every such group is already a declared cluster`;
}
