// What the window shows between each pair of delivery teams: import edges each way (and how
// many go through the imported team's public API), change sets touching both teams' files, and
// changes each team's members made to the other's files — with the dates of the cross-team
// changes, so a collaboration's end date can be checked against what happened after it.
// Change sets with more files than maxChangesetSize are sweeps (code-maat's rule) and count for
// nothing; a file's teams are its delivery teams (review groups and bots deliver nothing).
import { changeSetsOf } from '../metrics/change-sets';
import { crossings, ownedEdges, type TeamEdge } from '../metrics/cross-team';
import type { MetricsInput } from '../metrics/input';
import { deliveryLookup } from './team-lookup';

export interface PairCounts {
  importsAB: number;
  importsBA: number;
  publicAB: number;
  publicBA: number;
  sharedCommits: number;
  /** Change sets written together by members of both teams (co-authored commits, a branch with commits by both). */
  jointChangeSets: number;
  changesAinB: number;
  changesBinA: number;
  /** Unix seconds of each cross-team change and shared change set (only for the watched pairs). */
  dates: number[];
  /** Up to three places that show it: an import (file:line) or a changed file. */
  examples: { file: string; line: number }[];
}

export interface EvidenceInput {
  input: Pick<MetricsInput, 'commits' | 'changeSets' | 'imports' | 'deliveryTeamsOf' | 'isPublicApi'>;
  /** Delivery teams of a person (declared, else inferred membership). */
  teamsOfPerson(person: string): string[];
  maxChangesetSize: number;
  /** Teams that deliver code (not review groups, not bots). */
  delivery: Set<string>;
  /** Pairs (pairKey) whose cross-team dates are kept (a declared collaboration's end is checked against them). */
  watch?: Set<string>;
  /** The owned import edges when a pass already classified them (metrics/structure.ts). */
  edges?: TeamEdge[];
}

export interface Evidence {
  pairs: Map<string, PairCounts>;
  /** Changes (commit, file) to each team's files. */
  changesTo: Map<string, number>;
  /** Changes by each team's members to delivered files, and of those, to other teams' files. */
  changesBy: Map<string, number>;
  crossBy: Map<string, number>;
}

export const pairKey = (a: string, b: string): string => (a < b ? `${a}\0${b}` : `${b}\0${a}`);

export function collectEvidence(x: EvidenceInput): Evidence {
  const out: Evidence = { pairs: new Map(), changesTo: new Map(), changesBy: new Map(), crossBy: new Map() };
  // Asked once per cross-team change: a two-level cache spares building the key string each time.
  const cache = new Map<string, Map<string, PairCounts>>();
  const pair = (a: string, b: string) => {
    const hit = cache.get(a)?.get(b);
    if (hit) return hit;
    const made = newPair(a, b);
    (cache.get(a) ?? cache.set(a, new Map()).get(a)!).set(b, made);
    return made;
  };
  const newPair = (a: string, b: string) => {
    const k = pairKey(a, b);
    return (
      out.pairs.get(k) ??
      out.pairs
        .set(k, {
          importsAB: 0,
          importsBA: 0,
          publicAB: 0,
          publicBA: 0,
          sharedCommits: 0,
          jointChangeSets: 0,
          changesAinB: 0,
          changesBinA: 0,
          dates: [],
          examples: [],
        })
        .get(k)!
    );
  };
  const teamsOf = deliveryLookup(x.input.deliveryTeamsOf, x.delivery);
  const people = deliveryLookup(x.teamsOfPerson, x.delivery);
  const watch = x.watch?.size ? x.watch : null;
  const dated = (a: string, b: string, p: PairCounts, date: number) => watch?.has(pairKey(a, b)) && p.dates.push(date);
  for (const e of x.edges ?? ownedEdges(x.input)) {
    for (const [from, to] of crossings(e)) {
      if (!x.delivery.has(from) || !x.delivery.has(to)) continue;
      const p = pair(from, to);
      const ab = from < to;
      const pub = x.input.isPublicApi(e.edge.to) ? 1 : 0;
      if (ab) (p.importsAB++, (p.publicAB += pub));
      else (p.importsBA++, (p.publicBA += pub));
      if (p.examples.length < 3) p.examples.push({ file: e.edge.from, line: e.edge.line });
    }
  }
  const owners: string[][] = [];
  const list: string[] = [];
  for (const cs of changeSetsOf(x.input)) {
    if (cs.files.length > x.maxChangesetSize) continue;
    // Scratch arrays reused per change set: the teams of each file, and the teams each once, in the order first met.
    owners.length = 0;
    list.length = 0;
    if (cs.files.length > 1)
      for (const f of cs.files) {
        const o = teamsOf(f);
        owners.push(o);
        for (const t of o) if (!list.includes(t)) list.push(t);
      }
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if (!side(owners, list[i], list[j]) || !side(owners, list[j], list[i])) continue;
        const p = pair(list[i], list[j]);
        p.sharedCommits++;
        dated(list[i], list[j], p, cs.merged);
      }
    }
    countJoint(cs.authors, people, pair);
    for (const c of cs.commits) countCrossChanges(c, teamsOf, people, out, pair, dated);
  }
  return out;
}

/** A file both teams own is neither side's: the change set must touch a file of `t` that `other` does not own. */
function side(owners: string[][], t: string, other: string): boolean {
  for (const o of owners) if (o.includes(t) && !o.includes(other)) return true;
  return false;
}

const bump = (m: Map<string, number>, t: string) => m.set(t, (m.get(t) ?? 0) + 1);

/** Change sets written by members of both teams (two different people: authors, co-authors). */
function countJoint(
  authors: string[],
  teamsOfPerson: (p: string) => string[],
  pair: (a: string, b: string) => PairCounts,
): void {
  if (authors.length < 2) return;
  const seen = new Set<string>();
  for (const p of authors) {
    for (const q of authors) {
      if (p >= q) continue;
      for (const s of teamsOfPerson(p)) {
        for (const t of teamsOfPerson(q)) {
          if (s === t || seen.has(pairKey(s, t))) continue;
          seen.add(pairKey(s, t));
          pair(s, t).jointChangeSets++;
        }
      }
    }
  }
}

function countCrossChanges(
  c: MetricsInput['commits'][number],
  teamsOf: (p: string) => string[],
  teamsOfPerson: (p: string) => string[],
  out: Evidence,
  pair: (a: string, b: string) => PairCounts,
  dated: (a: string, b: string, p: PairCounts, date: number) => unknown,
): void {
  const writers = c.coAuthors.length
    ? new Set([c.author, ...c.coAuthors].flatMap(teamsOfPerson))
    : teamsOfPerson(c.author);
  const add = bump;
  for (const f of c.files) {
    const owners = teamsOf(f.path);
    if (!owners.length) continue;
    for (const o of owners) add(out.changesTo, o);
    for (const w of writers) {
      add(out.changesBy, w);
      if (owners.includes(w)) continue;
      add(out.crossBy, w);
      for (const o of owners) {
        const p = pair(w, o);
        if (w < o) p.changesAinB++;
        else p.changesBinA++;
        dated(w, o, p, c.date);
        if (p.examples.length < 3) p.examples.push({ file: f.path, line: 1 });
      }
    }
  }
}
