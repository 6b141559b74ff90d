// The scorecard's optional inputs — crossing rows, coordination per period, interaction rows — as
// the other team-work analyses will hand them over (pipeline/scorecard-section.ts `extra`): the cells fill,
// the previous period's value and direction follow, and where to improve names the pairs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import { computeHistoryMetrics } from '../../analyzer/metrics/history';
import { DEFAULT_METRICS_OPTIONS, type MetricsInput } from '../../analyzer/metrics/input';
import { computeStructure } from '../../analyzer/metrics/structure';
import type { Ownership } from '../../analyzer/ownership';
import { scorecardSection } from '../../analyzer/pipeline/scorecard-section';
import type { CrossingCells } from '../../analyzer/org/scorecard';
import type { Repo } from '../fixtures/repo';
import { scorecardStory } from '../fixtures/scorecard-story';

let repo: Repo;
let model: { input: MetricsInput; ownership: Ownership };
beforeAll(async () => {
  repo = scorecardStory();
  await analyzeRepo(repo.dir, { cache: false, since: 'all', onModel: (m) => (model = m) });
});
afterAll(() => repo.cleanup());

function run(extra: Parameters<typeof scorecardSection>[6]) {
  const options = { ...DEFAULT_METRICS_OPTIONS, minSample: 0 };
  const { input, ownership } = model;
  const hist = computeHistoryMetrics(input, options);
  const struct = computeStructure(input, options, {
    members: hist.members,
    fileCoupling: hist.coupling.files,
    teamCoupling: hist.coupling.teams,
    codeowners: null,
    codeownersErrors: [],
    hasRule: () => true,
    publicHint: () => '',
    changesOf: hist.changesOf,
  });
  return scorecardSection(input, options, hist, struct, [], ownership, extra).scorecard!;
}

const row = (id: string, period: string | null, crossShare: number, ratio: number): CrossingCells => ({
  scope: { kind: 'team', id },
  period,
  crossShare,
  ratio,
});

describe('scorecard inputs from the other team-work analyses', () => {
  it('crossing share and ratio per period, with direction (lower is better)', () => {
    const card = run({
      crossing: [row('a', '2024-Q2', 0.5, 2.5), row('a', '2024-Q3', 0.25, 1.5), row('a', null, 0.4, 2)],
    });
    const a = card.teams.find((t) => t.id === 'a')!;
    expect(a.periods.map((p) => p.crossShare.value)).toEqual([null, 0.5, 0.25]);
    expect(a.periods[2].crossRatio).toEqual({ value: 1.5, previous: 2.5, direction: 'down', better: 'down' });
    expect(card.notes.join(' ')).not.toMatch(/crossing share and ratio are not computed/);
  });

  it('congruence per period; where to improve names the needed pairs that do not coordinate', () => {
    const card = run({
      coordinationOf: (p) =>
        p === '2024-Q3'
          ? {
              pairs: [
                { a: 'a', b: 'c', needed: true, happened: false },
                { a: 'a', b: 'b', needed: true, happened: true },
              ],
              teams: [{ team: 'a', congruence: 0.5 }],
              clusters: [],
            }
          : { pairs: [], teams: [{ team: 'a', congruence: 1 }], clusters: [] },
    });
    const a = card.teams.find((t) => t.id === 'a')!;
    expect(a.periods.map((p) => p.congruence.value)).toEqual([1, 1, 0.5]);
    // Q3: congruence 0.5 is weaker than integrity 0.75 and delivery 1.
    expect(a.improve).toMatchObject({
      component: 'congruence',
      value: 0.5,
      contributors: [{ kind: 'team-pair', name: 'a ↔ c' }],
    });
  });

  it('interaction statuses of the scope’s pairs, counted', () => {
    const card = run({
      interactions: [
        { a: 'a', b: 'c', status: 'differs' },
        { a: 'a', b: 'b', status: 'matches' },
        { a: 'b', b: 'c', status: 'expired' },
      ],
    });
    expect(card.teams.find((t) => t.id === 'a')!.interactions).toEqual({ differs: 1, matches: 1 });
    expect(card.clusters.find((c) => c.id === 'y')!.interactions).toEqual({ differs: 1, expired: 1 });
  });
});
