// Socio-technical congruence (Cataldo, Herbsleb & Carley 2008): the coordination the teams' work
// needs against the coordination that happened, per pair of delivery teams (docs/metrics.md,
// "Coordination").
//  Needed: C_R = T_A · T_D · T_Aᵀ with T_A person × file (1 when the person changed the file in
//  the period) and T_D file × file co-change (change sets that changed both files; the diagonal
//  is the change sets that changed the file), summed over the people of the two teams:
//    need(X, Y) = Σ_{p∈X, q∈Y} C_R[p, q] = Σ_cs w_X(cs) · w_Y(cs),  w_X(cs) = Σ_{f∈cs} |{p ∈ X : p changed f}|
//  A pair needs coordination when at least NEEDED_SETS change sets link the two teams' work
//  (w_X > 0 and w_Y > 0). Imports are no term of it: using another team's public API needs none.
//  Happened: commits co-authored by members of both, change sets one team wrote and the other
//  reviewed (ChangeSet.reviewers: trailers, pull request reviews), change sets with commits by
//  members of both. At least one of them is coordination seen.
//  Congruence of a team (a cluster): |needed ∩ happened| / |needed| over the pairs it is in.
// Change sets with more than maxChangesetSize files are sweeps and count for nothing; only files
// with a delivery team count (repository-wide shared files would link everyone).
import type { Coordination, CoordinationPair } from '../contract/teamwork-interactions';
import { changeSetsOf } from '../metrics/change-sets';
import type { MetricsInput } from '../metrics/input';
import type { ChangeSet } from '../model/change-set';
import type { Cluster } from '../model/types';
import { pairKey } from './interaction-evidence';
import { periodOf, type PeriodKind } from './period';
import { deliveryLookup } from './team-lookup';
import { coordinationNeed, needIndex, type NeedIndex } from './coordination-need';

export const NEEDED_SETS = 5;
export const NEEDED_STRENGTH = 0.2;

export interface CoordinationInput {
  input: Pick<MetricsInput, 'commits' | 'changeSets' | 'deliveryTeamsOf'>;
  teamsOfPerson(person: string): string[];
  delivery: Set<string>;
  clusters: Cluster[];
  maxChangesetSize: number;
}

export function coordination(
  x: CoordinationInput,
  opts: { period: string | null; periodKind?: PeriodKind },
): Coordination {
  return coordinationPeriods(x, opts.periodKind ?? 'quarter')(opts.period);
}

/**
 * Coordination for the whole window (null) or one period, from one numbering of the change sets:
 * the report asks for the window and then for every period of the scorecard.
 */
export function coordinationPeriods(x: CoordinationInput, kind: PeriodKind): (period: string | null) => Coordination {
  const sets = changeSetsOf(x.input).filter((cs) => cs.files.length <= x.maxChangesetSize);
  const teamsOf = deliveryLookup(x.input.deliveryTeamsOf, x.delivery);
  const people = deliveryLookup(x.teamsOfPerson, x.delivery);
  let index: NeedIndex | undefined;
  let byPeriod: Map<string, number[]> | undefined;
  const periodsOf = () => {
    const out = new Map<string, number[]>();
    const byDay = new Map<number, string>(); // a period per UTC day, not a Date per change set
    sets.forEach((cs, i) => {
      const day = Math.floor(cs.merged / 86400);
      let p = byDay.get(day);
      if (p === undefined) byDay.set(day, (p = periodOf(day * 86400, kind)));
      (out.get(p) ?? out.set(p, []).get(p)!).push(i);
    });
    return out;
  };
  let all: number[] | undefined;
  return (period) => {
    index ??= needIndex(sets, teamsOf, people);
    const subset = period === null ? (all ??= sets.map((_, i) => i)) : ((byPeriod ??= periodsOf()).get(period) ?? []);
    return coordinationOf(
      x,
      period,
      index,
      subset.map((i) => sets[i]),
      subset,
      people,
    );
  };
}

