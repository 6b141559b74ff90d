// Delivery teams: a file's owning teams without the review groups (teams/roles.ts).
// Answers are memoized per path and are the very array teamsOf returned when no review group
// owns the file, so per-array caches downstream (team-history.ts) keep working.
// Codeowners Plus: review groups are detected from the primary owners only — its `&` groups
// are by definition extra approvers of a file someone else owns, so a primary owner whose files
// include every `&` group's is the owner of those files, not a pool beside them.
import { ruleKey } from '../codeowners/parse';
import type { Ownership } from '../ownership';
import { detectRoles } from '../teams/roles';
import { andRuleDelivery } from './and-delivery';

export function buildDelivery(
  ownership: Ownership,
  files: string[],
  teamsOf: (p: string) => string[],
  botTeams?: Set<string>,
) {
  const { reviewGroups, alsoReviews } = detectRoles({
    rules: ownership.codeowners?.rules ?? [],
    teams: ownership.teamMap.teams,
    teamsOfOwners: ownership.teamsOfOwners,
    files,
    teamsOf: roleTeamsOf(ownership, teamsOf),
    patternOf: (p) => ownership.who(p).rule?.pattern ?? null,
    botTeams,
  });
  const byTeams = new WeakMap<string[], string[]>();
  const underAnd = andRuleDelivery(ownership);
  const byPath = new Map<string, string[]>();
  const deliveryTeamsOf = (p: string) => {
    const teams = teamsOf(p);
    let d = byTeams.get(teams);
    if (!d) byTeams.set(teams, (d = deliveringOf(teams)));
    if (!underAnd) return d;
    let a = byPath.get(p);
    if (!a) byPath.set(p, (a = underAnd(p, d) ?? d));
    return a;
  };
  const deliveringOf = (teams: string[]) => {
    const d = teams.some((t) => reviewGroups.has(t)) ? teams.filter((t) => !reviewGroups.has(t)) : teams;
    const others = d.filter((t) => !alsoReviews.has(t));
    return others.length && others.length < d.length ? others : d;
  };
  return {
    reviewGroups,
    alsoReviews,
    deliveryTeamsOf: reviewGroups.size || alsoReviews.size || underAnd ? deliveryTeamsOf : teamsOf,
  };
}

function roleTeamsOf(ownership: Ownership, teamsOf: (p: string) => string[]): (p: string) => string[] {
  if (ownership.codeowners?.source !== 'codeowners-plus') return teamsOf;
  const rules = new Map(ownership.codeowners.rules.map((r) => [ruleKey(r), r]));
  return (p) => {
    const rule = ownership.who(p).rule;
    return ownership.teamsOfOwners((rule && rules.get(ruleKey(rule))?.owners) ?? []);
  };
}
