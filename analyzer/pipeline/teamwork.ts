// The report's team-work sections that j20b's org/ computes: interactions (declared against
// observed, with their findings) and coordination (needed against happened). Membership is the
// history metrics' (declared, else inferred); the window's end is its newest commit.
import type { Violation } from '../contract/report';
import type { Coordination, InteractionRow } from '../contract/teamwork-interactions';
import type { MetricsInput, MetricsOptions } from '../metrics/input';
import type { Membership } from '../metrics/membership';
import { fingerprint } from '../metrics/violations/fingerprint';
import { changeSetsOf } from '../metrics/change-sets';
import type { TeamEdge } from '../metrics/cross-team';
import { isTeamOwner } from '../model/owner-syntax';
import { coordinationPeriods } from '../org/coordination';
import { interactionFindings } from '../org/interaction-findings';
import { interactionsByPeriod, observeInteractions, type PeriodInteractions } from '../org/interactions';
import type { PeriodKind } from '../org/period';

export interface Teamwork {
  interactions: InteractionRow[];
  coordination: Coordination;
  violations: Violation[];
  /** Pair (`a ↔ b`, an interaction violation's target) → the rank key of its finding. */
  weights: Map<string, number>;
  notes: string[];
  /** Coordination in one period of the report's kind (the scorecard's congruence), from the same numbering. */
  coordinationOf(period: string): Coordination;
  /** Interaction statuses in one period of the report's kind (the scorecard's interaction cells). */
  interactionsOf(period: string): PeriodInteractions;
}

/** Teams that deliver code: not review groups, not bots, not a CODEOWNERS person standing for a team. */
export function deliveryTeams(input: MetricsInput): Set<string> {
  return new Set(
    input.teams
      .filter(
        (t) =>
          !input.reviewGroups.has(t.id) && !input.botOwners?.has(t.id) && (!t.implicit || t.owners.some(isTeamOwner)),
      )
      .map((t) => t.id),
  );
}

export function teamwork(
  input: MetricsInput,
  options: MetricsOptions,
  members: Map<string, Membership>,
  teamMap: string | null,
  now: Date,
  edges?: TeamEdge[],
  periodKind: PeriodKind = 'quarter',
): Teamwork {
  const delivery = deliveryTeams(input);
  const teamsOfPerson = (p: string) => members.get(p)?.teams ?? [];
  // One grouping for both passes (without pull requests or merges, one change set per commit).
  const sets = { ...input, changeSets: changeSetsOf(input) };
  const base = { input: sets, teamsOfPerson, delivery, maxChangesetSize: options.maxChangesetSize };
  const end = input.commits[0]?.date ?? Math.floor(now.getTime() / 1000);
  const observe = { ...base, teams: input.teams, now: end, edges };
  const observed = observeInteractions(observe);
  const anyDeclared = input.teams.some((t) => t.interactions?.length);
  const drafts = interactionFindings(observed, teamMap, anyDeclared);
  const violations = fingerprint(drafts.map(({ weight: _w, ...d }) => d));
  const weights = new Map(drafts.map((d) => [d.target ?? '', d.weight]));
  const notes =
    anyDeclared || !observed.length
      ? []
      : [
          `no interactions declared in the team map: ${observed.length} team pair${observed.length === 1 ? '' : 's'} observed working together (report.interactions) — \`conway init\` drafts them`,
        ];
  let byPeriod: Map<string, PeriodInteractions> | undefined;
  const coordinationIn = coordinationPeriods({ ...base, clusters: input.clusters }, periodKind);
  return {
    interactions: observed.map((o) => o.row),
    coordination: coordinationIn(null),
    violations,
    weights,
    notes,
    coordinationOf: coordinationIn,
    // Computed on the scorecard's first ask: every period from one walk.
    interactionsOf: (p) => (byPeriod ??= interactionsByPeriod(observe, periodKind)).get(p) ?? [],
  };
}
