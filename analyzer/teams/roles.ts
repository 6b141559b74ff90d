// Review groups: teams that co-own code as approvers rather
// than deliver it — a catch-all `*-approvers` team listed on every rule beside the product team,
// a `*-reviewers` pool added to every line. A team T is a review group when
//   (a) T is listed beside other teams on most (> ½) of its CODEOWNERS rules and on more rules
//       than any team it is listed beside (the pool, not the product team it accompanies); or
//   (b) T's files strictly include the files of at least two other teams and of more than half
//       of them (GitLab sections: a reviewers section whose rules cover everyone's files);
// or the team map says `role: review-group` (`role: team` overrides detection). When every team
// would be a review group, none is (there is nothing else to deliver the code).
// A detected group that is also the only delivery owner of a substantial part of the code
// (sole.ts) delivers: it is a team that also reviews (`alsoReviews`), not a review group.
// Roles are judged without process paths (process-paths.ts): a pool listed on `.changeset/`
// neither gains nor loses a role by it.
// A file's delivery teams are its owning teams that are not review groups (delivery.ts).
import { isProcessPath, isProcessRule } from '../model/process-paths';
import { soleDeliveryOwners } from './sole';

import type { RoleInput } from './role-input';
export type { RoleInput } from './role-input';

export interface Roles {
  reviewGroups: Set<string>;
  /** Delivery teams that are also listed beside others as approvers. */
  alsoReviews: Set<string>;
}

export function detectReviewGroups(x: RoleInput): Set<string> {
  return detectRoles(x).reviewGroups;
}

export function detectRoles(input: RoleInput): Roles {
  const x = {
    ...input,
    rules: input.rules.filter((r) => !isProcessRule(r.pattern)),
    files: input.files.filter((p) => !isProcessPath(p)),
  };
  const found = new Set([...listedBeside(x), ...supersets(x)]);
  const alsoReviews = soleDeliveryOwners(x, found);
  for (const t of alsoReviews) found.delete(t);
  for (const t of x.teams) {
    if (t.role === 'review-group') (found.add(t.id), alsoReviews.delete(t.id));
    if (t.role === 'team') found.delete(t.id);
  }
  const owning = new Set(x.rules.flatMap((r) => x.teamsOfOwners(r.owners)));
  const declared = new Set(x.teams.filter((t) => t.role === 'review-group').map((t) => t.id));
  const bots = input.botTeams ?? new Set<string>();
  const roles = [...owning].every((t) => found.has(t) || bots.has(t))
    ? { reviewGroups: declared, alsoReviews: new Set<string>() }
    : { reviewGroups: found, alsoReviews };
  for (const t of bots) (roles.reviewGroups.add(t), roles.alsoReviews.delete(t));
  return roles;
}

/** Rule (a). */
function listedBeside(x: RoleInput): string[] {
  const rules = new Map<string, number>();
  const beside = new Map<string, number>();
  const partners = new Map<string, Set<string>>();
  for (const r of x.rules) {
    const teams = x.teamsOfOwners(r.owners);
    for (const t of teams) {
      rules.set(t, (rules.get(t) ?? 0) + 1);
      if (teams.length < 2) continue;
      beside.set(t, (beside.get(t) ?? 0) + 1);
      const p = partners.get(t) ?? partners.set(t, new Set()).get(t)!;
      for (const u of teams) if (u !== t) p.add(u);
    }
  }
  return [...beside]
    .filter(([t, n]) => 2 * n > rules.get(t)! && [...partners.get(t)!].every((u) => rules.get(u)! < rules.get(t)!))
    .map(([t]) => t);
}

/** Rule (b), from the files at HEAD: T ⊋ U when every file of U is T's and T has more. */
function supersets(x: RoleInput): string[] {
  // Files counted per distinct owning-team set first: a 20-team rule over 3,000 files is one set, not 3,000 × 20².
  const sets = new Map<string, { teams: string[]; n: number }>();
  for (const p of x.files) {
    const teams = x.teamsOf(p);
    const key = teams.join('\0');
    const s = sets.get(key);
    if (s) s.n++;
    else sets.set(key, { teams, n: 1 });
  }
  const files = new Map<string, number>();
  const both = new Map<string, Map<string, number>>();
  for (const { teams, n } of sets.values()) {
    for (const t of teams) {
      files.set(t, (files.get(t) ?? 0) + n);
      if (teams.length < 2) continue;
      const row = both.get(t) ?? both.set(t, new Map()).get(t)!;
      for (const u of teams) if (u !== t) row.set(u, (row.get(u) ?? 0) + n);
    }
  }
  const others = files.size - 1;
  return [...both]
    .filter(([t, row]) => {
      const inside = [...row].filter(([u, n]) => n === files.get(u) && files.get(t)! > n).length;
      return inside >= 2 && 2 * inside > others;
    })
    .map(([t]) => t);
}
