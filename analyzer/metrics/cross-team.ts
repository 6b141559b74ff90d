// Classifies each import edge between two owned repository files by delivery team (review
// groups do not count): internal (the two files share a delivery team — joint ownership
// makes an edge internal to each shared team) or crossing from one team to another. Shared by static coupling,
// dependency independence and the violations, so all three agree on what "crosses" means.
import type { ImportEdge } from '../model/types';
import type { MetricsInput } from './input';

export interface TeamEdge {
  edge: ImportEdge & { to: string };
  fromTeams: string[];
  toTeams: string[];
  internal: boolean;
}

export function isRepoTarget(to: string | null): to is string {
  return to !== null && !/^(npm|node):/.test(to);
}

/** Import edges whose source and target files both have owners. */
export function ownedEdges(input: Pick<MetricsInput, 'imports' | 'deliveryTeamsOf'>): TeamEdge[] {
  const out: TeamEdge[] = [];
  for (const e of input.imports) {
    if (!isRepoTarget(e.to) || e.to === e.from) continue;
    const fromTeams = input.deliveryTeamsOf(e.from);
    const toTeams = input.deliveryTeamsOf(e.to);
    if (!fromTeams.length || !toTeams.length) continue;
    out.push({ edge: e as TeamEdge['edge'], fromTeams, toTeams, internal: fromTeams.some((t) => toTeams.includes(t)) });
  }
  return out;
}

/** Every (from team, to team) pair an edge crosses. */
export function crossings(e: TeamEdge): [string, string][] {
  if (e.internal) return [];
  return e.fromTeams.flatMap((f) => e.toTeams.map((t) => [f, t] as [string, string]));
}
