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
  for (const scope of scopes) {
    const mine = scope.items;
    const withCost = scope.kind !== 'team' ? opts.cost : undefined;
    rows.push(row(scope, null, mine, withCost, min));
    if (!periods.length) continue;
    // The scope's items per period in one pass, each list in the window's order.
    const inPeriod = new Map<string, Item[]>(periods.map((p) => [p, []]));
    for (const i of mine) inPeriod.get(i.period!)!.push(i);
    for (const p of periods) rows.push(row(scope, p, inPeriod.get(p)!, withCost, min));
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

function row(
  scope: { kind: CrossingRow['scope']['kind']; id: string | null },
  period: string | null,
  items: Item[],
  cost: CrossingOptions['cost'],
  min: number,
): CrossingRow {
  const side = (list: Item[]) => sideOf(list, min);
  const cross: Item[] = [];
  const single: Item[] = [];
  const byBand = BANDS.map(() => ({ single: [] as Item[], cross: [] as Item[] }));
  for (const i of items) {
    (i.cross ? cross : single).push(i);
    (i.cross ? byBand[i.band].cross : byBand[i.band].single).push(i);
  }
  const bands: CrossingBand[] = BANDS.map((b, k) => {
    const s = side(byBand[k].single);
    const c = side(byBand[k].cross);
    const r = ratioOf(c, s);
    return { band: b.band, single: s, cross: c, ratio: r === null ? null : round(r, 2) };
  }).filter((b) => b.single.n + b.cross.n > 0);
  let weighted = 0;
  let weight = 0;
  for (const b of bands) if (b.ratio !== null) ((weighted += b.ratio * b.cross.n), (weight += b.cross.n));
  const hours = round(
    cross.reduce((sum, i) => sum + i.effort, 0),
    1,
  );
  const engineerDays = round(hours / HOURS_PER_DAY, 1);
  const out: CrossingRow = {
    scope: { kind: scope.kind, id: scope.id },
    period,
    single: side(single),
    cross: side(cross),
    ratio: weight ? round(weighted / weight, 2) : null,
    crossShare: items.length ? round(cross.length / items.length, 3) : null,
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

function sideOf(items: Item[], min: number): CrossingSide {
  let n = 0;
  for (const i of items) if (i.hours !== null) n++;
  const timed = new Float64Array(n);
  const people = new Float64Array(items.length);
  n = 0;
  for (let k = 0; k < items.length; k++) {
    const i = items[k];
    people[k] = i.people;
    if (i.hours !== null) timed[n++] = i.hours;
  }
  return {
    n: items.length,
    medianHours: timed.length && timed.length >= min ? round(sortedMedian(timed.sort()), 1) : null,
    people: items.length ? sortedMedian(people.sort()) : null,
  };
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
