// The report's issue-20 sections — interactions, coordination, interaction findings, crossing
// rows, cluster fit, scorecard — computed, or read from the cache when their inputs hash the same
// (pipeline/teamwork-cache.ts); the scorecard also needs the same findings (a second key).
import type { Finding, Report, Violation } from '../contract/report';
import type { ChangeSetSummary } from '../contract/teamwork-crossing';
import type { computeHistoryMetrics } from '../metrics/history';
import type { MetricsInput, MetricsOptions } from '../metrics/input';
import type { StructureResult } from '../metrics/structure';
import { crossing } from '../org/crossing';
import type { PeriodKind } from '../org/period';
import type { Ownership } from '../ownership';
import { scorecardSection } from './scorecard-section';
import { teamwork } from './teamwork';
import { findingsKey, teamworkKey, type TeamworkEntry, type TeamworkStore } from './teamwork-cache';

export interface SectionsContext {
  input: MetricsInput;
  options: MetricsOptions;
  ownership: Ownership;
  now: Date;
  teamworkStore?: TeamworkStore;
}

type Work = Pick<ReturnType<typeof teamwork>, 'interactions' | 'coordination' | 'violations' | 'weights' | 'notes'>;

export interface Sections {
  work: Work;
  /** The structure's violations and the interaction findings' locations. */
  violations: Violation[];
  findings: Finding[];
  crossed: Pick<Report, 'changeSets' | 'crossing'>;
  card: Pick<Report, 'clusterFit' | 'scorecard'>;
}

/**
 * `findingsFor` ranks the report's violations (the structure's and the interaction findings) with
 * the interaction weights. The gate (`conway check`) gets no crossing, cluster fit or scorecard.
 */
export function teamworkSections(
  ctx: SectionsContext,
  hist: ReturnType<typeof computeHistoryMetrics>,
  struct: StructureResult,
  changeSets: ChangeSetSummary | undefined,
  period: PeriodKind,
  gate: boolean,
  findingsFor: (violations: Violation[], weight: (v: Violation) => number) => Finding[],
): Sections {
  const { input, ownership } = ctx;
  const store = ctx.teamworkStore;
  const key = store
    ? teamworkKey({
        input,
        options: ctx.options,
        members: hist.members,
        ownership,
        edges: struct.edges,
        period,
        end: input.commits[0]?.date ?? Math.floor(ctx.now.getTime() / 1000),
        crossing: !gate && changeSets !== undefined,
      })
    : '';
  const hit = store?.get(key);
  let fresh: ReturnType<typeof teamwork> | undefined;
  const computed = () =>
    (fresh ??= teamwork(input, ctx.options, hist.members, ownership.teamMap.path, ctx.now, struct.edges, period));
  const work: Work = hit ? { ...hit, weights: new Map(hit.weights) } : computed();
  const violations = work.violations.length ? [...struct.violations, ...work.violations] : struct.violations;
  const findings = findingsFor(violations, (v) => work.weights.get(v.target ?? '') ?? 0);
  const crossed: Sections['crossed'] =
    gate || !changeSets ? {} : { changeSets, crossing: hit ? hit.crossing : crossingRows(ctx, period) };
  const seen = store && !gate ? findingsKey(findings) : undefined;
  const card: Sections['card'] = gate
    ? {}
    : hit && seen !== undefined && hit.findings === seen
      ? { clusterFit: hit.clusterFit, scorecard: hit.scorecard }
      : scorecardSection(input, ctx.options, hist, struct, findings, ownership, {
          crossing: crossed.crossing,
          coordinationOf: computed().coordinationOf,
          interactions: work.interactions,
          interactionsOf: computed().interactionsOf,
        });
  if (store && (!hit || hit.findings !== seen)) {
    const entry: TeamworkEntry = {
      interactions: work.interactions,
      coordination: work.coordination,
      violations: work.violations,
      weights: [...work.weights],
      notes: work.notes,
      ...(crossed.crossing !== undefined ? { crossing: crossed.crossing } : {}),
      ...(seen !== undefined ? { findings: seen, clusterFit: card.clusterFit, scorecard: card.scorecard } : {}),
    };
    store.set(key, entry);
  }
  return { work, violations, findings, crossed, card };
}

/** The cost of crossing a boundary (org/crossing.ts), per team, cluster and period. */
function crossingRows(ctx: SectionsContext, period: PeriodKind): Report['crossing'] {
  return crossing(ctx.input, {
    period,
    maxChangesetSize: ctx.options.maxChangesetSize,
    minSample: ctx.options.minSample,
    cost: ctx.ownership.teamMap.cost,
  });
}
