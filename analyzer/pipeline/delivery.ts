// Delivery teams: a file's owning teams without the review groups (teams/roles.ts).
// Answers are memoized per path and are the very array teamsOf returned when no review group
// owns the file, so per-array caches downstream (team-history.ts) keep working.
import type { Ownership } from '../ownership';
import { detectReviewGroups } from '../teams/roles';

export function buildDelivery(ownership: Ownership, files: string[], teamsOf: (p: string) => string[]) {
  const reviewGroups = detectReviewGroups({ rules: ownership.codeowners?.rules ?? [], teams: ownership.teamMap.teams, teamsOfOwners: ownership.teamsOfOwners, files, teamsOf });
  const byTeams = new WeakMap<string[], string[]>();
  const deliveryTeamsOf = (p: string) => {
    const teams = teamsOf(p);
    let d = byTeams.get(teams);
    if (!d) byTeams.set(teams, (d = teams.some((t) => reviewGroups.has(t)) ? teams.filter((t) => !reviewGroups.has(t)) : teams));
    return d;
  };
  return { reviewGroups, deliveryTeamsOf: reviewGroups.size ? deliveryTeamsOf : teamsOf };
}
