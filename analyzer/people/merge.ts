// Identity merging: one person, many identities. git has already applied
// .mailmap; the history's person ids (history/identity.ts: noreply handle, else email) are then
// joined (union–find) when they share
//   1. a GitHub handle: a noreply address's handle, an email local part or a one-word git name
//      equal to a handle named in CODEOWNERS or the team map, or seen in a noreply address
//      (case-insensitive) — so the handles a team map drafted by `conway init` names merge the
//      same identities as the history alone did;
//   2. a full name of at least two words, ignoring case, accents and spaces (names.ts).
// Links are weighted by commits and never join two dominant full names (keep-apart.ts): such
// links are listed as conflicts instead. A co-author who never committed joins the person with
// the same name or handle; their name comes from the trailers. Each link is kept as evidence.
// A merged person's id is their handle when one is known (so
// CODEOWNERS `@user` and team-map `@user` find them), else their busiest identity's id.
// Cost: one Map lookup per commit plus work per distinct identity.
import { noreplyHandle } from '../history/identity';
import type { Commit } from '../model/types';
import { dedupe, evidence, spelling, type Link } from './evidence';
import { GuardedUnion, plural, speakingNames, type Conflict } from './keep-apart';
import type { Identity } from './identity';
import { nameKey, wordKey } from './names';
import { oneWordNames, type Words } from './words';

export type { Identity } from './identity';

export interface MergedPerson {
  id: string;
  /** History person ids merged into this person. */
  ids: string[];
  handles: string[];
  merged: { identity: string; reason: string }[];
  /** Links refused because they would join two people's full names (keep-apart.ts). */
  keptApart: string[];
}

export interface IdentityMerge {
  personOf(id: string): string;
  people: Map<string, MergedPerson>;
  identities: Map<string, Identity>;
}

/**
 * knownHandles: handle key → spelling (CODEOWNERS and team map); coAuthorNames: person id →
 * `name\x1femail` → trailers (history/mine.ts), the names of people who only co-authored.
 */
export function mergeIdentities(
  commits: Commit[],
  knownHandles: Map<string, string>,
  coAuthorNames = new Map<string, Map<string, number>>(),
): IdentityMerge {
  const identities = collectIdentities(commits, coAuthorNames);
  const handles = withNoreplyHandles(identities, knownHandles);
  const words = oneWordNames(identities);
  const union = new GuardedUnion(identities);
  const links = new Map<string, Link[]>();
  const busiestFirst = [...identities].sort(([a, x], [b, y]) => y.commits - x.commits || (a < b ? -1 : 1));
  for (const [id, ident] of busiestFirst) {
    for (const l of linksOf(id, ident, handles, words)) {
      if (union.join(id, l.to, l.reason)) (links.get(id) ?? links.set(id, []).get(id)!).push(l);
    }
  }
  const conflicts = [...union.conflicts, ...minorityNames(identities, union)];
  return group(identities, links, (k) => union.find(k), knownHandles, conflicts);
}

/** A name used on a few of an identity's commits that is another person's dominant name: `email` used by two names. */
function minorityNames(identities: Map<string, Identity>, union: GuardedUnion): Conflict[] {
  const roots = new Set([...identities.keys()].map((id) => union.find(id)));
  const out: Conflict[] = [];
  for (const [id, ident] of identities) {
    const mine = union.dominant(union.find(id));
    if (!mine) continue;
    const speaks = speakingNames(ident);
    for (const [pair, n] of ident.pairs) {
      const [name, email] = pair.split('\x1f');
      const key = nameKey(name);
      // A name that spoke was joined or refused (and listed) already.
      if (!key || key === mine.key || speaks(name)) continue;
      const other = union.holderOf(key, roots);
      if (other)
        out.push({
          ids: [id, other],
          text: `\`${email}\` used by two names: ${mine.name} (${plural(mine.commits)}), ${name.trim()} (${n}) — kept apart`,
        });
    }
  }
  return out;
}

function collectIdentities(commits: Commit[], coAuthorNames: Map<string, Map<string, number>>): Map<string, Identity> {
  const out = new Map<string, Identity>();
  const get = (id: string) => out.get(id) ?? out.set(id, { pairs: new Map(), commits: 0, changes: 0 }).get(id)!;
  for (const c of commits) {
    const i = get(c.author);
    const pair = `${c.authorName}\x1f${c.authorEmail}`;
    i.pairs.set(pair, (i.pairs.get(pair) ?? 0) + 1);
    i.commits++;
    i.changes += c.files.length;
    for (const co of c.coAuthors) get(co);
  }
  // A co-author who never committed: the names and addresses their trailers give, with 0 commits.
  for (const [id, ident] of out) {
    if (ident.commits === 0) for (const pair of coAuthorNames.get(id)?.keys() ?? []) ident.pairs.set(pair, 0);
  }
  return out;
}

/** The known handles plus every handle seen in a noreply address (spelled as there). */
function withNoreplyHandles(identities: Map<string, Identity>, known: Map<string, string>): Map<string, string> {
  const out = new Map(known);
  for (const ident of identities.values()) {
    for (const pair of ident.pairs.keys()) {
      const h = noreplyHandle(pair.slice(pair.indexOf('\x1f') + 1));
      if (h && !out.has(h.toLowerCase())) out.set(h.toLowerCase(), h);
    }
  }
  return out;
}

