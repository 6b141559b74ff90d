// Handle-like words as evidence of identity (people/merge.ts): one-word git names that read like
// handles (`isaacs`, `step2yeung`, names.ts `wordKey`), unless they are the given name of a full
// name in the history (`Matt`), and the initial-and-surname spelling of full names (`dkirkby` for
// Don Kirkby) when only one full name spells it — the conventions curated .mailmap files merge by.
import type { Identity } from './identity';
import { nameKey, wordKey } from './names';

/** First words of the full names in the history (lowercased, accents removed). */
function givenNames(identities: Map<string, Identity>): Set<string> {
  const out = new Set<string>();
  for (const ident of identities.values())
    for (const pair of ident.pairs.keys()) {
      const name = pair.slice(0, pair.indexOf('\x1f'));
      if (nameKey(name)) out.add(name.trim().toLowerCase().split(/\s+/)[0]);
    }
  return out;
}

/** `Don Kirkby` → `dkirkby`, the handle many people pick; null for one-word names. */
function initialAndSurname(name: string): string | null {
  const words = nameWords(name);
  return words.length >= 2 ? words[0][0] + words[words.length - 1] : null;
}

function nameWords(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim()
    .split(/\s+/)
    .filter((w) => /^\p{L}[\p{L}'-]+$/u.test(w));
}

/** Generational suffixes a handle leaves out (`Jose C Quintas Jr` → `jcquintas`). */
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/**
 * The handles a full name spells, separators dropped: every word (`Daniel Roe` → `danielroe`),
 * the first initial and the surname (`droe`), every initial and the surname (`Jose C Quintas Jr`
 * → `jcquintas`); none for one-word names.
 */
export function handleSpellings(name: string): string[] {
  const words = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}]/gu, ''))
    .filter(Boolean);
  while (words.length > 2 && SUFFIXES.has(words[words.length - 1])) words.pop();
  if (words.length < 2) return [];
  const last = words[words.length - 1];
  return [
    ...new Set([
      words.join(''),
      words[0][0] + last,
      words
        .slice(0, -1)
        .map((w) => w[0])
        .join('') + last,
    ]),
  ];
}

export interface Words {
  /** Every handle-like one-word git name (names.ts `wordKey`) that is nobody's given name. */
  oneWord: Set<string>;
  /** `dkirkby` → the full name key of `Don Kirkby`; null when two full names share it (no evidence). */
  initials: Map<string, string | null>;
  /** Every full-name key (names.ts `nameKey`). */
  fullNames: Set<string>;
}

export function oneWordNames(identities: Map<string, Identity>): Words {
  const oneWord = new Set<string>();
  const initials = new Map<string, string | null>();
  const fullNames = new Set<string>();
  for (const ident of identities.values())
    for (const pair of ident.pairs.keys()) {
      const name = pair.slice(0, pair.indexOf('\x1f'));
      const w = wordKey(name);
      if (w) oneWord.add(w);
      const key = nameKey(name);
      const initial = initialAndSurname(name);
      if (key) fullNames.add(key);
      if (key && initial) initials.set(initial, initials.has(initial) && initials.get(initial) !== key ? null : key);
    }
  // `Matt` is Matt Silverlock's given name and Matt Carey's: a word some full name starts with is a given name, no handle.
  for (const g of givenNames(identities)) oneWord.delete(g);
  return { oneWord, initials, fullNames };
}
