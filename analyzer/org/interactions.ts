// Team interactions, declared and observed (Team Topologies, Skelton & Pais 2019): for each pair
// of delivery teams, the mode the window shows (docs/metrics.md, "Interactions"), beside the mode
// the team map declares, and the status a lead reads.
//   collaboration   both teams' members change the other's files (each above SMALL_SHARE of the
//                   other's changes, at least MIN_CROSS changes), or members of both wrote at
//                   least JOINT_SETS change sets together (co-authored, or a branch with commits by both);
//   x-as-a-service  one team imports the other, every edge through the public API, and neither
//                   changes the other's files beyond SMALL_SHARE;
//   facilitating    one team's members change (at least MIN_CROSS times) the files of at least
//                   FACILITATED teams it does not import, while those teams do not change its files
//                   beyond SMALL_SHARE, and at least AWAY_SHARE of its members' changes go to
//                   other teams' files (an enabling team works in others' code);
//   none            otherwise.
// `now` is the window's end (its last commit), not the wall clock, so a report is reproducible.
import type { InteractionEvidence, InteractionMode, InteractionRow } from '../contract/teamwork-interactions';
import type { DeclaredInteraction, Team } from '../model/types';
import { changeSetsOf } from '../metrics/change-sets';
import type { ChangeSet } from '../model/change-set';
import { collectEvidence, pairKey, type Evidence, type EvidenceInput, type PairCounts } from './interaction-evidence';
import { periodEnd, periodOf, type PeriodKind } from './period';
import type { InteractionCells } from './scorecard-input';

export const THRESHOLDS = { smallShare: 0.05, minCross: 2, jointSets: 5, facilitated: 3, awayShare: 1 / 3 } as const;

export interface ObserveInput extends EvidenceInput {
  teams: Team[];
  /** Unix seconds: the window's end. */
  now: number;
}

export interface ObservedPair {
  row: InteractionRow;
  counts: PairCounts;
  declared: DeclaredInteraction | null;
  /** The team whose map entry declares it. */
  declaredBy: string | null;
}

export function observeInteractions(x: ObserveInput): ObservedPair[] {
  const declared = declaredPairs(x.teams, x.delivery);
  const watch = new Set([...declared].filter(([, d]) => d.entry.until).map(([k]) => k));
  return pairsOf(collectEvidence({ ...x, watch }), declared, x.now);
}

/** One period's interaction statuses: the scorecard's interaction cells. */
export type PeriodInteractions = InteractionCells[];

/**
 * The statuses each period shows (docs/metrics.md, "Interactions", per period): the same modes and
 * thresholds over the period's change sets, with HEAD's import edges (imports are not mined per
 * period, as for dependency independence) and the declarations in force at the period's end —
 * a declaration whose `since` is later does not count yet, a collaboration whose `until` has passed
 * by then is expired. One walk over the change sets in all: each period reads only its own.
 */
export function interactionsByPeriod(x: ObserveInput, kind: PeriodKind): Map<string, PeriodInteractions> {
  const buckets = new Map<string, ChangeSet[]>();
  for (const cs of changeSetsOf(x.input)) {
    const p = periodOf(cs.merged, kind);
    (buckets.get(p) ?? buckets.set(p, []).get(p)!).push(cs);
  }
  const imports = collectEvidence({ ...x, input: { ...x.input, changeSets: [] } }).pairs;
  const out = new Map<string, PeriodInteractions>();
  for (const [p, sets] of buckets) {
    const ev = collectEvidence({ ...x, input: { ...x.input, changeSets: sets }, edges: [] });
    for (const [k, c] of imports) {
      const to = ev.pairs.get(k) ?? ev.pairs.set(k, emptyCounts()).get(k)!;
      Object.assign(to, { importsAB: c.importsAB, importsBA: c.importsBA, publicAB: c.publicAB, publicBA: c.publicBA });
    }
    const end = Math.min(x.now, periodEnd(p));
    const declared = declaredPairs(x.teams, x.delivery, end);
    out.set(
      p,
      pairsOf(ev, declared, end).map(({ row }) => ({ a: row.a, b: row.b, status: row.status })),
    );
  }
  return out;
}

function pairsOf(
  ev: Evidence,
  declared: Map<string, { entry: DeclaredInteraction; by: string }>,
  now: number,
): ObservedPair[] {
  const share = (n: number, team: string) => n / Math.max(1, ev.changesTo.get(team) ?? 0);
  const facilitators = facilitatorsOf(
    ev.pairs,
    share,
    (t) => (ev.crossBy.get(t) ?? 0) / Math.max(1, ev.changesBy.get(t) ?? 0),
  );
  const keys = new Set([...ev.pairs.keys(), ...declared.keys()]);
  const out: ObservedPair[] = [];
  for (const k of [...keys].sort()) {
    const [a, b] = k.split('\0');
    const counts = ev.pairs.get(k) ?? emptyCounts();
    const observed = modeOf(a, b, counts, share, facilitators);
    const d = declared.get(k) ?? null;
    if (!d && observed.mode === 'none') continue;
    const status = statusOf(d?.entry ?? null, observed.mode, counts, now);
    const row: InteractionRow = {
      a,
      b,
      declared: d ? { mode: d.entry.mode, purpose: d.entry.purpose, since: d.entry.since, until: d.entry.until } : null,
      observed: { mode: observed.mode, evidence: evidenceOf(counts), ...(observed.by ? { by: observed.by } : {}) },
      status,
    };
    out.push({ row, counts, declared: d?.entry ?? null, declaredBy: d?.by ?? null });
  }
  return out;
}

