// The cost of crossing a team boundary (docs/metrics.md, "The cost of crossing a boundary";
// Herbsleb & Mockus 2003 found distributed work items took about 2.5× as long).
// Each change set (metrics/change-sets.ts) gets:
//   teams    its delivery teams: the union over its files (review groups never count); left
//            out when none (unowned files only); cross-team when two of its files share no
//            delivery team (team coupling's rule: a change inside jointly owned files, or
//            between files of one team, stays inside), else single-team;
//   band     by files: small 1–3, medium 4–10, large 11+; change sets over maxChangesetSize files
//            (releases, sweeps) are left out, as for change coupling;
//   elapsed  opened → merged in hours, only for a pull request from --prs or a merged branch
//            (merge commit, or a PR of several commits); a lone or squash commit has no elapsed
//            time (git does not say when its work started);
//   people   authors + reviewers, distinct.
// A median elapsed time from fewer than minSample timed change sets is null, like every honest sample.
// Per scope (each delivery team: change sets touching its files; each cluster: touching any of
// its teams; the repository) and per period (the period the change set merged in) and the
// whole window: count, median elapsed hours and median people on each side; ratio = the size
// bands' cross/single median ratios weighted by the band's cross-team count, so large cross-team
// changes are never compared with small single-team ones; crossShare = cross / (single + cross).
// Effort is an ESTIMATE, git-hours style (see effortHours below).
import type { CrossingBand, CrossingRow, CrossingSide } from '../contract/teamwork-crossing';
import { changeSetsOf } from '../metrics/change-sets';
import type { MetricsInput } from '../metrics/input';
import type { ChangeSet } from '../model/change-set';
import type { Commit } from '../model/types';
import { periodOf, type PeriodKind } from './period';

/** git-hours (kimmobrunfeldt/git-hours) defaults: commits less than 2 h apart are one session, a session's first commit counts 2 h. */
export const SESSION_GAP_HOURS = 2;
export const FIRST_COMMIT_HOURS = 2;
export const HOURS_PER_DAY = 8;
export const EFFORT_METHOD = `estimate, git-hours style: one person's commits less than ${SESSION_GAP_HOURS} h apart are one session; each commit adds the time since that person's previous commit in its session, a session's first commit adds ${FIRST_COMMIT_HOURS} h; ${HOURS_PER_DAY} h = 1 engineer day`;

export const BANDS = [
  { band: 'small', max: 3 },
  { band: 'medium', max: 10 },
  { band: 'large', max: Infinity },
] as const;

export interface CrossingOptions {
  /** Also a row per period of this kind; null: the whole window only. */
  period: PeriodKind | null;
  /** Change sets touching more files are left out (docs/metrics.md); default 30. */
  maxChangesetSize?: number;
  /** A median from fewer timed change sets is null (metrics/sample-size.ts's honest samples); default 10. */
  minSample?: number;
  /** conway.yml `cost`: money on cluster and repository rows. */
  cost?: { perEngineerDay: number; currency: string };
}

interface Item {
  set: ChangeSet;
  teams: string[];
  cross: boolean;
  band: number;
  hours: number | null;
  people: number;
  effort: number;
  period: string | null;
}

