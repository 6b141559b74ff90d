// Declared team membership of a person id. Team-map `members` entries are aliases — an email,
// a git author name or a GitHub `@handle` — so a person belongs to a team when any alias seen
// for them in the history (author names and emails after .mailmap, the resolved id itself,
// which is the handle for GitHub noreply addresses) matches an entry, case-insensitively.
// A team's person owners (`@user`, an email) are its members too: a team map that names
// a group of person owners keeps them as the group's members.
import { isTeamOwner } from '../model/owner-syntax';
import type { Commit, Team } from '../model/types';

const norm = (s: string) => s.trim().toLowerCase().replace(/^@/, '');

/** `ownerAliases`: handle key → a git name that is that person owner (pipeline/owner-names.ts). */
export function makeDeclaredTeamsOf(
  teams: Team[],
  commits: Commit[],
  ownerAliases?: Map<string, string>,
): (person: string) => string[] {
  const byAlias = new Map<string, Set<string>>();
  for (const t of teams) {
    for (const m of [...t.members, ...t.owners.filter((o) => !isTeamOwner(o))]) {
      addTo(byAlias, norm(m), t.id);
      const alias = ownerAliases?.get(norm(m));
      if (alias) addTo(byAlias, norm(alias), t.id);
    }
  }
  const aliases = new Map<string, Set<string>>();
  for (const c of commits) {
    addTo(aliases, c.author, norm(c.authorName));
    addTo(aliases, c.author, norm(c.authorEmail));
  }
  const memo = new Map<string, string[]>();
  return (person) => {
    let out = memo.get(person);
    if (!out) {
      const found = new Set<string>(byAlias.get(norm(person)) ?? []);
      for (const a of aliases.get(person) ?? []) for (const t of byAlias.get(a) ?? []) found.add(t);
      memo.set(person, (out = [...found]));
    }
    return out;
  };
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  if (!key) return;
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}
