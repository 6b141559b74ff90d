// Why a component has no data: the report keeps null (never 0) and the dashboard says why, from
// the numbers the report does carry.
import type { Report, TeamRow } from '../analyzer/contract/report';

export type Component = 'deliveryIndependence' | 'ownershipIntegrity' | 'dependencyIndependence' | 'score';

export function nullReason(r: Report, t: TeamRow, c: Component): string {
  switch (c) {
    case 'deliveryIndependence':
      return t.commits === 0
        ? 'no commits in the window'
        : t.members.length === 0
          ? 'no known members'
          : 'no member commits to its files';
    case 'ownershipIntegrity':
      return t.files === 0
        ? 'owns no files'
        : t.changes === 0
          ? 'no changes to its files in the window'
          : 'no known members';
    case 'dependencyIndependence':
      return r.graph === null ? 'imports not analysed' : 'no imports from its files to owned files';
    default:
      return 'no component has data';
  }
}

/**
 * The sample behind each component: what the percentage is a share of (docs/metrics.md). Delivery
 * independence is a share of the members' commits that touch owned code — not of every commit to
 * the team's files, which counts other teams' commits too; dependency independence a share of the
 * import edges leaving the team's files to owned files, its own included. Reports without `counts`
 * (before schemaVersion 2) do not carry those denominators: the label names the sample, no number.
 */
export function sampleSize(t: TeamRow, c: Exclude<Component, 'score'>): string {
  if (c === 'deliveryIndependence')
    return t.counts ? `n=${t.counts.memberCommits} member commits` : "of members' commits";
  if (c === 'ownershipIntegrity') return `n=${t.changes} changes`;
  return t.counts ? `n=${t.counts.dependencyTotal} imports` : 'of imports to owned files';
}