export function crossing(input: MetricsInput, opts: CrossingOptions): CrossingRow[] {
  const max = opts.maxChangesetSize ?? 30;
  const min = opts.minSample ?? 10;
  const hoursOf = effortHours(input.commits);
  const items: Item[] = [];
  const byDay = new Map<number, string>(); // a period per UTC day, not a Date per change set
  const periodOfSet = (set: ChangeSet, kind: PeriodKind) => {
    const day = Math.floor(set.merged / 86400);
    let p = byDay.get(day);
    if (p === undefined) byDay.set(day, (p = periodOf(day * 86400, kind)));
    return p;
  };
  const owners: string[][] = []; // per change set, the distinct delivery-team sets of its files: a handful
  for (const set of changeSetsOf(input)) {
    if (set.files.length === 0 || set.files.length > max) continue;
    const teams: string[] = [];
    owners.length = 0;
    for (const f of set.files) {
      const d = input.deliveryTeamsOf(f);
      if (d.length && !owners.includes(d)) owners.push(d);
      for (const t of d) if (!teams.includes(t)) teams.push(t);
    }
    if (!teams.length) continue;
    const people =
      set.reviewers.length || set.authors.length > 1
        ? new Set([...set.authors, ...set.reviewers]).size
        : set.authors.length;
    let effort = 0;
    for (const c of set.commits) effort += hoursOf.get(c.sha) ?? 0;
    items.push({
      set,
      teams,
      cross: crosses(owners),
      band: bandOf(set.files.length),
      hours: elapsedHours(set),
      people,
      effort,
      period: opts.period ? periodOfSet(set, opts.period) : null,
    });
  }
  const scopes: { kind: CrossingRow['scope']['kind']; id: string | null; items: Item[] }[] = [
    { kind: 'all', id: null, items },
    ...input.clusters.map((c) => ({ kind: 'cluster' as const, id: c.id, items: [] as Item[] })),
    ...input.teams
      .filter((t) => !input.reviewGroups.has(t.id))
      .map((t) => ({ kind: 'team' as const, id: t.id, items: [] as Item[] })),
  ];
  // A change set belongs to a team's scope when it touches the team's files, to a cluster's when it
  // touches any of its teams' files: each change set is handed to its scopes in one pass, in order.
  const scopesOfTeam = new Map<string, number[]>();
  const join = (team: string, scope: number) =>
    (scopesOfTeam.get(team) ?? scopesOfTeam.set(team, []).get(team)!).push(scope);
  input.clusters.forEach((c, k) => c.teams.forEach((t) => join(t, 1 + k)));
  scopes.forEach((s, k) => s.kind === 'team' && join(s.id!, k));
  const mark = new Int32Array(scopes.length).fill(-1);
  items.forEach((item, n) => {
    for (const t of item.teams)
      for (const k of scopesOfTeam.get(t) ?? []) if (mark[k] !== n) ((mark[k] = n), scopes[k].items.push(item));
  });
  const periods = opts.period ? [...new Set(items.map((i) => i.period!))].sort() : [];
  const rows: CrossingRow[] = [];
  const periodIndex = new Map(periods.map((p, k) => [p, k + 1]));
  for (const scope of scopes) {
    const withCost = scope.kind !== 'team' ? opts.cost : undefined;
    // The window's row and every period's, tallied in one pass over the scope's change sets, in order.
    const tallies = [newTally(), ...periods.map(newTally)];
    for (const i of scope.items) {
      add(tallies[0], i);
      if (periods.length) add(tallies[periodIndex.get(i.period!)!], i);
    }
    rows.push(row(scope, null, tallies[0], withCost, min));
    periods.forEach((p, k) => rows.push(row(scope, p, tallies[k + 1], withCost, min)));
  }
  return rows;
}

function bandOf(files: number): number {
  let k = 0;
  while (files > BANDS[k].max) k++;
  return k;
}

/** Two of the files share no delivery team (as team coupling says): a change inside jointly owned files stays inside. */
function crosses(owners: string[][]): boolean {
  for (let i = 0; i < owners.length; i++)
    for (let j = i + 1; j < owners.length; j++) if (!owners[i].some((t) => owners[j].includes(t))) return true;
  return false;
}

/** Hours from opened to merged; null for a change git cannot time (a lone or squash commit). */
export function elapsedHours(set: ChangeSet): number | null {
  if (set.kind === 'commit' || (set.commits.length === 1 && set.opened === set.merged)) return null;
  return Math.max(0, set.merged - set.opened) / 3600;
}

/**
 * git-hours per commit: sort each person's commits by date; a commit less than SESSION_GAP_HOURS
 * after the person's previous one adds the gap, otherwise (a session's first) FIRST_COMMIT_HOURS.
 */
export function effortHours(commits: Commit[]): Map<string, number> {
  const byAuthor = new Map<string, Commit[]>();
  for (const c of commits) (byAuthor.get(c.author) ?? byAuthor.set(c.author, []).get(c.author)!).push(c);
  const out = new Map<string, number>();
  for (const list of byAuthor.values()) {
    list.sort((a, b) => a.date - b.date);
    list.forEach((c, i) => {
      const gap = i === 0 ? Infinity : (c.date - list[i - 1].date) / 3600;
      out.set(c.sha, gap < SESSION_GAP_HOURS ? gap : FIRST_COMMIT_HOURS);
    });
  }
  return out;
}

