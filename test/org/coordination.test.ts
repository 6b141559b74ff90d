// Coordination needed (co-change, Cataldo's C_R aggregated to teams) against coordination seen,
// on the story repository (test/fixtures/team-story.ts) with each weight counted by hand, and on
// change sets built by hand for the evidence only grouping brings (reviews, several authors).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import type { Report } from '../../analyzer/contract/report';
import { commitChangeSet } from '../../analyzer/metrics/change-sets';
import type { Commit } from '../../analyzer/model/types';
import { coordination } from '../../analyzer/org/coordination';
import { teamwork } from '../../analyzer/pipeline/teamwork';
import { resolveMembership } from '../../analyzer/metrics/membership';
import { DEFAULT_METRICS_OPTIONS, type MetricsInput } from '../../analyzer/metrics/input';
import type { Repo } from '../fixtures/repo';
import { buildTeamStory } from '../fixtures/team-story';

let repo: Repo;
let r: Report;
let april: ReturnType<typeof coordination>;

beforeAll(async () => {
  repo = buildTeamStory();
  let model: { input: MetricsInput } | undefined;
  r = await analyzeRepo(repo.dir, { cache: false, onModel: (m) => (model = m) });
  // The scorecard's path: coordination per month from the team-work passes.
  const work = teamwork(
    model!.input,
    DEFAULT_METRICS_OPTIONS,
    resolveMembership(model!.input),
    null,
    new Date(),
    undefined,
    'month',
  );
  april = work.coordinationOf('2024-04');
});
afterAll(() => repo.cleanup());

describe('coordination on the story repository', () => {
  it('needed: the pairs whose members changed files that change together in at least 5 change sets', () => {
    // Members per file (T_A): cart cole·sam·eve, pay cole·cara·sam·eve, query and rank sam·cole·eve,
    // platform/index pia·eve·sam, platform/internal pia·eve. Per change set w_X = Σ members of X per file;
    // checkout–search: 6+4+4+6 (the four two-file commits) + 1+1+2+1+2+1+1 (the one-file ones) = 29 over 11 change sets.
    const pairs = Object.fromEntries(
      r.coordination!.pairs.map((p) => [
        `${p.a}|${p.b}`,
        [p.needed, p.happened, p.dependency, p.linkingChangeSets, p.evidence.coAuthored],
      ]),
    );
    expect(pairs).toEqual({
      'checkout|enablement': [true, false, 29, 11, 0],
      'checkout|search': [true, true, 29, 11, 1],
      'enablement|search': [true, false, 27, 14, 0],
      // pia's commit co-authored with sam; 4 change sets link them (c1, eve's index edit, the co-authored one): not needed.
      'platform|search': [false, true, 4, 3, 1],
    });
  });

  it('strength: the cosine of the two teams’ rows, from their own weights', () => {
    // Σ w² over change sets: checkout 9+4+4+9 (the two-file commits) + 1+1+4+1+4+1+1 = 39;
    // search 4·4 (the two-file commits) + 10 change sets of weight 1 = 26. checkout–search: 29 / √(39 · 26) = 0.911.
    expect(r.coordination!.pairs.find((p) => p.a === 'checkout' && p.b === 'search')!.strength).toBe(0.911);
  });

  it('per period: April alone has the co-authored platform commit and nothing needed', () => {
    // April's change sets: cole on rank, sam on cart, cara on pay (each alone with their team's weight)
    // and pia's index.ts co-authored by sam: platform 1 × search 1 over one change set.
    expect(april.period).toBe('2024-04');
    expect(april.pairs).toEqual([
      {
        a: 'platform',
        b: 'search',
        needed: false,
        happened: true,
        dependency: 1,
        strength: 0.707,
        linkingChangeSets: 1,
        evidence: { coAuthored: 1, reviewed: 0, sharedChangeSets: 0 },
      },
    ]);
  });

  it('congruence per team and cluster, and the two lists a lead reads', () => {
    const c = r.coordination!;
    expect(c.teams).toEqual([
      { team: 'checkout', congruence: 0.5 },
      { team: 'enablement', congruence: 0 },
      { team: 'platform', congruence: null },
      { team: 'search', congruence: 0.5 },
    ]);
    expect(c.clusters).toEqual([
      { cluster: 'shop', congruence: 0.333 },
      { cluster: 'base', congruence: 0 },
    ]);
    expect(c.neededNotHappening).toEqual([
      { a: 'checkout', b: 'enablement' },
      { a: 'enablement', b: 'search' },
    ]);
    expect(c.happeningWithoutDependency).toEqual([{ a: 'platform', b: 'search' }]);
  });
});

