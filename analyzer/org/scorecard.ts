// The scorecard (docs/metrics.md "Scorecard"): per team and cluster, per period (calendar month
// or quarter, UTC), the autonomy score and its components, the team-work numbers (crossing share
// and ratio, congruence, interaction status), ownership-drift findings opened and fixed — each
// beside the previous period's value with its direction — and, for the latest period, the three
// largest contributors to the weakest component, named (org/scorecard-improve.ts).
// Cheap by construction: the history metrics already count every group per month
// (metrics/team-history.ts), and every counter is a sum over commits, so a period is the merge
// of its months — no second pass over the history. Only the latest period's commits are read
// again, for the contributors. Dependency independence comes from the import graph at HEAD
// (imports are not mined per period): the same value in every period, said in the notes.
import type { Commit } from '../model/types';
import type { Finding } from '../contract/report';
import type { Direction, Scorecard, ScorePeriod, ScoreScope, ScoreValue } from '../contract/teamwork-scorecard';
import { ratio } from '../metrics/fragmentation';
import { autonomy } from '../metrics/autonomy';
import { finish, merge, type Acc } from '../metrics/team-history';
import { NEEDED_SETS, NEEDED_STRENGTH } from './coordination';
import { periodOf, previousPeriod, type PeriodKind } from './period';
import { contributorsOf, improve, type Contributions } from './scorecard-improve';
import type { CoordinationCells, DriftCell, InteractionCells, ScorecardInput, Scope } from './scorecard-input';

export type { CoordinationCells, CrossingCells, DriftCell, InteractionCells, ScorecardInput } from './scorecard-input';

export function scorecard(x: ScorecardInput): Scorecard {
  const byPeriod = new Map<string, Map<string, Acc>[]>();
  for (const [month, accs] of x.monthly) {
    const p = x.kind === 'month' ? month : quarterOf(month);
    (byPeriod.get(p) ?? byPeriod.set(p, []).get(p)!).push(accs);
  }
  const periods = [...byPeriod.keys()].sort();
  const scopes: Scope[] = [
    ...x.input.teams
      .filter((t) => !x.input.reviewGroups.has(t.id))
      .map((t) => ({ kind: 'team' as const, id: t.id, teams: [t.id], key: `team:${t.id}` })),
    ...x.input.clusters.map((c) => ({ kind: 'cluster' as const, id: c.id, teams: c.teams, key: `cluster:${c.id}` })),
  ];
  const commitsOf = commitsByPeriod(x.input.commits, x.kind);
  // Drift is the violation decided by each period's history: opened and fixed in every period
  // against the one before it.
  const drift = x.driftByPeriod?.(commitsOf) ?? null;
  const coordination = new Map(periods.map((p) => [p, x.coordinationOf?.(p) ?? null]));
  const interactionsIn = new Map(periods.map((p) => [p, x.interactionsOf?.(p) ?? null]));
  const latest = periods[periods.length - 1];
  const latestCommits = latest ? (commitsOf.get(latest) ?? []) : [];
  // Read again only when some scope's weakest component is delivery or integrity.
  let contributions: Contributions | undefined;
  const contributionsOf = () => (contributions ??= contributorsOf(x, scopes, latestCommits));
  const out = (s: Scope): ScoreScope => {
    const rows: ScorePeriod[] = [];
    let prev: Raw | null = null;
    let prevRow: ScorePeriod | null = null;
    periods.forEach((p, i) => {
      const raw = rawOf(x, s, p, byPeriod.get(p)!, drift, coordination.get(p) ?? null, interactionsIn.get(p) ?? null);
      // The previous calendar period is only comparable when it is in the window (it had commits).
      const adjacent = i > 0 && periods[i - 1] === previousPeriod(p);
      const row = cells(p, raw, adjacent ? prev : null, adjacent ? prevRow : null);
      rows.push(row);
      [prev, prevRow] = [raw, row];
    });
    return {
      kind: s.kind,
      id: s.id,
      periods: rows,
      interactions: x.interactions ? statusCounts(x.interactions, s.teams) : null,
      openFindings: x.findings.filter((f) => touches(f, s.teams)).length,
      improve: latest ? improve(x, s, rows[rows.length - 1], contributionsOf, coordination.get(latest) ?? null) : null,
    };
  };
  const notes = [
    `periods are calendar ${x.kind === 'month' ? 'months' : 'quarters'} (UTC) of the window; each value is beside the previous period's (--period month|quarter)`,
    'dependency independence is measured on the imports at HEAD: the same in every period',
    ...partialNote(latest, x.input.commits),
    ...(x.crossing ? [] : ['crossing share and ratio are not computed in this report: their cells are empty']),
    ...(x.coordinationOf
      ? [
          `congruence is empty where none of a team's pairs needed coordination in the period (at least ${NEEDED_SETS} change sets linking the two teams' work, strength ${NEEDED_STRENGTH} or more): there is nothing to be congruent with`,
        ]
      : ['congruence is not computed in this report: its cells are empty']),
    ...(x.driftByPeriod
      ? [
          'findings opened and fixed count ownership-drift findings (decided by the period’s history); import findings are measured at HEAD only (openFindings)',
        ]
      : []),
  ];
  return {
    period: x.kind,
    periods,
    teams: scopes.filter((s) => s.kind === 'team').map(out),
    clusters: scopes.filter((s) => s.kind === 'cluster').map(out),
    notes,
  };
}

