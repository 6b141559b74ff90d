// The team-work sections of the report that read the other metrics' rows: cluster fit and the
// scorecard (analyzer/org/). The scorecard's optional inputs — crossing rows, coordination per
// period, interaction rows — are passed here when the report computes them.
import type { Finding, Report } from '../contract/report';
import type { Commit } from '../model/types';
import type { MetricsInput, MetricsOptions } from '../metrics/input';
import type { computeHistoryMetrics } from '../metrics/history';
import type { StructureResult } from '../metrics/structure';
import { DRIFT_MIN_CHANGES, ownershipDrift } from '../metrics/violations/ownership';
import { clusterFit } from '../org/cluster-fit';
import { scorecard, type DriftCell, type ScorecardInput } from '../org/scorecard';
import type { Ownership } from '../ownership';

type History = ReturnType<typeof computeHistoryMetrics>;

export function scorecardSection(
  input: MetricsInput,
  options: MetricsOptions,
  hist: History,
  struct: StructureResult,
  findings: Finding[],
  ownership: Ownership,
  extra: Pick<ScorecardInput, 'crossing' | 'coordinationOf' | 'interactions' | 'interactionsOf'> = {},
): Pick<Report, 'clusterFit' | 'scorecard'> {
  const exclude = new Set([...input.reviewGroups, ...(input.botOwners?.keys() ?? [])]);
  const fit = clusterFit({ clusters: input.clusters, static: struct.static, coupling: hist.coupling.teams, exclude });
  const teamOwners = (t: string) => ownership.team(t)?.owners ?? [t];
  // Drift needs DRIFT_MIN_CHANGES changes to a file in the period, so only such files are looked at, and
  // sweeping commits (more than maxChangesetSize files) are left out here, as the violation does.
  const tracked = new Set(input.files);
  const driftByPeriod = (byPeriod: Map<string, Commit[]>) => {
    const out = new Map<string, DriftCell[]>();
    for (const [period, changes] of changesByPeriod(byPeriod, options.maxChangesetSize, (f) => tracked.has(f)))
      out.set(
        period,
        ownershipDrift(
          { ...input, commits: changes.commits, files: [...changes.byFile.keys()] },
          hist.members,
          options,
          { ownerOf: (t) => teamOwners(t)[0], ownersOf: (p) => ownership.who(p).owners, teamOwners },
          (f) => changes.byFile.get(f),
        ),
      );
    return out;
  };
  const card = scorecard({
    kind: options.period ?? 'quarter',
    input: { ...input, reviewGroups: exclude },
    members: hist.members,
    monthly: hist.monthly,
    dependency: (key) =>
      key.startsWith('team:')
        ? (struct.perTeam.get(key.slice(5))?.dependency ?? null)
        : (struct.clusterDependency.get(key.slice(8)) ?? null),
    minSample: options.minSample,
    findings,
    staticPairs: struct.static,
    driftByPeriod,
    ...extra,
  });
  return { clusterFit: fit, scorecard: card };
}

/**
 * Per period, its commits without sweeps and each author's changes per file, for the files with
 * enough changes in the period to drift. Paths are numbered once for all periods; each period
 * counts its commits' changes per file in a reused typed array (one map lookup per change), then
 * reads the authors of the files that can drift — never a drift run per period over the history.
 */
function changesByPeriod(
  byPeriod: Map<string, Commit[]>,
  max: number,
  keep: (file: string) => boolean,
): Map<string, { commits: Commit[]; byFile: Map<string, Map<string, { changes: number }>> }> {
  const out = new Map<string, { commits: Commit[]; byFile: Map<string, Map<string, { changes: number }>> }>();
  const ids = new Map<string, number>();
  const paths: string[] = [];
  let counts = new Int32Array(1024);
  const seen: number[] = []; // the period's changes as path ids, in commit order
  for (const [period, all] of byPeriod) {
    const commits = all.filter((c) => c.files.length <= max);
    seen.length = 0;
    for (const c of commits)
      for (const f of c.files) {
        let id = ids.get(f.path);
        if (id === undefined) {
          ids.set(f.path, (id = paths.push(f.path) - 1));
          if (id >= counts.length) {
            const grown = new Int32Array(counts.length * 2);
            grown.set(counts);
            counts = grown;
          }
        }
        counts[id]++;
        seen.push(id);
      }
    // Most files of a period have fewer than DRIFT_MIN_CHANGES changes: no map for them. The map
    // keeps the order the files were first changed in, as the drift violation reads them.
    const byFile = new Map<string, Map<string, { changes: number }>>();
    const maps: Map<string, { changes: number }>[] = [];
    // Once decided, a path's count becomes -1 (cannot drift) or -2 - k (its map is maps[k]).
    for (const id of seen) {
      if (counts[id] < 0) continue;
      if (counts[id] >= DRIFT_MIN_CHANGES && keep(paths[id])) {
        const m = new Map<string, { changes: number }>();
        byFile.set(paths[id], m);
        counts[id] = -2 - (maps.push(m) - 1);
      } else counts[id] = -1;
    }
    let k = 0;
    for (const c of commits)
      for (let j = 0; j < c.files.length; j++) {
        const v = counts[seen[k++]];
        if (v >= -1) continue;
        const m = maps[-2 - v];
        const e = m.get(c.author);
        if (e) e.changes++;
        else m.set(c.author, { changes: 1 });
      }
    for (const id of seen) counts[id] = 0;
    out.set(period, { commits, byFile });
  }
  return out;
}
