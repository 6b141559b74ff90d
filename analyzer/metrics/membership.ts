// Team membership of every person in the window (docs/metrics.md):
//  - declared: the team map lists the person (any alias), or a CODEOWNERS person owner or group
//    of person owners names them (matched through their merged identities, people/merge.ts);
//  - inferred, for everyone the team map does not list: every team that can take members from
//    history (not a review group, not a CODEOWNERS person or group of persons) that received at
//    least `memberShare` (--member-share, default 25%) of the person's OWN changes in the window
//    — all their changes, owned files or not — and at least `minSample` (--min-sample) changes.
//    Membership follows a person's own work: a generalist who touched a team's corner is not its
//    member, and a person whose work is spread thin belongs to no team (their changes count for
//    themself). Commits touching more than `maxChangesetSize` files (--max-changeset: sweeps,
//    dependency upgrades, releases) count for nothing here. A change counts for each of its
//    file's delivery teams (joint ownership), for none when only review groups own the file.
//    Shares may sum past 1.
// A person's primary team (the first: declared, else the largest share) is the one their changes
// count for in fragmentation and main-team, so that Σ n_t = N.
import { isTeamOwner } from '../model/owner-syntax';
import type { Team } from '../model/types';
import type { MetricsInput } from './input';

/** A team of persons (CODEOWNERS person owners, or a team map's team whose owners are all persons): its members are those persons. */
const isPersonTeam = (t: Team) => t.owners.length > 0 && !t.owners.some(isTeamOwner);

/** A person is an inferred member of every team that received at least this share of their own changes. */
export const MEMBER_SHARE = 0.25;

export interface MembershipOptions {
  memberShare: number;
  minSample: number;
  maxChangesetSize: number;
}

const DEFAULTS: MembershipOptions = { memberShare: MEMBER_SHARE, minSample: 10, maxChangesetSize: 30 };

export interface Membership {
  teams: string[];
  /** True when every team of the person was inferred from history. */
  inferred: boolean;
  declared: string[];
  /** Inferred team → the share of the person's own changes that went to its files, and how many. */
  shares: Map<string, { share: number; changes: number }>;
  /** The person's own changes that membership counted (commits up to maxChangesetSize files). */
  counted: number;
}

type MembershipInput = Pick<
  MetricsInput,
  'commits' | 'teams' | 'reviewGroups' | 'teamsOf' | 'deliveryTeamsOf' | 'declaredTeamsOf'
>;

/** `only`: resolve just these people (a review needs a handful, not everyone in the history). */
export function resolveMembership(
  input: MembershipInput,
  only?: Set<string>,
  options: Partial<MembershipOptions> = {},
): Map<string, Membership> {
  const opts = { ...DEFAULTS, ...options };
  const { byTeam, totals, people } = changesByTeam(input, opts.maxChangesetSize, only);
  const implicit = new Set(input.teams.filter((t) => t.implicit).map((t) => t.id));
  const candidates = new Set(
    input.teams.filter((t) => !input.reviewGroups.has(t.id) && !isPersonTeam(t)).map((t) => t.id),
  );
  const out = new Map<string, Membership>();
  for (const person of people) {
    const declared = input.declaredTeamsOf(person);
    const listedByMap = declared.some((t) => !implicit.has(t));
    const total = totals.get(person) ?? 0;
    const shares = listedByMap ? new Map() : inferredShares(byTeam.get(person), total, (t) => candidates.has(t), opts);
    const inferred = [...shares.keys()].filter((t) => !declared.includes(t));
    out.set(person, {
      teams: [...declared, ...inferred],
      inferred: !declared.length && inferred.length > 0,
      declared,
      shares,
      counted: total,
    });
  }
  return out;
}

function changesByTeam(input: MembershipInput, maxChangesetSize: number, only?: Set<string>) {
  const byTeam = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  const people = new Set<string>();
  for (const c of input.commits) {
    if (only && !only.has(c.author)) continue;
    people.add(c.author);
    for (const p of c.coAuthors) people.add(p);
    if (c.files.length > maxChangesetSize) continue;
    const counts = byTeam.get(c.author) ?? byTeam.set(c.author, new Map()).get(c.author)!;
    for (const f of c.files) for (const t of input.deliveryTeamsOf(f.path)) counts.set(t, (counts.get(t) ?? 0) + 1);
    totals.set(c.author, (totals.get(c.author) ?? 0) + c.files.length);
  }
  return { byTeam, totals, people };
}

/** Candidate teams with at least memberShare of the person's own changes and minSample of them, largest first. */
function inferredShares(
  counts: Map<string, number> | undefined,
  total: number,
  candidate: (t: string) => boolean,
  opts: MembershipOptions,
): Map<string, { share: number; changes: number }> {
  const ranked = [...(counts ?? [])].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  const kept = ranked.filter(([t, n]) => candidate(t) && n >= opts.minSample && n >= opts.memberShare * total);
  return new Map(kept.map(([t, n]) => [t, { share: n / total, changes: n }]));
}

/** The key with the highest count (`countOf` its value); ties broken by the key that sorts first. */
export function topKey<V = number>(
  entries: Iterable<readonly [string, V]> | undefined,
  countOf: (v: V) => number = (v) => v as number,
): string | null {
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
