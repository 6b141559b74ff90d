// Inferred modules, scattered teams and cluster suggestions on hand-built inputs.
import { describe, expect, it } from 'vitest';
import { suggestClusters } from '../../analyzer/metrics/cluster-suggestions';
import { inferModules, scatteredTeams, seeded } from '../../analyzer/metrics/modules';
import type { ImportEdge } from '../../analyzer/model/types';
import { tinyModel } from '../fixtures/model';

const edge = (from: string, to: string): ImportEdge => ({ from, to, specifier: to, line: 1, kind: 'static' });

describe('inferModules', () => {
  // Two tight groups of files: a/1..3 (with a stray b/x that a's files import heavily) and c/1..3.
  const imports = [
    edge('src/a/1.ts', 'src/a/2.ts'), edge('src/a/2.ts', 'src/a/3.ts'), edge('src/a/3.ts', 'src/a/1.ts'),
    edge('src/a/1.ts', 'src/b/x.ts'), edge('src/a/2.ts', 'src/b/x.ts'), edge('src/a/3.ts', 'src/b/x.ts'),
    edge('src/c/1.ts', 'src/c/2.ts'), edge('src/c/2.ts', 'src/c/3.ts'), edge('src/c/3.ts', 'src/c/1.ts'),
  ];
  const files = [...new Set(imports.flatMap((e) => [e.from, e.to!]))].sort();
  const input = tinyModel({ imports, files, teamsOf: (p) => (p.startsWith('src/a/') ? ['a'] : p.startsWith('src/b/') ? ['b'] : []) });
  const run = () => inferModules(input, [], (t) => `@o/${t}`);

  it('finds the communities, named by directory, with their owner mix, and suggests moving the stray directory', () => {
    const { modules, codeowners } = run();
    expect(modules.map((m) => m.id)).toEqual(['src/a', 'src/c']);
    expect(modules.map((m) => [m.files, m.owners])).toEqual([
      [['src/a/1.ts', 'src/a/2.ts', 'src/a/3.ts', 'src/b/x.ts'], { a: 0.75, b: 0.25 }],
      [['src/c/1.ts', 'src/c/2.ts', 'src/c/3.ts'], { '(unowned)': 1 }],
    ]);
    expect(modules[0].suggestion).toBe('module src/a (4 files; a 75%, b 25%): src/b/x.ts belong to b: hand them to a (/src/b/ @o/a) or move them out of its code');
    // src/b holds no other tracked file: one directory rule instead of a file list.
    expect(codeowners).toEqual(['/src/b/ @o/a']);
  });

  it('proposes files one by one when their directory holds other tracked files, and never a deleted file', () => {
    const more = tinyModel({ imports: [...imports, edge('src/a/1.ts', 'src/gone.ts')], files: [...files, 'src/b/keep.md'], teamsOf: input.teamsOf });
    const { modules, codeowners } = inferModules(more, [], (t) => `@o/${t}`);
    expect(modules.flatMap((m) => m.files)).not.toContain('src/gone.ts');
    expect(codeowners).toEqual(['/src/b/x.ts @o/a']);
  });

  it('is deterministic', () => {
    expect(run()).toEqual(run());
    expect([seeded(1)(), seeded(1)()]).toEqual([seeded(1)(), seeded(1)()]);
  });

  it('reports a team scattered over many modules it leads none of', () => {
    const mods = [0, 1, 2, 3].map((i) => ({ id: `m${i}`, files: [], owners: { t: 0.3, [`x${i}`]: 0.7 }, suggestion: null }));
    expect(scatteredTeams(mods)).toEqual(["team t's files are scattered over 4 inferred modules and it leads none: regroup its code into fewer directories or split the team's ownership"]);
  });
});

describe('suggestClusters', () => {
  it('suggests 3–5 teams coupled far more to each other than to the rest, not declared clusters', () => {
    const s = (from: string, to: string, edges: number) => ({ from, to, edges, examples: [] });
    const pairs = [s('a', 'b', 10), s('b', 'c', 10), s('c', 'a', 10), s('d', 'e', 10), s('e', 'f', 10), s('f', 'd', 10), s('a', 'd', 1)];
    expect(suggestClusters(pairs, [], [])).toEqual([
      { teams: ['a', 'b', 'c'], reason: 'coupling inside the group 30 (imports + shared commits) vs 1 to other teams' },
      { teams: ['d', 'e', 'f'], reason: 'coupling inside the group 30 (imports + shared commits) vs 1 to other teams' },
    ]);
    expect(suggestClusters(pairs, [], [{ id: 'x', teams: ['c', 'b', 'a'] }]).map((c) => c.teams)).toEqual([['d', 'e', 'f']]);
  });
});