interface Raw {
  commits: number;
  autonomy: number | null;
  deliveryIndependence: number | null;
  ownershipIntegrity: number | null;
  dependencyIndependence: number | null;
  crossShare: number | null;
  crossRatio: number | null;
  congruence: number | null;
  drift: Set<string> | null;
  interactions: Record<string, number> | null;
}

function rawOf(
  x: ScorecardInput,
  s: Scope,
  period: string,
  months: Map<string, Acc>[],
  drift: Map<string, DriftCell[]> | null,
  coordination: CoordinationCells | null,
  interactions: InteractionCells[] | null,
): Raw {
  const h = finish(merge(months.map((m) => m.get(s.key)).filter((a): a is Acc => Boolean(a))));
  const dep = x.dependency(s.key);
  // The existing autonomy metric on the period's counts, with the same minimum sample.
  const di = h.commits >= x.minSample ? h.deliveryIndependence : null;
  const oi = h.changes >= x.minSample ? h.alignment : null;
  const depInd = dep && dep.total >= x.minSample ? ratio(dep.ok, dep.total) : null;
  const a = autonomy({ deliveryIndependence: di, ownershipIntegrity: oi, dependencyIndependence: depInd });
  const row = x.crossing?.find((r) => r.period === period && r.scope.kind === s.kind && r.scope.id === s.id);
  const cong = coordination
    ? ((s.kind === 'team'
        ? coordination.teams.find((t) => t.team === s.id)
        : coordination.clusters.find((c) => c.cluster === s.id)
      )?.congruence ?? null)
    : null;
  const inScope = new Set(s.teams);
  const found = drift?.get(period);
  return {
    commits: h.commits,
    // A score from imports alone would rate code nobody changed (metrics/sample-size.ts).
    autonomy: di === null && oi === null ? null : a.score,
    deliveryIndependence: di,
    ownershipIntegrity: oi,
    dependencyIndependence: depInd,
    crossShare: row?.crossShare ?? null,
    crossRatio: row?.ratio ?? null,
    congruence: cong,
    drift: found
      ? new Set(
          found
            .filter((d) => inScope.has(d.fromTeam ?? '') || inScope.has(d.toTeam ?? ''))
            .map((d) => `${d.file}\0${d.toTeam}`),
        )
      : null,
    interactions: interactions ? statusCounts(interactions, s.teams) : null,
  };
}

