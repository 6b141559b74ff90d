// CODEOWNERS person owners whose handle no identity in the window carries, matched by the full
// name their noreply address was used with earlier in the history (history/handle-names.ts).
// The match is a declared-membership alias (like a git name in a team map's `members`), given
// only when exactly one person in the window has that name and that person carries no other
// handle — a shared name or a different handle is no evidence. Each match is named in a note.
import type { Commit } from '../model/types';
import type { Ownership } from '../ownership';
import { namesOfHandles } from '../history/handle-names';
import type { People } from './people';
import { handleKey, isPersonHandle } from '../people/names';

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
  const found = await namesOfHandles(root, missing, signal);
  for (const h of missing) {
    const n = found.get(h);
    const persons = n ? personsByName.get(n.name) : undefined;
    if (!n || persons?.size !== 1) continue;
    const person = [...persons][0];
    if ([...carried.values()].includes(person)) continue; // that person is someone else's handle already
    out.aliases.set(h, n.name);
    out.notes.push(
      `CODEOWNERS person owner ${owners.get(h)} has no identity in the window under that handle: matched to ${n.name}, who committed as ${n.email} earlier in the history (${n.commits} commit${n.commits === 1 ? '' : 's'}) and is the only person of that name in the window`,
    );
  }
  return out;
}
