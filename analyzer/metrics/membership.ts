// Team membership of every person in the window (docs/metrics.md):
//  - declared: the team map lists the person (any alias), or a CODEOWNERS person owner or group
//    of person owners names them (matched through their merged identities, people/merge.ts);
//  - inferred, for everyone the team map does not list: every team that can take members from
//    history (not a review group, not a CODEOWNERS person or group of persons) that received at
//    least MEMBER_SHARE of the person's changes to owned files, or whose changes the person made
//    at least MEMBER_SHARE of (a team's lead who also works everywhere else is still its member),
//    and the team that received most when it can take members (ties: the id that sorts first). A change counts for each of its
//    file's delivery teams (joint ownership), or for "review groups only" when it has none — so
//    where a review group owns most of the code, touching a team's corner now and then does not
//    make everyone a member of that team. Shares may sum past 1.
// A person's primary team (the first: declared, else the largest share) is the one their changes
// count for in fragmentation and main-team, so that Σ n_t = N.
import { isTeamOwner } from '../model/owner-syntax';
import type { Team } from '../model/types';
import type { MetricsInput } from './input';

/** A team of persons (CODEOWNERS person owners, or a team map's team whose owners are all persons): its members are those persons. */
const isPersonTeam = (t: Team) => t.owners.length > 0 && !t.owners.some(isTeamOwner);

/** A person is an inferred member of every team that received at least this share of their changes. */
export const MEMBER_SHARE = 0.25;

export interface Membership {
  teams: string[];
  /** True when every team of the person was inferred from history. */
  inferred: boolean;
  declared: string[];
  /** Inferred team → the share of the person's delivery-owned changes that went to its files. */
  shares: Map<string, number>;
}

type MembershipInput = Pick<MetricsInput, 'commits' | 'teams' | 'reviewGroups' | 'teamsOf' | 'deliveryTeamsOf' | 'declaredTeamsOf'>;

/** `only`: resolve just these people (a review needs a handful, not everyone in the history). */
export function resolveMembership(input: MembershipInput, only?: Set<string>): Map<string, Membership> {
  const { byTeam, totals, teamTotals, people } = changesByTeam(input, only);
  const implicit = new Set(input.teams.filter((t) => t.implicit).map((t) => t.id));
  const candidates = new Set(input.teams.filter((t) => !input.reviewGroups.has(t.id) && !isPersonTeam(t)).map((t) => t.id));
  const out = new Map<string, Membership>();
  for (const person of people) {
    const declared = input.declaredTeamsOf(person);
    const listedByMap = declared.some((t) => !implicit.has(t));
    const shares = listedByMap ? new Map<string, number>() : inferredShares(byTeam.get(person), totals.get(person) ?? 0, (t) => (candidates.has(t) ? teamTotals.get(t)! : 0));
    const inferred = [...shares.keys()].filter((t) => !declared.includes(t));
    out.set(person, { teams: [...declared, ...inferred], inferred: !declared.length && inferred.length > 0, declared, shares });
  }
  return out;
}

function changesByTeam(input: MembershipInput, only?: Set<string>) {
  const byTeam = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  const teamTotals = new Map<string, number>();
  const people = new Set<string>();
  for (const c of input.commits) {
    // Everyone's changes count in the team totals; only the people asked for are resolved.
    const mine = !only || only.has(c.author);
    if (mine) {
      people.add(c.author);
      for (const p of c.coAuthors) people.add(p);
    }
    const counts = mine ? byTeam.get(c.author) ?? byTeam.set(c.author, new Map()).get(c.author)! : null;
    let owned = 0;
    for (const f of c.files) {
      if (!input.teamsOf(f.path).length) continue;
      owned++;
      const teams = input.deliveryTeamsOf(f.path);
      for (const t of teams.length ? teams : REVIEW_ONLY) {
        counts?.set(t, (counts.get(t) ?? 0) + 1);
        teamTotals.set(t, (teamTotals.get(t) ?? 0) + 1);
      }
    }
    if (mine) totals.set(c.author, (totals.get(c.author) ?? 0) + owned);
  }
  return { byTeam, totals, teamTotals, people };
}

/** Changes to files owned only by review groups (a key no team id can be). */
const REVIEW_ONLY = ['\0review groups only'];

/**
 * Candidate teams (teamTotal > 0: the changes to the team's files) at or above MEMBER_SHARE of
 * the person's changes or of the team's, largest first, and the largest bucket even when below.
 */
function inferredShares(counts: Map<string, number> | undefined, total: number, teamTotal: (t: string) => number): Map<string, number> {
  const ranked = [...(counts ?? [])].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  const kept = ranked.filter(([t, n], i) => teamTotal(t) > 0 && (i === 0 || n / total >= MEMBER_SHARE || n / teamTotal(t) >= MEMBER_SHARE));
  return new Map(kept.map(([t, n]) => [t, n / total]));
}

/** The key with the highest count (`countOf` its value); ties broken by the key that sorts first. */
export function topKey<V = number>(entries: Iterable<readonly [string, V]> | undefined, countOf: (v: V) => number = (v) => v as number): string | null {
  let best: string | null = null;
  let bestN = -1;
  for (const [k, v] of entries ?? []) {
    const n = countOf(v);
    if (n > bestN || (n === bestN && best !== null && k < best)) [best, bestN] = [k, n];
  }
  return best;
}

/** The team a person's changes count for: their primary team, or the person themself. */
export function primaryTeam(members: Map<string, Membership>, person: string): string {
  return members.get(person)?.teams[0] ?? `person:${person}`;
}