/** One side of a row (single-team or cross-team changes, all or one size band): count, people per count, timed hours. */
interface SideTally {
  n: number;
  /** people[k] = change sets with k people (whole numbers: counted, not sorted, for the median). */
  people: number[];
  hours: number[];
}

interface Tally {
  n: number;
  single: SideTally;
  cross: SideTally;
  bands: { single: SideTally; cross: SideTally }[];
  /** Effort of the cross-team change sets, summed in the window's order. */
  crossEffort: number;
}

const newSide = (): SideTally => ({ n: 0, people: [], hours: [] });
const newTally = (): Tally => ({
  n: 0,
  single: newSide(),
  cross: newSide(),
  bands: BANDS.map(() => ({ single: newSide(), cross: newSide() })),
  crossEffort: 0,
});

function add(t: Tally, i: Item): void {
  t.n++;
  if (i.cross) {
    t.crossEffort += i.effort;
    tallySide(t.cross, i);
    tallySide(t.bands[i.band].cross, i);
  } else {
    tallySide(t.single, i);
    tallySide(t.bands[i.band].single, i);
  }
}

function tallySide(s: SideTally, i: Item): void {
  s.n++;
  while (s.people.length <= i.people) s.people.push(0);
  s.people[i.people]++;
  if (i.hours !== null) s.hours.push(i.hours);
}

function row(
  scope: { kind: CrossingRow['scope']['kind']; id: string | null },
  period: string | null,
  t: Tally,
  cost: CrossingOptions['cost'],
  min: number,
): CrossingRow {
  const side = (s: SideTally) => sideOf(s, min);
  const bands: CrossingBand[] = BANDS.map((b, k) => {
    const s = side(t.bands[k].single);
    const c = side(t.bands[k].cross);
    const r = ratioOf(c, s);
    return { band: b.band, single: s, cross: c, ratio: r === null ? null : round(r, 2) };
  }).filter((b) => b.single.n + b.cross.n > 0);
  let weighted = 0;
  let weight = 0;
  for (const b of bands) if (b.ratio !== null) ((weighted += b.ratio * b.cross.n), (weight += b.cross.n));
  const hours = round(t.crossEffort, 1);
  const engineerDays = round(hours / HOURS_PER_DAY, 1);
  const out: CrossingRow = {
    scope: { kind: scope.kind, id: scope.id },
    period,
    single: side(t.single),
    cross: side(t.cross),
    ratio: weight ? round(weighted / weight, 2) : null,
    crossShare: t.n ? round(t.cross.n / t.n, 3) : null,
    bands,
    effort: { hours, engineerDays, method: EFFORT_METHOD, estimate: true },
  };
  if (cost)
    out.cost = {
      amount: Math.round((hours / HOURS_PER_DAY) * cost.perEngineerDay),
      currency: cost.currency,
      perEngineerDay: cost.perEngineerDay,
      estimate: true,
    };
  return out;
}

function sideOf(s: SideTally, min: number): CrossingSide {
  return {
    n: s.n,
    medianHours: s.hours.length && s.hours.length >= min ? round(median(s.hours), 1) : null,
    people: s.n ? countedMedian(s.people, s.n) : null,
  };
}

/** The median of n whole numbers given as counts per value (counts[v] = how many are v). */
function countedMedian(counts: number[], n: number): number {
  const kth = (k: number) => {
    let seen = 0;
    for (let v = 0; v < counts.length; v++) if ((seen += counts[v]) > k) return v;
    return counts.length - 1;
  };
  const m = n >> 1;
  return n % 2 ? kth(m) : (kth(m - 1) + kth(m)) / 2;
}

function ratioOf(cross: CrossingSide, single: CrossingSide): number | null {
  return cross.medianHours !== null && single.medianHours !== null && single.medianHours > 0
    ? cross.medianHours / single.medianHours
    : null;
}

export function median(xs: ArrayLike<number>): number {
  // A typed array sorts numerically without a comparator call per step: the window's row sorts ~20k.
  return sortedMedian(Float64Array.from(xs).sort());
}

function sortedMedian(s: Float64Array): number {
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
