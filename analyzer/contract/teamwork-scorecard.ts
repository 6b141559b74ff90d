// How the declared clusters fit the team graph (analyzer/org/cluster-fit.ts) and the scorecard
// per team and cluster per period (analyzer/org/scorecard.ts); formulas in docs/metrics.md
// ("Cluster fit", "Scorecard").

/** A partition of teams into clusters and its modularity on the team coupling graph. */
export interface ClusterPartition {
  /** Newman's weighted modularity Q in [-0.5, 1]; null when the graph has no edge. */
  modularity: number | null;
  /** Each cluster's teams (ascending). */
  clusters: string[][];
}

export interface DeclaredPartition extends ClusterPartition {
  /** The declared cluster ids, in the order of `clusters`. */
  ids: string[];
  /** Coupled teams in no declared cluster (each counts as a cluster of its own). */
  unclustered: string[];
}

export interface BestPartition extends ClusterPartition {
  /** The Louvain resolution that found it. */
  resolution: number;
}

export interface ClusterMove {
  team: string;
  /** The declared cluster it leaves; null when the team was in no cluster. */
  from: string | null;
  to: string;
  /** Modularity gained by this move, after the moves before it. */
  gain: number;
}

export interface ClusterCouplingRow {
  cluster: string;
  teams: number;
  /** Coupling weight between the cluster's teams, and between them and teams outside it. */
  internal: number;
  external: number;
  /** external / (internal + external); null when the cluster has no coupling at all. */
  externalShare: number | null;
}

export interface ClusterFit {
  /** What the team graph's edge weights are (one line, for the reader). */
  weights: string;
  /** Teams with at least one coupling edge (the graph's nodes). */
  teams: number;
  declared: DeclaredPartition;
  /** The best partition found: Louvain over a resolution sweep, preferring clusters of 3–5 teams. */
  best: BestPartition;
  /** declared.modularity / best.modularity; null when either is unknown or best ≤ 0. */
  share: number | null;
  /** The fewest single-team moves (greedy, largest gain first) that bring the declared clusters to ≥ 90% of the best. */
  moves: ClusterMove[];
  /** Modularity and share after the moves. */
  afterMoves: { modularity: number | null; share: number | null; reached: boolean };
  /** Declared clusters with fewer than 3 or more than 5 teams. */
  outsideSize: { cluster: string; teams: number }[];
  coupling: ClusterCouplingRow[];
  notes: string[];
}

export type Direction = 'up' | 'down' | 'same';

/** A number of one period beside the previous period's. */
export interface ScoreValue {
  value: number | null;
  previous: number | null;
  /** null when either value is unknown. */
  direction: Direction | null;
  /** Which direction is better for this number. */
  better: 'up' | 'down';
}

export interface ScoreContributor {
  kind: 'team-pair' | 'finding' | 'interaction';
  /** What to look at, named: `payments → ledger`, a finding's title, an interaction's pair. */
  name: string;
  /** How much it weighs in the component (changes, commits, import edges), the unit in `detail`. */
  weight: number;
  detail: string;
}

export interface ScorePeriod {
  period: string;
  /** Commits of the period touching the scope's code. */
  commits: number;
  autonomy: ScoreValue;
  deliveryIndependence: ScoreValue;
  ownershipIntegrity: ScoreValue;
  /** From the import graph at HEAD (the same in every period; imports are not mined per period). */
  dependencyIndependence: ScoreValue;
  /** Share of the scope's change sets that cross a team boundary, and the crossing time ratio (null until the crossing rows are computed). */
  crossShare: ScoreValue;
  crossRatio: ScoreValue;
  /** Coordination that happened where it was needed (null until coordination is computed). */
  congruence: ScoreValue;
  /** Ownership-drift findings (the findings history alone decides) opened and fixed since the previous period. */
  findingsOpened: ScoreValue;
  findingsFixed: ScoreValue;
  /** The period's interaction statuses of the scope's team pairs, by status (null until interactions are computed). */
  interactions?: Record<string, number> | null;
  /** Pairs whose agreement the period contradicts: `differs` + `expired` (lower is better). */
  interactionIssues?: ScoreValue;
}

export interface ScoreScope {
  kind: 'team' | 'cluster';
  id: string;
  /** Oldest first. */
  periods: ScorePeriod[];
  /** Interaction statuses of the scope's team pairs today (null when interactions are not computed). */
  interactions: Record<string, number> | null;
  /** Open findings at HEAD naming the scope's teams. */
  openFindings: number;
  /** The latest period's weakest component and its three largest contributors; null when no component has data or all are at 100%. */
  improve: { component: string; value: number | null; contributors: ScoreContributor[] } | null;
}

export interface Scorecard {
  period: 'month' | 'quarter';
  /** Every period of the window, oldest first. */
  periods: string[];
  teams: ScoreScope[];
  clusters: ScoreScope[];
  notes: string[];
}
