// Inferred modules, scattered teams and cluster suggestions on hand-built inputs.
import { describe, expect, it } from 'vitest';
import { suggestClusters } from '../../analyzer/metrics/cluster-suggestions';
import { MAX_SUGGESTED_LINES, moduleName } from '../../analyzer/metrics/module-suggestion';
import { inferModules, scatteredTeams, seeded, type ModuleHistory } from '../../analyzer/metrics/modules';
import type { ImportEdge } from '../../analyzer/model/types';
import { tinyModel } from '../fixtures/model';

const edge = (from: string, to: string): ImportEdge => ({ from, to, specifier: to, line: 1, kind: 'static' });

describe('inferModules', () => {
  // Two tight groups of files: a/1..3 (with a stray b/x that a's files import heavily) and c/1..3.
  const imports = [
    edge('src/a/1.ts', 'src/a/2.ts'),
    edge('src/a/2.ts', 'src/a/3.ts'),
    edge('src/a/3.ts', 'src/a/1.ts'),
    edge('src/a/1.ts', 'src/b/x.ts'),
    edge('src/a/2.ts', 'src/b/x.ts'),
    edge('src/a/3.ts', 'src/b/x.ts'),
    edge('src/c/1.ts', 'src/c/2.ts'),
    edge('src/c/2.ts', 'src/c/3.ts'),
    edge('src/c/3.ts', 'src/c/1.ts'),
  ];
  const files = [...new Set(imports.flatMap((e) => [e.from, e.to!]))].sort();
  // Team a owns src/a and src/c, b the carve-out src/b beside them (a stray moves only into its receiving team's surroundings).
  const teamsOf = (p: string) => (p.startsWith('src/b/') ? ['b'] : ['a']);
  const input = tinyModel({ imports, files, teamsOf, deliveryTeamsOf: teamsOf });
  // History: ann (team a) changed every file once in the window.
  const annChanged: ModuleHistory = {
    changesByAuthor: () => [['ann', 1]],
    teamsOfPerson: (p) => (p === 'ann' ? ['a'] : p === 'bob' ? ['b'] : []),
  };
  const run = () => inferModules(input, [], (t) => `@o/${t}`, annChanged);

  it('finds the communities, named by directory, with their owner mix, and suggests moving the stray directory', () => {
    const { modules, codeowners } = run();
    expect(modules.map((m) => m.id)).toEqual(['src/a', 'src/c']);
    expect(modules.map((m) => [m.files, m.owners])).toEqual([
      [['src/a/1.ts', 'src/a/2.ts', 'src/a/3.ts', 'src/b/x.ts'], { a: 0.75, b: 0.25 }],
      [['src/c/1.ts', 'src/c/2.ts', 'src/c/3.ts'], { a: 1 }],
    ]);
    expect(modules[0].suggestion).toBe(
      "module src/a: 4 files, a 75%, b 25%; src/b/x.ts (b) sits among a's code (1 change in the window): hand it to a (/src/b/ @o/a) or move it out of its code",
    );
    expect(modules[0]).toMatchObject({ lines: ['/src/b/ @o/a'], moved: { files: 1, changes: 1 }, rank: 1 });
    // src/b holds no other tracked file: one directory rule instead of a file list.
    expect(codeowners).toEqual(['/src/b/ @o/a']);
  });

  it('proposes files one by one when their directory holds other tracked files, and never a deleted file', () => {
    const more = tinyModel({
      imports: [...imports, edge('src/a/1.ts', 'src/gone.ts')],
      files: [...files, 'src/b/keep.md'],
      teamsOf,
      deliveryTeamsOf: teamsOf,
    });
    const { modules, codeowners } = inferModules(more, [], (t) => `@o/${t}`, annChanged);
    expect(modules.flatMap((m) => m.files)).not.toContain('src/gone.ts');
    expect(codeowners).toEqual(['/src/b/x.ts @o/a']);
  });

  it('summarises a suggestion needing more than MAX_SUGGESTED_LINES lines; the lines stay in the JSON', () => {
    // a's 24 files all import each other and seven files of b, each in a directory holding another tracked file (a README).
    const strays = Array.from({ length: 7 }, (_, i) => `src/b${i}/x.ts`);
    const own = Array.from({ length: 24 }, (_, i) => `src/a/${i}.ts`);
    const many = own.flatMap((f) => [...own.filter((g) => g !== f), ...strays].map((t) => edge(f, t)));
    const files2 = [...own, ...strays, ...strays.map((f) => f.replace('x.ts', 'README.md'))].sort();
    const ab = (p: string) => (p.startsWith('src/a/') ? ['a'] : ['b']);
    const m = inferModules(
      tinyModel({
        imports: many,
        files: files2,
        teamsOf: ab,
        deliveryTeamsOf: ab,
        moduleOf: (p) => p.split('/').slice(0, 2).join('/'),
      }),
      [],
      (t) => `@o/${t}`,
      annChanged,
    );
    const mod = m.modules.find((x) => x.suggestion)!;
    expect(MAX_SUGGESTED_LINES).toBe(5);
    expect(mod.lines).toEqual(strays.map((f) => `/${f} @o/a`));
    expect(mod.suggestion).toContain(
      '(7 files in 7 directories, e.g. src/b0/x.ts, src/b1/x.ts: the 7 CODEOWNERS lines are in the JSON report (modules[].lines))',
    );
    expect(m.codeowners).toEqual([]);
  });

  it("never moves a sibling unit: the files beside it must be mostly the receiving team's", () => {
    const sibling = (p: string) => (p.startsWith('src/b/') ? ['b'] : p.startsWith('src/a/') ? ['a'] : ['c']);
    const m = inferModules(
      tinyModel({ imports, files, teamsOf: sibling, deliveryTeamsOf: sibling }),
      [],
      (t) => `@o/${t}`,
      annChanged,
    );
    // src/b/x.ts still sits in a's module, but beside it are as many files of c as of a.
    expect(m.modules[0].files).toContain('src/b/x.ts');
    expect(m.modules.filter((x) => x.suggestion)).toEqual([]);
  });

  it('needs history to agree: not when the current owners made more of the changes, nor when nobody changed the files', () => {
    const bobChanged: ModuleHistory = {
      ...annChanged,
      changesByAuthor: (f) =>
        f === 'src/b/x.ts'
          ? [
              ['bob', 2],
              ['ann', 1],
            ]
          : [],
    };
    expect(inferModules(input, [], (t) => `@o/${t}`, bobChanged).modules.filter((m) => m.suggestion)).toEqual([]);
    expect(inferModules(input, [], (t) => `@o/${t}`).modules.filter((m) => m.suggestion)).toEqual([]);
  });

  it('is deterministic', () => {
    expect(run()).toEqual(run());
    expect([seeded(1)(), seeded(1)()]).toEqual([seeded(1)(), seeded(1)()]);
  });

  it('reports a team scattered over many modules it leads none of', () => {
    const mods = [0, 1, 2, 3].map((i) => ({
      id: `m${i}`,
      files: [],
      owners: { t: 0.3, [`x${i}`]: 0.7 },
      suggestion: null,
    }));
    expect(scatteredTeams(mods)).toEqual([
      "team t's files are scattered over 4 inferred modules and it leads none: regroup its code into fewer directories or split the team's ownership",
    ]);
  });
});