function cells(period: string, raw: Raw, prev: Raw | null, prevRow: ScorePeriod | null): ScorePeriod {
  const v = (value: number | null, previous: number | null, better: 'up' | 'down'): ScoreValue => ({
    value,
    previous,
    direction: directionOf(value, previous),
    better,
  });
  const opened = raw.drift && prev?.drift ? [...raw.drift].filter((k) => !prev.drift!.has(k)).length : null;
  const fixed = raw.drift && prev?.drift ? [...prev.drift].filter((k) => !raw.drift!.has(k)).length : null;
  return {
    period,
    commits: raw.commits,
    autonomy: v(raw.autonomy, prev?.autonomy ?? null, 'up'),
    deliveryIndependence: v(raw.deliveryIndependence, prev?.deliveryIndependence ?? null, 'up'),
    ownershipIntegrity: v(raw.ownershipIntegrity, prev?.ownershipIntegrity ?? null, 'up'),
    dependencyIndependence: v(raw.dependencyIndependence, prev?.dependencyIndependence ?? null, 'up'),
    crossShare: v(raw.crossShare, prev?.crossShare ?? null, 'down'),
    crossRatio: v(raw.crossRatio, prev?.crossRatio ?? null, 'down'),
    congruence: v(raw.congruence, prev?.congruence ?? null, 'up'),
    findingsOpened: v(opened, prevRow?.findingsOpened.value ?? null, 'down'),
    findingsFixed: v(fixed, prevRow?.findingsFixed.value ?? null, 'up'),
    interactions: raw.interactions,
    interactionIssues: v(issuesOf(raw.interactions), issuesOf(prev?.interactions ?? null), 'down'),
  };
}

/** Pairs whose agreement the period contradicts: observed otherwise (`differs`) or past its end (`expired`). */
function issuesOf(counts: Record<string, number> | null): number | null {
  return counts ? (counts.differs ?? 0) + (counts.expired ?? 0) : null;
}

function directionOf(value: number | null, previous: number | null): Direction | null {
  if (value === null || previous === null) return null;
  return Math.abs(value - previous) < 1e-9 ? 'same' : value > previous ? 'up' : 'down';
}

function statusCounts(rows: InteractionCells[], teams: string[]): Record<string, number> {
  const inScope = new Set(teams);
  const counts: Record<string, number> = {};
  for (const r of rows) if (inScope.has(r.a) || inScope.has(r.b)) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

function touches(f: Finding, teams: string[]): boolean {
  return teams.includes(f.fromTeam ?? '\0') || teams.includes(f.toTeam ?? '\0');
}

function commitsByPeriod(commits: Commit[], kind: PeriodKind): Map<string, Commit[]> {
  const out = new Map<string, Commit[]>();
  const byDay = new Map<number, string>(); // a period per UTC day, so not a Date per commit
  for (const c of commits) {
    const day = Math.floor(c.date / 86400);
    let p = byDay.get(day);
    if (p === undefined) byDay.set(day, (p = periodOf(day * 86400, kind)));
    (out.get(p) ?? out.set(p, []).get(p)!).push(c);
  }
  return out;
}

/** The latest period is partial when the window's last commit is more than a week before it ends: compare with care. */
function partialNote(latest: string | undefined, commits: Commit[]): string[] {
  if (!latest || !commits.length) return [];
  const last = Math.max(commits[0].date, commits[commits.length - 1].date);
  const q = /^(\d{4})-Q([1-4])$/.exec(latest);
  const m = /^(\d{4})-(\d{2})$/.exec(latest);
  const end = q
    ? Date.UTC(Number(q[1]), Number(q[2]) * 3, 1) / 1000
    : m
      ? Date.UTC(Number(m[1]), Number(m[2]), 1) / 1000
      : null;
  if (end === null || end - last <= 7 * 86400) return [];
  return [
    `${latest} is partial: the window's last commit is ${new Date(last * 1000).toISOString().slice(0, 10)}, ${Math.round((end - last) / 86400)} days before it ends, so its counts are not comparable with the previous period's (ratios are)`,
  ];
}

function quarterOf(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}
