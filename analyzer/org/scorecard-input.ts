// What the scorecard reads (org/scorecard.ts) and its "where to improve" (org/scorecard-improve.ts):
// the fields of the other analyses it uses, and one scope (a team or a cluster).
import type { Commit } from '../model/types';
import type { Finding, StaticCoupling } from '../contract/report';
import type { CrossingRow } from '../contract/teamwork-crossing';
import type { Coordination, CoordinationPair, InteractionRow } from '../contract/teamwork-interactions';
import type { MetricsInput } from '../metrics/input';
import type { Membership } from '../metrics/membership';
import type { Acc } from '../metrics/team-history';
import type { PeriodKind } from './period';

/** The crossing rows' fields the scorecard reads. */
export type CrossingCells = Pick<CrossingRow, 'scope' | 'period' | 'ratio' | 'crossShare'>;

/** The coordination fields the scorecard reads. */
export type CoordinationCells = Pick<Coordination, 'teams' | 'clusters'> & {
  pairs: Pick<CoordinationPair, 'a' | 'b' | 'needed' | 'happened'>[];
};

/** The interaction rows' fields the scorecard reads. */
export type InteractionCells = Pick<InteractionRow, 'a' | 'b' | 'status'>;

/** One ownership-drift finding: its file and the two teams (metrics/violations/ownership.ts). */
export interface DriftCell {
  file: string;
  fromTeam: string | null;
  toTeam: string | null;
}

export interface ScorecardInput {
  kind: PeriodKind;
  input: Pick<MetricsInput, 'teams' | 'clusters' | 'commits' | 'teamsOf' | 'deliveryTeamsOf' | 'reviewGroups'>;
  members: Map<string, Membership>;
  /** Per month (ascending), each group's counters, keyed `team:<id>` / `cluster:<id>` (metrics/history.ts). */
  monthly: (readonly [string, Map<string, Acc>])[];
  /** Import edges leaving each group's files at HEAD (null: imports not analysed). */
  dependency: (key: string) => { ok: number; total: number } | null;
  minSample: number;
  /** The report's findings at HEAD and the static team coupling (contributors to dependency independence). */
  findings: Finding[];
  staticPairs: StaticCoupling[];
  /**
   * Ownership drift decided by each period's commits (given per period, newest first), for every
   * period at once: the pipeline counts each commit once. Absent: findings cells are null.
   */
  driftByPeriod?: (commitsByPeriod: Map<string, Commit[]>) => Map<string, DriftCell[]>;
  /** The team-work numbers of the other analyses, when computed (null cells until then). */
  crossing?: CrossingCells[];
  coordinationOf?: (period: string) => CoordinationCells | null;
  interactions?: InteractionCells[];
  /** The interaction statuses one period shows (org/interactions.ts interactionsByPeriod); absent: no per-period cells. */
  interactionsOf?: (period: string) => InteractionCells[] | null;
}

/** A team or cluster row of the scorecard; `key` is its group key in the monthly counters. */
export type Scope = { kind: 'team' | 'cluster'; id: string; teams: string[]; key: string };
