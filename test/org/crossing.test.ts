// Pure checks of the grouping order and the crossing rows on hand-made change sets.
import { describe, expect, it } from 'vitest';
import type { MetricsInput } from '../../analyzer/metrics/input';
import type { Commit } from '../../analyzer/model/types';
import { crossing, effortHours } from '../../analyzer/org/crossing';
import { groupChangeSets } from '../../analyzer/pipeline/change-sets';

const H = 3600;
const commit = (sha: string, author: string, date: number, files: string[], extra: Partial<Commit> = {}): Commit => ({
  sha,
  author,
  authorName: author,
  authorEmail: `${author}@acme.io`,
  date,
  coAuthors: [],
  files: files.map((path) => ({ path, added: 1, deleted: 0 })),
  ...extra,
});

describe('grouping: a merge that brings in already-merged pull requests', () => {
  it('a squashed `(#N)` commit stays its own pull request; the merge keeps only the rest', () => {
    // `Merge main into release` brought in two squashed PRs and one plain commit.
    const commits = [
      commit('c3', 'ann', 3 * H, ['web/a.ts'], { mergedBy: 'M' }),
      commit('c2', 'bob', 2 * H, ['api/b.ts'], { mergedBy: 'M', pr: 12 }),
      commit('c1', 'ann', 1 * H, ['web/c.ts'], { mergedBy: 'M', pr: 11 }),
    ];
    const g = groupChangeSets(commits, [{ sha: 'M', date: 5 * H }], null, () => null);
    expect(g.changeSets.map((s) => [s.id, s.kind, s.commits.map((c) => c.sha)])).toEqual([
      ['M', 'merge', ['c3']],
      ['#12', 'pr', ['c2']],
      ['#11', 'pr', ['c1']],
    ]);
  });
});

describe('crossing: honest samples', () => {
  const input = (commits: Commit[]): MetricsInput =>
    ({
      commits,
      teams: [{ id: 'web' }, { id: 'api' }],
      clusters: [],
      reviewGroups: new Set(),
      deliveryTeamsOf: (p: string) => [p.split('/')[0]],
    }) as unknown as MetricsInput;
  // Two merged branches: one cross-team (3 h), one web only (1 h).
  const commits = [
    commit('x2', 'bob', 1 * H, ['api/x.ts'], { mergedBy: 'MX' }),
    commit('x1', 'ann', 0, ['web/x.ts'], { mergedBy: 'MX' }),
    commit('y1', 'ann', 10 * H, ['web/y.ts'], { mergedBy: 'MY' }),
  ];
  const sets = groupChangeSets(
    commits,
    [
      { sha: 'MX', date: 3 * H },
      { sha: 'MY', date: 11 * H },
    ],
    null,
    () => null,
  ).changeSets;
  it('medians from fewer timed changes than minSample are null, the counts stay', () => {
    const rows = crossing({ ...input(commits), changeSets: sets }, { period: null, minSample: 2 });
    const all = rows.find((r) => r.scope.kind === 'all')!;
    expect([all.single.n, all.cross.n, all.single.medianHours, all.cross.medianHours, all.ratio]).toEqual([
      1,
      1,
      null,
      null,
      null,
    ]);
    const loose = crossing({ ...input(commits), changeSets: sets }, { period: null, minSample: 1 }).find(
      (r) => r.scope.kind === 'all',
    )!;
    expect([loose.single.medianHours, loose.cross.medianHours, loose.ratio]).toEqual([1, 3, 3]);
  });
  it("git-hours: a commit within 2 h of the same person's previous one adds the gap, else 2 h", () => {
    const h = effortHours([
      commit('a', 'ann', 0, []),
      commit('b', 'ann', 1.5 * H, []),
      commit('c', 'ann', 4 * H, []),
      commit('d', 'bob', 1 * H, []),
    ]);
    expect([...h].sort()).toEqual([
      ['a', 2],
      ['b', 1.5],
      ['c', 2],
      ['d', 2],
    ]);
  });
  it('a change inside jointly owned files stays inside, like team coupling; files that share no team cross', () => {
    const joint = (path: string) => (path.startsWith('shared/') ? ['web', 'api'] : [path.split('/')[0]]);
    const cs = [
      commit('j1', 'ann', 0, ['shared/x.ts']),
      commit('j2', 'ann', 1 * H, ['shared/x.ts', 'web/y.ts']),
      commit('j3', 'ann', 2 * H, ['api/z.ts', 'web/y.ts']),
    ];
    const all = crossing({ ...input(cs), deliveryTeamsOf: joint }, { period: null }).find(
      (r) => r.scope.kind === 'all',
    )!;
    expect([all.single.n, all.cross.n]).toEqual([2, 1]);
  });
});