const commit = (sha: string, author: string, date: number, files: string[], coAuthors: string[] = []): Commit => ({
  sha,
  author,
  authorName: author,
  authorEmail: `${author}@x`,
  date,
  coAuthors,
  files: files.map((path) => ({ path, added: 1, deleted: 0 })),
});

describe('coordination from change sets', () => {
  const teamOfFile = (p: string) => [p.split('/')[0]];
  const teamOfPerson: Record<string, string[]> = { ann: ['a'], bob: ['b'], cy: ['c'] };
  const base = {
    teamsOfPerson: (p: string) => teamOfPerson[p] ?? [],
    delivery: new Set(['a', 'b', 'c']),
    clusters: [],
    maxChangesetSize: 30,
  };
  const q4 = Date.parse('2026-11-02T00:00:00Z') / 1000;
  const q3 = Date.parse('2026-08-02T00:00:00Z') / 1000;

  it('a pull request by ann reviewed by bob, and one with commits by ann and cy, are coordination', () => {
    const reviewed = {
      ...commitChangeSet(commit('1', 'ann', q4, ['a/x.ts'])),
      id: '#1',
      kind: 'pr' as const,
      reviewers: ['bob'],
    };
    const two = commitChangeSet(commit('2', 'ann', q4, ['a/x.ts']));
    const shared = {
      ...two,
      id: '#2',
      kind: 'pr' as const,
      commits: [commit('3', 'cy', q4, ['c/y.ts']), commit('2', 'ann', q4, ['a/x.ts'])],
      files: ['c/y.ts', 'a/x.ts'],
      authors: ['cy', 'ann'],
    };
    const c = coordination(
      { ...base, input: { commits: [], changeSets: [reviewed, shared], deliveryTeamsOf: teamOfFile } },
      { period: null },
    );
    expect(c.pairs.map((p) => [p.a, p.b, p.evidence])).toEqual([
      ['a', 'b', { coAuthored: 0, reviewed: 1, sharedChangeSets: 0 }],
      ['a', 'c', { coAuthored: 0, reviewed: 0, sharedChangeSets: 1 }],
    ]);
    // a–c: one change set links ann's x.ts and cy's y.ts (w_a = 1, w_c = 1): dependency 1, below the 5 needed.
    expect(c.pairs[1]).toMatchObject({ dependency: 1, linkingChangeSets: 1, needed: false, happened: true });
  });

  it('counts only the change sets merged in the period asked for', () => {
    const sets = [
      ...[1, 2, 3, 4, 5].map((n) => commitChangeSet(commit(`q4-${n}`, 'ann', q4 + n, ['a/x.ts', 'b/y.ts']))),
      commitChangeSet(commit('bob', 'bob', q3, ['b/y.ts'])),
    ];
    const input = { commits: [], changeSets: sets, deliveryTeamsOf: teamOfFile };
    // Q4 alone: bob changed nothing, so only ann's files weigh, and only for team a: no pair.
    expect(coordination({ ...base, input }, { period: '2026-Q4' }).pairs).toEqual([]);
    // Q3 alone: bob's one change set touches only his team.
    expect(coordination({ ...base, input }, { period: '2026-Q3' }).pairs).toEqual([]);
    // The whole window: ann changed both files and bob b/y.ts, so each of ann's 5 change sets weighs
    // w_a = 2 (ann on x and y) × w_b = 1 (bob on y), and bob's own {y} w_a = 1 × w_b = 1: 5·2 + 1 = 11 over 6.
    // strength: 11 / √(Σw_a² · Σw_b²) = 11 / √((5·4 + 1) · (5·1 + 1)) = 11 / √126 = 0.98.
    const all = coordination({ ...base, input }, { period: null });
    expect(all.pairs).toEqual([
      {
        a: 'a',
        b: 'b',
        strength: 0.98,
        needed: true,
        happened: false,
        dependency: 11,
        linkingChangeSets: 6,
        evidence: { coAuthored: 0, reviewed: 0, sharedChangeSets: 0 },
      },
    ]);
    expect(coordination({ ...base, input }, { period: '2026-11', periodKind: 'month' }).period).toBe('2026-11');
  });
});
