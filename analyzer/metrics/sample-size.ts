// Honest samples (docs/metrics.md "Minimum data"): an autonomy component computed
// from a handful of commits or imports says more about chance than about the team — 1 commit
// out of 1 is "100% independent". Below a documented minimum a component is null (shown "–")
// and the notes say which teams and why; a team or cluster with no component left has no score
// (null), never 100. The minimums follow code-maat's practice of a minimum revision count
// (`minRevs`) before a coupling is believed.
import { ratio } from './fragmentation';
import type { Autonomy } from '../contract/report';
import { autonomy } from './autonomy';

/** Default minimum data per component (`--min-sample`): commits touching the group's code, changes to it, import edges leaving it. */
export const MIN_SAMPLE = 10;

export interface GroupSample {
  id: string;
  /** Commits in the window touching the group's files, and their delivery independence. */
  commits: number;
  deliveryIndependence: number | null;
  /** Changes in the window to the group's files, and the share made by its members. */
  changes: number;
  alignment: number | null;
  /** Import edges from the group's files to owned files; null when imports were not analysed. */
  dependency: { ok: number; total: number } | null;
}

/** Tallies, per component, the groups that fell below the minimum (for one note each). */
type Component = 'delivery independence' | 'ownership integrity' | 'dependency independence';
export type Shortfalls = Map<Component | 'autonomy score', string[]>;

export function honestAutonomy(g: GroupSample, short: Shortfalls, min = MIN_SAMPLE): Autonomy {
  const tally = (what: Component | 'autonomy score') => (short.get(what) ?? short.set(what, []).get(what)!).push(g.id);
  const keep = (value: number | null, n: number, what: Component) => {
    if (value === null || n >= min) return value;
    tally(what);
    return null;
  };
  const dep = g.dependency ? ratio(g.dependency.ok, g.dependency.total) : null;
  const a = autonomy({
    deliveryIndependence: keep(g.deliveryIndependence, g.commits, 'delivery independence'),
    ownershipIntegrity: keep(g.alignment, g.changes, 'ownership integrity'),
    dependencyIndependence: keep(dep, g.dependency?.total ?? 0, 'dependency independence'),
  });
  // Without a history component the score would rate code nobody changed in the window by its
  // imports alone (an empty window scored every team 100): no score; the component stays shown.
  if (a.score === null || a.deliveryIndependence !== null || a.ownershipIntegrity !== null) return a;
  tally('autonomy score');
  return { ...a, score: null };
}

const BASIS = {
  'delivery independence': 'commits in the window touching their files',
  'ownership integrity': 'changes in the window to their files',
  'dependency independence': 'import edges from their files to owned files',
};

export function shortfallNotes(short: Shortfalls, what: 'teams' | 'clusters', min = MIN_SAMPLE): string[] {
  return [...short].map(([component, ids]) => {
    const who = `${ids.length} ${ids.length === 1 ? what.slice(0, -1) : what}`;
    const list = `${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ` and ${ids.length - 5} more` : ''}`;
    if (component === 'autonomy score')
      return `autonomy score is "–" for ${who} without history data in the window (only dependency independence is known; a score from imports alone would rate code nobody changed): ${list}`;
    return `${component} is "–" (too few data) for ${who} with fewer than ${min} ${BASIS[component]} (--min-sample): ${list}`;
  });
}
