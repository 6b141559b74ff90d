// Teams when there is no team map, or for owners the map does not mention: every CODEOWNERS
// owner is its own team whose id is the owner string; a GitHub user or an email owner is a
// one-person team whose only member is that person.
import { isTeamOwner } from '../codeowners/owner-syntax';
import type { Rule, Team } from '../model/types';

export function ownerTeam(owner: string): Team {
  return { id: owner, name: owner, owners: [owner], members: isTeamOwner(owner) ? [] : [owner], clusters: [] };
}

/** Owners of the rules, in first-seen order, that no team lists. */
export function unmappedOwners(rules: Rule[], teams: Team[]): string[] {
  const mapped = new Set(teams.flatMap((t) => t.owners));
  const out = new Set<string>();
  for (const r of rules) for (const o of r.owners) if (!mapped.has(o)) out.add(o);
  return [...out];
}