function emptyCounts(): PairCounts {
  return {
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
  };
}

export function evidenceOf(c: PairCounts): InteractionEvidence {
  const edges = c.importsAB + c.importsBA;
  return {
    importsAB: c.importsAB,
    importsBA: c.importsBA,
    publicApiShare: edges ? Math.round((1000 * (c.publicAB + c.publicBA)) / edges) / 1000 : null,
    sharedCommits: c.sharedCommits,
    changesAinB: c.changesAinB,
    changesBinA: c.changesBinA,
  };
}

type Share = (n: number, team: string) => number;

function modeOf(
  a: string,
  b: string,
  c: PairCounts,
  share: Share,
  facilitators: Map<string, Set<string>>,
): { mode: InteractionMode | 'none'; by?: string } {
  const t = THRESHOLDS;
  const aInB = c.changesAinB >= t.minCross && share(c.changesAinB, b) > t.smallShare;
  const bInA = c.changesBinA >= t.minCross && share(c.changesBinA, a) > t.smallShare;
  if ((aInB && bInA) || c.jointChangeSets >= t.jointSets) return { mode: 'collaboration' };
  const edges = c.importsAB + c.importsBA;
  const small = share(c.changesAinB, b) <= t.smallShare && share(c.changesBinA, a) <= t.smallShare;
  if (edges && c.publicAB + c.publicBA === edges && small)
    return { mode: 'x-as-a-service', by: c.importsAB >= c.importsBA ? b : a };
  if (facilitators.get(a)?.has(b)) return { mode: 'facilitating', by: a };
  if (facilitators.get(b)?.has(a)) return { mode: 'facilitating', by: b };
  return { mode: 'none' };
}

/** team → the teams it facilitates: changed without importing, not changed back, and at least FACILITATED of them. */
function facilitatorsOf(
  pairs: Map<string, PairCounts>,
  share: Share,
  awayShare: (team: string) => number,
): Map<string, Set<string>> {
  const helped = new Map<string, Set<string>>();
  const add = (f: string, t: string) => (helped.get(f) ?? helped.set(f, new Set()).get(f)!).add(t);
  for (const [k, c] of pairs) {
    const [a, b] = k.split('\0');
    if (c.changesAinB >= THRESHOLDS.minCross && c.importsAB === 0 && share(c.changesBinA, a) <= THRESHOLDS.smallShare)
      add(a, b);
    if (c.changesBinA >= THRESHOLDS.minCross && c.importsBA === 0 && share(c.changesAinB, b) <= THRESHOLDS.smallShare)
      add(b, a);
  }
  for (const [f, ts] of helped)
    if (ts.size < THRESHOLDS.facilitated || awayShare(f) < THRESHOLDS.awayShare) helped.delete(f);
  return helped;
}

/** Pair → the declaration (the first team in map order that declares it; entries naming unknown teams are skipped). */
function declaredPairs(
  teams: Team[],
  delivery: Set<string>,
  asOf?: number,
): Map<string, { entry: DeclaredInteraction; by: string }> {
  const out = new Map<string, { entry: DeclaredInteraction; by: string }>();
  for (const t of teams) {
    for (const i of t.interactions ?? []) {
      if (i.team === t.id || !delivery.has(i.team) || !delivery.has(t.id)) continue;
      // Agreed only from its `since` day: a period that ends before it had no such declaration.
      if (asOf !== undefined && i.since && Date.parse(`${i.since}T00:00:00Z`) / 1000 > asOf) continue;
      const k = pairKey(t.id, i.team);
      if (!out.has(k)) out.set(k, { entry: i, by: t.id });
    }
  }
  return out;
}

/** Unix seconds at the end of a `YYYY-MM-DD` day (UTC). */
export function endOfDay(date: string): number {
  return Date.parse(`${date}T23:59:59Z`) / 1000;
}

/** unused: declared, and the window shows no import, shared change set or cross-team change at all
 *  (observed `none` with some of them — deep imports, say — differs). */
function statusOf(
  d: DeclaredInteraction | null,
  observed: InteractionMode | 'none',
  c: PairCounts,
  now: number,
): InteractionRow['status'] {
  if (!d) return 'undeclared';
  if (d.mode === 'collaboration' && d.until && endOfDay(d.until) < now) return 'expired';
  if (!c.importsAB && !c.importsBA && !c.sharedCommits && !c.changesAinB && !c.changesBinA) return 'unused';
  return observed === d.mode ? 'matches' : 'differs';
}
