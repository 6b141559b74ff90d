// A team's numbers over the snapshots of a history database (`conway snapshot`), as the editor's
// worker sends them to the dashboard's trend views. Ratios in [0, 1], scores in [0, 100]; a value
// the snapshot does not have (too small a sample, or an older database without the column) is null.

export interface SnapshotPoint {
  /** The snapshot's id in the database: repository|commit|since|until. */
  id: string;
  commit: string | null;
  /** The date the numbers describe (the window's last commit), YYYY-MM-DD. */
  asOf: string;
  quarter: string;
}

export interface TeamSnapshotValues {
  autonomy: number | null;
  deliveryIndependence: number | null;
  ownershipIntegrity: number | null;
  dependencyIndependence: number | null;
  changes: number | null;
  /** Import edges into and out of the team's files from other teams. */
  afferent: number | null;
  efferent: number | null;
  /** Commits shared with other teams (change coupling). */
  sharedCommits: number | null;
  /** Findings and violations the team is a side of. */
  findings: number | null;
  violations: number | null;
}

export interface SnapshotTrend {
  /** The database file, as the setting resolved it. */
  db: string;
  /** The repository whose snapshots these are (the workspace folder's directory name). */
  repository: string;
  /** Oldest first, at most the last 12. */
  snapshots: SnapshotPoint[];
  /** One entry per snapshot (null: the team is not in that snapshot). */
  teams: { id: string; points: (TeamSnapshotValues | null)[] }[];
  /** Repositories the database holds snapshots of: what to say when this one has none. */
  repositories: string[];
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** The shape the dashboard reads, checked (it crosses a process and a webview). */
export function isSnapshotTrend(x: unknown): x is SnapshotTrend {
  if (!isObj(x) || typeof x.db !== 'string' || typeof x.repository !== 'string') return false;
  if (!Array.isArray(x.snapshots) || !Array.isArray(x.teams) || !Array.isArray(x.repositories)) return false;
  const n = x.snapshots.length;
  return (
    x.snapshots.every(
      (s) => isObj(s) && typeof s.id === 'string' && typeof s.asOf === 'string' && typeof s.quarter === 'string',
    ) &&
    x.teams.every(
      (t) =>
        isObj(t) &&
        typeof t.id === 'string' &&
        Array.isArray(t.points) &&
        t.points.length === n &&
        t.points.every((p) => p === null || isObj(p)),
    ) &&
    x.repositories.every((r) => typeof r === 'string')
  );
}
