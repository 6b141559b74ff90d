// A file's delivery team (docs/inputs.md, "Team map", roles): of the teams that own
// it, the most specific one that is not a review group. Review groups are approver pools listed
// beside product teams on most rules (`* @org/js-approvers` then `/secrets/ @org/js-approvers
// @org/secrets-team`): the developer asks the product team, not the pool. A team's role comes from
// the report; an older report has none, and then every team counts as a team. "Most
// specific" = owning the fewest files (a catch-all owns many); before the analysis has counted
// files, appearing on the fewest CODEOWNERS rules (a pool is listed on most); then the first listed.
// Pure (no vscode): the status bar, its tooltip and the owners command read it.
import type { TeamRow } from '../analyzer/contract/report';

export interface DeliveryView {
  delivery: string | null;
  reviewGroups: string[];
  /** Owning teams other than the delivery team that are not review groups. */
  others: string[];
}

export function deliveryTeam(
  teams: string[],
  rows: ReadonlyMap<string, TeamRow>,
  rules: ReadonlyMap<string, number> = new Map(),
): DeliveryView {
  const reviewGroups = teams.filter((t) => rows.get(t)?.role === 'review-group');
  const delivering = teams.filter((t) => !reviewGroups.includes(t));
  const counted = delivering.every((t) => rows.has(t));
  const files = (t: string) => (counted ? rows.get(t)!.files : 0);
  const onRules = (t: string) => rules.get(t) ?? 0;
  const delivery =
    [...delivering].sort(
      (a, b) => files(a) - files(b) || onRules(a) - onRules(b) || delivering.indexOf(a) - delivering.indexOf(b),
    )[0] ?? null;
  return { delivery, reviewGroups, others: delivering.filter((t) => t !== delivery) };
}

/** Status-bar text: the delivery team short (`@org/` dropped), `+N` for the other owners. */
export function statusText(view: DeliveryView, name: (id: string) => string): string {
  if (!view.delivery)
    return view.reviewGroups.length
      ? `${short(name(view.reviewGroups[0]))} (review group)${plus(view.reviewGroups.length - 1)}`
      : 'Unowned';
  return `${short(name(view.delivery))}${plus(view.reviewGroups.length + view.others.length)}`;
}

export function short(name: string): string {
  return name.replace(/^@[^/\s]+\//, '');
}

const plus = (n: number) => (n > 0 ? ` +${n}` : '');
