// Static coupling between teams (Martin, "Agile Software Development", 2002 — package metrics
// applied to teams): import edges from one team's files into another team's files, per ordered
// pair; per team afferent Ca (edges coming in from other teams), efferent Ce (edges going out to
// other teams) and instability I = Ce / (Ca + Ce), null when the team has neither.
import type { StaticCoupling } from '../contract/report';
import { crossings, type TeamEdge } from './cross-team';
import { ratio } from './fragmentation';

const EXAMPLES = 20;

export interface TeamStatic {
  afferent: number;
  efferent: number;
  instability: number | null;
}

export function staticCoupling(
  edges: TeamEdge[],
  teamIds: string[],
): { pairs: StaticCoupling[]; perTeam: Map<string, TeamStatic> } {
  const pairs = new Map<string, StaticCoupling>();
  const ca = new Map<string, number>();
  const ce = new Map<string, number>();
  for (const e of edges) {
    for (const [from, to] of crossings(e)) {
      const key = `${from}\0${to}`;
      const p = pairs.get(key) ?? pairs.set(key, { from, to, edges: 0, examples: [] }).get(key)!;
      p.edges++;
      if (p.examples.length < EXAMPLES) p.examples.push({ file: e.edge.from, line: e.edge.line, target: e.edge.to });
      ce.set(from, (ce.get(from) ?? 0) + 1);
      ca.set(to, (ca.get(to) ?? 0) + 1);
    }
  }
  const perTeam = new Map(
    teamIds.map((t) => {
      const a = ca.get(t) ?? 0;
      const c = ce.get(t) ?? 0;
      return [t, { afferent: a, efferent: c, instability: ratio(c, a + c) }];
    }),
  );
  return {
    pairs: [...pairs.values()].sort((x, y) => y.edges - x.edges || (x.from + x.to < y.from + y.to ? -1 : 1)),
    perTeam,
  };
}

/**
 * Dependency independence of a group of teams (docs/metrics.md): of the import edges from the
 * group's files to owned repository files, the share that stay inside the group or target
 * another team's public API. null when the group's files import no owned file.
 */
export function dependencyIndependence(
  edges: TeamEdge[],
  group: Set<string>,
  isPublicApi: (p: string) => boolean,
): number | null {
  const { ok, total } = dependencySample(edges, group, isPublicApi);
  return ratio(ok, total);
}

/** The counts behind dependency independence: edges leaving the group's files to owned files, and those that are fine. */
export function dependencySample(
  edges: TeamEdge[],
  group: Set<string>,
  isPublicApi: (p: string) => boolean,
): { ok: number; total: number } {
  let total = 0;
  let ok = 0;
  for (const e of edges) {
    if (!e.fromTeams.some((t) => group.has(t))) continue;
    total++;
    if (e.toTeams.some((t) => group.has(t)) || isPublicApi(e.edge.to)) ok++;
  }
  return { ok, total };
}
