// Import violations:
//  deep-import           an import into another team's file that is not its public API;
//  forbidden-dependency  the importing team declares `dependsOn` in the team map and the
//                        imported team is not in it (teams without `dependsOn` are not checked).
import type { Team } from '../../model/types';
import { crossings, type TeamEdge } from '../cross-team';
import type { Draft } from './fingerprint';

/** publicHint(team, target): the advice naming the team's real entry points (pipeline/public-hint.ts). */
export function deepImports(
  edges: TeamEdge[],
  isPublicApi: (p: string) => boolean,
  publicHint: (team: string, target: string) => string,
): Draft[] {
  const out: Draft[] = [];
  for (const e of edges) {
    if (e.internal || isPublicApi(e.edge.to)) continue;
    const [from, to] = crossings(e)[0];
    out.push({
      kind: 'deep-import',
      file: e.edge.from,
      line: e.edge.line,
      fromTeam: from,
      toTeam: to,
      target: e.edge.to,
      message: `imports ${e.edge.to}, an internal file of team ${to}: ${publicHint(to, e.edge.to)}, or ask ${to} to make this file public (publicApi in conway.yml)`,
    });
  }
  return out;
}

export function forbiddenDependencies(edges: TeamEdge[], teams: Map<string, Team>): Draft[] {
  const out: Draft[] = [];
  for (const e of edges) {
    for (const [from, to] of crossings(e)) {
      const allowed = teams.get(from)?.dependsOn;
      if (!allowed || allowed.includes(to)) continue;
      out.push({
        kind: 'forbidden-dependency',
        file: e.edge.from,
        line: e.edge.line,
        fromTeam: from,
        toTeam: to,
        target: e.edge.to,
        message: `team ${from} may not depend on team ${to} (dependsOn: ${allowed.length ? allowed.join(', ') : 'none'}): remove the import, or add ${to} to ${from}.dependsOn in conway.yml`,
      });
    }
  }
  return out;
}
