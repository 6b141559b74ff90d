// CODEOWNERS person owners whose handle no identity in the window carries, matched by the full
// name their noreply address was used with earlier in the history (history/handle-names.ts).
// Failing that, by the name the handle spells (`@danielroe` is Daniel Roe, `@dkirkby` Don Kirkby:
// the full name with its separators dropped, or initial and surname — the conventions people
// pick handles by). Either match is a declared-membership alias (like a git name in a team map's
// `members`), given only when exactly one person in the window has that name and that person
// carries no handle — a shared name or a different handle is no evidence. Each match is named
// in a note.
import type { Commit } from '../model/types';
import type { Ownership } from '../ownership';
import { namesOfHandles, type HandleNamesCache } from '../history/handle-names';
import type { People } from './people';
import { handleKey, isPersonHandle } from '../people/names';
import { handleSpellings } from '../people/words';

export interface OwnerNames {
  /** Handle key → the git name that is that owner. */
  aliases: Map<string, string>;
  notes: string[];
}

export async function personOwnerNames(
  root: string,
  ownership: Ownership,
  people: People,
  commits: Commit[],
  signal?: AbortSignal,
  cache?: HandleNamesCache,
): Promise<OwnerNames> {
  const owners = new Map<string, string>();
  for (const r of ownership.codeowners?.rules ?? [])
    for (const o of r.owners) if (isPersonHandle(o)) owners.set(handleKey(o), o);
  const carried = new Map<string, string>(); // handle key → person
  for (const p of people.merge.people.values()) for (const h of p.handles) carried.set(handleKey(h), p.id);
  const personsByName = new Map<string, Set<string>>();
  for (const c of commits)
    (personsByName.get(c.authorName) ?? personsByName.set(c.authorName, new Set()).get(c.authorName)!).add(c.author);
  const missing = [...owners.keys()].filter((h) => !carried.has(h));
  const out: OwnerNames = { aliases: new Map(), notes: [] };
  if (!missing.length || !commits.length) return out;
  const found = await namesOfHandles(root, missing, signal, cache);
  const withHandle = new Set(carried.values());
  const spelled = spellingsOf(personsByName);
  const plural = (n: number) => `${n} commit${n === 1 ? '' : 's'}`;
  for (const h of missing) {
    const n = found.get(h);
    const persons = n ? personsByName.get(n.name) : undefined;
    if (n && persons?.size === 1 && !withHandle.has([...persons][0])) {
      out.aliases.set(h, n.name);
      out.notes.push(
        `CODEOWNERS person owner ${owners.get(h)} has no identity in the window under that handle: matched to ${n.name}, who committed as ${n.email} earlier in the history (${plural(n.commits)}) and is the only person of that name in the window`,
      );
      continue;
    }
    const names = spelled.get(h.replace(/[^\p{L}\p{N}]/gu, ''));
    const matched = names && new Set([...names].flatMap((name) => [...personsByName.get(name)!]));
    if (!names || matched?.size !== 1 || withHandle.has([...matched][0])) continue;
    const name = [...names][0];
    out.aliases.set(h, name);
    out.notes.push(
      `CODEOWNERS person owner ${owners.get(h)} has no identity in the window under that handle: matched to ${name}, the only person in the window whose name the handle spells`,
    );
  }
  return out;
}

/** Handle spelling → the full names in the window that spell it. */
function spellingsOf(personsByName: Map<string, Set<string>>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const name of personsByName.keys())
    for (const s of handleSpellings(name)) (out.get(s) ?? out.set(s, new Set()).get(s)!).add(name);
  return out;
}
