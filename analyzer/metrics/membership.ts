// Team membership of every person in the window (issue 3, "Membership inference"):
// declared teams from the team map when it lists the person; otherwise inferred — the team whose
// files the person changed most (ties: the team id that sorts first), marked `inferred`.
// A person's primary team (the first) is the one their changes count for in fragmentation
// and main-team, so that Σ n_t = N.
import type { MetricsInput } from './input';

export interface Membership {
  teams: string[];
  inferred: boolean;
}

/** `only`: resolve just these people (a review needs a handful, not everyone in the history). */
export function resolveMembership(input: Pick<MetricsInput, 'commits' | 'teamsOf' | 'declaredTeamsOf'>, only?: Set<string>): Map<string, Membership> {
  const ownedChanges = new Map<string, Map<string, number>>();
  const people = new Set<string>();
  for (const c of input.commits) {
    if (only && !only.has(c.author)) continue;
    people.add(c.author);
    for (const p of c.coAuthors) people.add(p);
    const counts = ownedChanges.get(c.author) ?? ownedChanges.set(c.author, new Map()).get(c.author)!;
    for (const f of c.files) for (const t of input.teamsOf(f.path)) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const out = new Map<string, Membership>();
  for (const person of people) {
    const declared = input.declaredTeamsOf(person);
    if (declared.length) out.set(person, { teams: declared, inferred: false });
    else {
      const top = topKey(ownedChanges.get(person));
      out.set(person, { teams: top ? [top] : [], inferred: Boolean(top) });
    }
  }
  return out;
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
