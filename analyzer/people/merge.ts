// Identity merging: one person, many identities. git has already applied
// .mailmap; the history's person ids (history/identity.ts: noreply handle, else email) are then
// joined (union–find) when they share
//   1. a GitHub handle: a noreply address's handle, an email local part or a one-word git name
//      equal to a handle named in CODEOWNERS or the team map, or seen in a noreply address
//      (case-insensitive) — so the handles a team map drafted by `conway init` names merge the
//      same identities as the history alone did;
//   2. a full name of at least two words, ignoring case, accents and spaces (names.ts).
// Each link is kept as evidence. A merged person's id is their handle when one is known (so
// CODEOWNERS `@user` and team-map `@user` find them), else their busiest identity's id.
// Cost: one Map lookup per commit plus work per distinct identity.
import { noreplyHandle } from '../history/identity';
import type { Commit } from '../model/types';
import { dedupe, evidence, spelling, type Link } from './evidence';
import { nameKey } from './names';

export interface Identity {
  /** `name\x1femail` → commits with exactly this name and email. */
  pairs: Map<string, number>;
  commits: number;
  changes: number;
}

export interface MergedPerson {
  id: string;
  /** History person ids merged into this person. */
  ids: string[];
  handles: string[];
  merged: { identity: string; reason: string }[];
}

export interface IdentityMerge {
  personOf(id: string): string;
  people: Map<string, MergedPerson>;
  identities: Map<string, Identity>;
}

/** knownHandles: handle key → spelling (CODEOWNERS and team map). */
export function mergeIdentities(commits: Commit[], knownHandles: Map<string, string>): IdentityMerge {
  const identities = collectIdentities(commits);
  const handles = withNoreplyHandles(identities, knownHandles);
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.has(r)) r = parent.get(r)!;
    if (r !== k) parent.set(k, r);
    return r;
  };
  const links = new Map<string, Link[]>();
  for (const [id, ident] of identities) {
    for (const l of linksOf(id, ident, handles)) {
      const a = find(id);
      const b = find(l.to);
      if (a !== b) parent.set(a, b);
      (links.get(id) ?? links.set(id, []).get(id)!).push(l);
    }
  }
  return group(identities, links, find, knownHandles);
}

function collectIdentities(commits: Commit[]): Map<string, Identity> {
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

/** The handle and name nodes an identity joins, with the evidence for each. */
function linksOf(id: string, ident: Identity, known: Map<string, string>) {
  const out: Link[] = [];
  const seen = new Set<string>();
  const add = (to: string, reason: string, identity: string) => {
    if (!seen.has(to)) seen.add(to), out.push({ to, reason, identity });
  };
  if (!ident.pairs.size && id.includes('@')) ident.pairs.set(`\x1f${id}`, 0); // a co-author only
  for (const pair of ident.pairs.keys()) {
    const [name, email] = pair.split('\x1f');
    const shown = `${name} <${email}>`;
    const mail = email.trim().toLowerCase();
    const noreply = noreplyHandle(mail);
    const local = mail.split('@')[0];
    const oneWord = /^\S+$/.test(name.trim()) ? name.trim().toLowerCase() : '';
    if (noreply) add(`h:${noreply.toLowerCase()}`, `noreply ${email}`, shown);
    else if (local && known.has(local)) add(`h:${local}`, `handle @${known.get(local)} (email local part)`, shown);
    if (oneWord && known.has(oneWord)) add(`h:${oneWord}`, `handle @${known.get(oneWord)} (git name)`, shown);
    const key = nameKey(name);
    if (key) add(`n:${key}`, `same name ${name.trim()}`, shown);
  }
  return out;
}

function group(identities: Map<string, Identity>, links: Map<string, Link[]>, find: (k: string) => string, known: Map<string, string>): IdentityMerge {
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
    if (prev) prev.ids.push(...ids), prev.merged.push(...merged);
    else people.set(person, { id: person, ids, handles: handles.map((h) => known.get(h) ?? spelling(h, handleLinks)), merged: dedupe(merged) });
  }
  return { personOf: (id) => personOf.get(id) ?? id, people, identities };
}

/** A known handle first (the one with most commits), else the busiest id. */
function pickId(ids: string[], handles: string[], identities: Map<string, Identity>, known: Map<string, string>): string {
  const busiest = (xs: string[], count: (x: string) => number) => [...xs].sort((a, b) => count(b) - count(a) || (a < b ? -1 : 1))[0];
  const knownHandles = handles.filter((h) => known.has(h));
  if (knownHandles.length) return busiest(knownHandles, (h) => identities.get(h)?.commits ?? 0);
  if (handles.length) return busiest(handles, (h) => identities.get(h)?.commits ?? 0);
  return busiest(ids, (id) => identities.get(id)!.commits);
}

/** Rewrites every commit's author and co-authors to the merged person ids (in place: the commits are this run's own). */
export function applyMerge(commits: Commit[], merge: IdentityMerge): void {
  for (const c of commits) {
    c.author = merge.personOf(c.author);
    if (!c.coAuthors.length) continue;
    const co = [...new Set(c.coAuthors.map(merge.personOf))].filter((p) => p !== c.author);
    if (co.length !== c.coAuthors.length || co.some((p, i) => p !== c.coAuthors[i])) c.coAuthors = co;
  }
}