describe('moduleName', () => {
  it('names a module by the deepest directory holding half its files', () => {
    expect(moduleName(['packages/ui/src/elements/a.ts', 'packages/ui/src/elements/b.ts', 'packages/ui/src/c.ts'])).toBe(
      'packages/ui/src/elements',
    );
  });

  it('never by the root or a bare top directory: by its most frequent deeper directory, with its share', () => {
    const core = ['a', 'b', 'c'].map((f) => `packages/core/src/${f}.ts`);
    expect(
      moduleName([
        ...core,
        'packages/x/src/a.ts',
        'packages/x/src/b.ts',
        'packages/y/a.ts',
        'packages/y/b.ts',
        'packages/z.ts',
      ]),
    ).toBe('packages/core/src (38% of 8 files)');
    expect(
      moduleName([...core, 'packages/x/src/a.ts', 'packages/x/src/b.ts', 'tools/a.ts', 'tools/b.ts', 'tools/c.ts']),
    ).toBe('packages/core/src (38% of 8 files)');
    expect(moduleName(['a.ts', 'b.ts'])).toBe('.');
  });
});

describe('suggestClusters', () => {
  it('suggests 3–5 teams coupled far more to each other than to the rest, not declared clusters', () => {
    const s = (from: string, to: string, edges: number) => ({ from, to, edges, examples: [] });
    const pairs = [
      s('a', 'b', 10),
      s('b', 'c', 10),
      s('c', 'a', 10),
      s('d', 'e', 10),
      s('e', 'f', 10),
      s('f', 'd', 10),
      s('a', 'd', 1),
    ];
    expect(suggestClusters(pairs, [], [])).toEqual([
      { teams: ['a', 'b', 'c'], reason: 'coupling inside the group 30 (imports + shared commits) vs 1 to other teams' },
      { teams: ['d', 'e', 'f'], reason: 'coupling inside the group 30 (imports + shared commits) vs 1 to other teams' },
    ]);
    expect(suggestClusters(pairs, [], [{ id: 'x', teams: ['c', 'b', 'a'] }]).map((c) => c.teams)).toEqual([
      ['d', 'e', 'f'],
    ]);
  });
});
