// People as they really are: the history's identities merged into people
// (people/merge.ts), with the handles CODEOWNERS and the team map name, and the .mailmap
// entries git applied (evidence only). Rewrites the commits' authors to the merged ids.
import { readRepoFile } from '../collect/read-file';
import type { Commit } from '../model/types';
import type { Ownership } from '../ownership';
import { parseMailmap, type MailmapEntry } from '../people/mailmap';
import { applyMerge, mergeIdentities, type IdentityMerge } from '../people/merge';
import { handleKey, isPersonHandle } from '../people/names';

export interface People {
  merge: IdentityMerge;
  mailmap: MailmapEntry[];
}

export function resolvePeople(
  ownership: Ownership,
  commits: Commit[],
  coAuthorNames?: Map<string, Map<string, number>>,
): People {
  const merge = mergeIdentities(commits, knownHandles(ownership), coAuthorNames);
  applyMerge(commits, merge);
  return { merge, mailmap: readMailmap(ownership.root) };
}

/** Handle key → spelling, from CODEOWNERS person owners and the team map's `@handle` members and owners. */
export function knownHandles(ownership: Ownership): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of ownership.codeowners?.rules ?? [])
    for (const o of r.owners) if (isPersonHandle(o) && !out.has(handleKey(o))) out.set(handleKey(o), o.slice(1));
  for (const t of ownership.teamMap.teams) {
    for (const m of [...t.members, ...t.owners])
      if (isPersonHandle(m) && !out.has(handleKey(m))) out.set(handleKey(m), m.slice(1));
  }
  return out;
}

function readMailmap(root: string): MailmapEntry[] {
  const r = readRepoFile(root, '.mailmap', 4 * 1024 * 1024, true); // a link into .git or outside is never read
  return r.kind === 'text' ? parseMailmap(r.text) : [];
}