/** The handle, name and word nodes an identity joins, with the evidence for each. */
function linksOf(id: string, ident: Identity, known: Map<string, string>, words: Words) {
  const out: Link[] = [];
  const seen = new Set<string>();
  const add = (to: string, reason: string, identity: string) => {
    if (!seen.has(to)) (seen.add(to), out.push({ to, reason, identity }));
  };
  if (!ident.pairs.size && id.includes('@')) ident.pairs.set(`\x1f${id}`, 0); // a co-author whose trailer is unknown
  const speaks = speakingNames(ident);
  for (const pair of ident.pairs.keys()) {
    const [name, email] = pair.split('\x1f');
    const shown = `${name} <${email}>`;
    const mail = email.trim().toLowerCase();
    const noreply = noreplyHandle(mail);
    const local = mail.split('@')[0];
    const oneWord = /^\S+$/.test(name.trim()) ? name.trim().toLowerCase() : '';
    if (noreply) add(`h:${noreply.toLowerCase()}`, `noreply ${email}`, shown);
    else if (local && known.has(local)) add(`h:${local}`, `handle @${known.get(local)} (email local part)`, shown);
    else if (local && words.oneWord.has(local))
      add(`w:${local}`, `email local part ${local} = a one-word git name`, shown);
    const byInitial = local ? words.initials.get(local) : undefined;
    if (byInitial) add(`n:${byInitial}`, `email local part ${local} = initial and surname of a full name`, shown);
    if (!speaks(name)) continue;
    if (oneWord && known.has(oneWord)) add(`h:${oneWord}`, `handle @${known.get(oneWord)} (git name)`, shown);
    const word = wordKey(name);
    if (word && !known.has(word) && words.oneWord.has(word))
      add(`w:${word}`, `same one-word name ${name.trim()}`, shown);
    // `jakearchibald` is `Jake Archibald` written as one word.
    const joined = word?.replace(/[._-]/g, '');
    if (joined && words.fullNames.has(joined)) add(`n:${joined}`, `one-word name ${name.trim()} = a full name`, shown);
    const initialOf = word ? words.initials.get(word) : undefined;
    if (initialOf) add(`n:${initialOf}`, `one-word name ${name.trim()} = initial and surname of a full name`, shown);
    const key = nameKey(name);
    if (key) add(`n:${key}`, `same name ${name.trim()}`, shown);
  }
  return out;
}

function group(
  identities: Map<string, Identity>,
  links: Map<string, Link[]>,
  find: (k: string) => string,
  known: Map<string, string>,
  conflicts: Conflict[],
): IdentityMerge {
  const byRoot = new Map<string, string[]>();
  for (const id of identities.keys()) (byRoot.get(find(id)) ?? byRoot.set(find(id), []).get(find(id))!).push(id);
  const personOf = new Map<string, string>();
  const people = new Map<string, MergedPerson>();
  for (const ids of byRoot.values()) {
    const handleLinks = ids.flatMap((id) => (links.get(id) ?? []).filter((l) => l.to.startsWith('h:')));
    const handles = [...new Set(handleLinks.map((l) => l.to.slice(2)))];
    const person = pickId(ids, handles, identities, known);
    const merged = ids.length > 1 || person !== ids[0] ? evidence(ids, links) : [];
    for (const id of ids) personOf.set(id, person);
    const prev = people.get(person);
    if (prev) (prev.ids.push(...ids), prev.merged.push(...merged));
    else
      people.set(person, {
        id: person,
        ids,
        handles: handles.map((h) => known.get(h) ?? spelling(h, handleLinks)),
        merged: dedupe(merged),
        keptApart: [],
      });
  }
  for (const c of conflicts) {
    for (const id of c.ids) {
      const p = people.get(personOf.get(id) ?? id);
      if (p && !p.keptApart.includes(c.text)) p.keptApart.push(c.text);
    }
  }
  return { personOf: (id) => personOf.get(id) ?? id, people, identities };
}

/** A known handle first (the one with most commits), else the busiest id. */
function pickId(
  ids: string[],
  handles: string[],
  identities: Map<string, Identity>,
  known: Map<string, string>,
): string {
  const busiest = (xs: string[], count: (x: string) => number) =>
    [...xs].sort((a, b) => count(b) - count(a) || (a < b ? -1 : 1))[0];
  const knownHandles = handles.filter((h) => known.has(h));
  if (knownHandles.length) return busiest(knownHandles, (h) => identities.get(h)?.commits ?? 0);
  if (handles.length) return busiest(handles, (h) => identities.get(h)?.commits ?? 0);
  return busiest(ids, (id) => identities.get(id)!.commits);
}

/** Rewrites every commit's author and co-authors to the merged person ids (in place: the commits are this run's own). */
export function applyMerge(commits: Commit[], merge: IdentityMerge): void {
  for (const c of commits) {
    c.author = merge.personOf(c.author);
    if (c.reviewers) c.reviewers = [...new Set(c.reviewers.map(merge.personOf))].filter((p) => p !== c.author);
    if (!c.coAuthors.length) continue;
    const co = [...new Set(c.coAuthors.map(merge.personOf))].filter((p) => p !== c.author);
    if (co.length !== c.coAuthors.length || co.some((p, i) => p !== c.coAuthors[i])) c.coAuthors = co;
  }
}
