// A team cycle says which dependencies to cut: the fewest, then the lightest, with examples.
import { describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import { cycleCut, type Arc } from '../../analyzer/metrics/violations/cycle-cut';
import { ANN } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const { repoOf, tempDir } = scratch();
const arc = (from: string, to: string, edges: number): Arc => ({ from, to, edges, examples: [] });

describe('cycleCut', () => {
  it('cuts the one arc shared by two cycles rather than two lighter ones', () => {
    // a→b→a and a→b→c→a share a→b (5 imports); cutting b→a (1) and c→a (1) takes two cuts.
    const cut = cycleCut([arc('a', 'b', 5), arc('b', 'a', 1), arc('b', 'c', 2), arc('c', 'a', 1)]);
    expect(cut.map((a) => `${a.from}→${a.to}`)).toEqual(['a→b']);
  });

  it('breaks every cycle greedily when there are too many arcs to search', () => {
    const arcs = Array.from({ length: 20 }, (_, i) => arc(`t${i}`, `t${(i + 1) % 20}`, i + 1));
    expect(cycleCut(arcs).map((a) => a.from)).toEqual(['t0']);
  });
});

describe('team-cycle findings on a real repository', () => {
  it('a 3-team cycle with one light edge: cut that edge, with its location', async () => {
    const imports = (to: string, n: number) => Array.from({ length: n }, (_, i) => `import { v as v${i} } from '../${to}';`).join('\n');
    const repo = repoOf([{ author: ANN, date: '2024-01-01T10:00:00Z', files: {
      CODEOWNERS: '/a/ @o/a\n/b/ @o/b\n/c/ @o/c\n',
      'a/index.ts': 'export const v = 1;\n', 'b/index.ts': 'export const v = 1;\n', 'c/index.ts': 'export const v = 1;\n',
      'a/uses-b.ts': `${imports('b', 1)}\n${imports('b', 1).replace('v0', 'w0')}\nexport {};\n`,
      'a/more-b.ts': `${imports('b', 1)}\nexport {};\n`,
      'b/uses-c.ts': `${imports('c', 1)}\nexport {};\n`, 'b/more-c.ts': `${imports('c', 1)}\nexport {};\n`, 'b/again-c.ts': `${imports('c', 1)}\nexport {};\n`,
      'c/light.ts': "import { v } from '../a';\nexport const l = v;\n",
    } }]);
    const r = await analyzeRepo(repo.dir, { cacheDir: tempDir() });
    const cycle = r.violations.find((v) => v.kind === 'team-cycle')!;
    expect(cycle.cut).toEqual([{ from: '@o/c', to: '@o/a', edges: 1, examples: [{ file: 'c/light.ts', line: 1 }] }]);
    expect(cycle.message).toContain('Cut @o/c → @o/a (1 import, e.g. c/light.ts:1): move that code');
    const f = r.findings!.find((x) => x.kind === 'team-cycle')!;
    expect(f.title).toBe('teams @o/a ↔ @o/b ↔ @o/c depend on each other in a cycle: cut @o/c → @o/a (1)');
    expect(f.suggestion).toMatch(/^Cut @o\/c → @o\/a/);
  });
});