function coordinationOf(
  x: CoordinationInput,
  period: string | null,
  index: NeedIndex,
  sets: ChangeSet[],
  subset: number[],
  people: (p: string) => string[],
): Coordination {
  const pairs = new Map<string, CoordinationPair>();
  const pair = (a: string, b: string) => {
    const k = pairKey(a, b);
    const [lo, hi] = a < b ? [a, b] : [b, a];
    return (
      pairs.get(k) ??
      pairs
        .set(k, {
          a: lo,
          b: hi,
          needed: false,
          happened: false,
          dependency: 0,
          strength: 0,
          linkingChangeSets: 0,
          evidence: { coAuthored: 0, reviewed: 0, sharedChangeSets: 0 },
        })
        .get(k)!
    );
  };
  const need = coordinationNeed(index, subset);
  for (const p of need.pairs.values())
    Object.assign(pair(p.a, p.b), { dependency: p.dependency, linkingChangeSets: p.linking });
  const self = need.self;
  for (const cs of sets) addEvidence(cs, people, pair);
  const rows = [...pairs.values()].sort((p, q) => (p.a + '\0' + p.b < q.a + '\0' + q.b ? -1 : 1));
  for (const p of rows) {
    const norm = Math.sqrt((self.get(p.a) ?? 0) * (self.get(p.b) ?? 0));
    p.strength = norm ? Math.round((1000 * p.dependency) / norm) / 1000 : 0;
    p.needed = p.linkingChangeSets >= NEEDED_SETS && p.strength >= NEEDED_STRENGTH;
    p.happened = p.evidence.coAuthored + p.evidence.reviewed + p.evidence.sharedChangeSets > 0;
  }
  return summarize(rows, x, period);
}

/** Pairs of different people from two different teams among `persons`, each team pair once. */
function crossPairs(
  persons: string[],
  people: (p: string) => string[],
  others: string[] = persons,
): [string, string][] {
  const out = new Map<string, [string, string]>();
  for (const p of persons) {
    for (const q of others) {
      if (p === q) continue;
      for (const s of people(p)) for (const t of people(q)) if (s !== t) out.set(pairKey(s, t), [s, t]);
    }
  }
  return [...out.values()];
}

function addEvidence(
  cs: ChangeSet,
  people: (p: string) => string[],
  pair: (a: string, b: string) => CoordinationPair,
): void {
  for (const c of cs.commits) {
    if (!c.coAuthors.length) continue;
    for (const [s, t] of crossPairs([c.author, ...c.coAuthors], people)) pair(s, t).evidence.coAuthored++;
  }
  if (cs.reviewers.length)
    for (const [s, t] of crossPairs(cs.authors, people, cs.reviewers)) pair(s, t).evidence.reviewed++;
  const writers = [...new Set(cs.commits.map((c) => c.author))];
  if (writers.length > 1) for (const [s, t] of crossPairs(writers, people)) pair(s, t).evidence.sharedChangeSets++;
}

function summarize(rows: CoordinationPair[], x: CoordinationInput, period: string | null): Coordination {
  const congruence = (inScope: (p: CoordinationPair) => boolean) => {
    const needed = rows.filter((p) => p.needed && inScope(p));
    return needed.length ? Math.round((1000 * needed.filter((p) => p.happened).length) / needed.length) / 1000 : null;
  };
  const kept = rows.filter((p) => p.needed || p.happened);
  const total = (p: CoordinationPair) => p.evidence.coAuthored + p.evidence.reviewed + p.evidence.sharedChangeSets;
  return {
    period,
    pairs: kept,
    teams: [...x.delivery]
      .sort()
      .map((team) => ({ team, congruence: congruence((p) => p.a === team || p.b === team) })),
    clusters: x.clusters.map((c) => ({
      cluster: c.id,
      congruence: congruence((p) => c.teams.includes(p.a) || c.teams.includes(p.b)),
    })),
    neededNotHappening: kept
      .filter((p) => p.needed && !p.happened)
      .sort((p, q) => q.dependency - p.dependency)
      .map(({ a, b }) => ({ a, b })),
    happeningWithoutDependency: kept
      .filter((p) => p.happened && !p.needed)
      .sort((p, q) => total(q) - total(p))
      .map(({ a, b }) => ({ a, b })),
  };
}
