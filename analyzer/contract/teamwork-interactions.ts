// How pairs of delivery teams work together: the interaction a team map declares (Team
// Topologies' modes) against the one the window shows, and the coordination the teams' work
// needs (Cataldo et al. 2008) against the coordination that happened (docs/metrics.md,
// "Interactions" and "Coordination").

export type InteractionMode = 'collaboration' | 'x-as-a-service' | 'facilitating';

export interface InteractionEvidence {
  /** Import edges from a's files to b's files, and back. */
  importsAB: number;
  importsBA: number;
  /** Share of those edges (both directions) that go through the imported team's public API; null without edges. */
  publicApiShare: number | null;
  /** Change sets that touch delivery files of both teams. */
  sharedCommits: number;
  /** Changes (commit, file) by a's members to b's files, and by b's members to a's files. */
  changesAinB: number;
  changesBinA: number;
}

export interface InteractionRow {
  /** The pair, a < b. */
  a: string;
  b: string;
  declared: { mode: InteractionMode; purpose: string | null; since: string | null; until: string | null } | null;
  observed: {
    mode: InteractionMode | 'none';
    evidence: InteractionEvidence;
    /** x-as-a-service: the team whose API is consumed; facilitating: the team that helps. */
    by?: string;
  };
  status: 'matches' | 'differs' | 'undeclared' | 'expired' | 'unused';
}

export interface CoordinationEvidence {
  /** Commits whose author and co-authors include members of both teams. */
  coAuthored: number;
  /** Change sets written by a member of one team and reviewed (trailers, pull request reviews) by a member of the other. */
  reviewed: number;
  /** Change sets with commits by members of both teams. */
  sharedChangeSets: number;
}

export interface CoordinationPair {
  a: string;
  b: string;
  /** The teams' work is logically dependent: C_R aggregated to the pair reaches the threshold. */
  needed: boolean;
  happened: boolean;
  /** Σ over the pair's people of C_R = T_A · T_D · T_Aᵀ (co-change as T_D). */
  dependency: number;
  /** dependency / √(C(a,a)·C(b,b)): the cosine of the two teams' rows of the team-level C_R, in [0, 1]. */
  strength: number;
  /** Change sets that link the two teams' work (both teams' changed files among the change set's files). */
  linkingChangeSets: number;
  evidence: CoordinationEvidence;
}

export interface Coordination {
  /** The period the numbers are for (`2026-Q4`), null for the whole window. */
  period?: string | null;
  pairs: CoordinationPair[];
  /** |needed ∩ happened| / |needed| over the team's pairs; null when nothing is needed. */
  teams: { team: string; congruence: number | null }[];
  clusters: { cluster: string; congruence: number | null }[];
  /** The pairs a lead reads first: needed but no coordination seen, and coordination without a dependency. */
  neededNotHappening: { a: string; b: string }[];
  happeningWithoutDependency: { a: string; b: string }[];
}

/** Statuses in the order a lead reads them: what contradicts the team map first. */
export const STATUS_ORDER: InteractionRow['status'][] = ['differs', 'expired', 'undeclared', 'unused', 'matches'];

/**
 * A scope's interaction statuses as "1 differs · 2 undeclared" — the lead's order, unknown statuses
 * (a newer Conway's) after them alphabetically — or `empty` when none: the one wording of the
 * reports and the dashboard.
 */
export function statusCountText(counts: Record<string, unknown>, empty: string): string {
  const n = (s: string) => (typeof counts[s] === 'number' ? (counts[s] as number) : 0);
  const known = STATUS_ORDER.filter((s) => n(s) > 0);
  const other = Object.keys(counts)
    .filter((s) => n(s) > 0 && !(STATUS_ORDER as string[]).includes(s))
    .sort();
  return [...known, ...other].map((s) => `${n(s)} ${s}`).join(' · ') || empty;
}
