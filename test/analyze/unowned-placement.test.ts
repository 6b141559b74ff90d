// Unowned files grouped into the fewest CODEOWNERS lines given rule order: a directory line goes
// before the narrower rules that own parts of it (last match wins), and applied where the finding
// says, it owns exactly the files no rule matched — every other file keeps its owners. Appended at
// the end instead, the same line would take the narrower rules' files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeRepo } from '../../analyzer/analyze';
import { parseCodeowners } from '../../analyzer/codeowners/parse';
import { createMatcher } from '../../analyzer/codeowners/matcher';
import { insertAt } from '../../analyzer/model/suggest-line';
import { placementText } from '../../analyzer/report/findings-view';
import { renderMarkdown } from '../../analyzer/report/markdown';
import type { Finding, Report } from '../../analyzer/contract/report';
import { ANN, BOB, makeRepo, type Repo } from '../fixtures/repo';

// Line 1 a directory elsewhere, line 3 the first rule inside packages/, line 4 a cross-cutting
// rule that owns a README inside an unowned package, line 5 another package.
const CODEOWNERS = '# owners\n/docs/ @o/docs\n/packages/a/ @o/a\n*.md @o/writers\n/packages/b/ @o/b\n';

let repo: Repo;
let r: Report;

beforeAll(async () => {
  repo = makeRepo([
    {
      author: ANN,
      date: '2024-05-01T10:00:00Z',
      files: {
        CODEOWNERS,
        'docs/d.ts': 'export const d = 1;\n',
        'packages/a/x.ts': 'export const x = 1;\n',
        'packages/b/y.ts': 'export const y = 1;\n',
        'packages/c/z.ts': 'export const z = 1;\n',
        'packages/c/README.md': '# c\n',
        'packages/c/native/core.cc': 'int main() { return 0; }\n',
        'packages/d/w.ts': 'export const w = 1;\n',
        'packages/tool.js': 'module.exports = 1;\n',
        'tools/run.ts': 'export const run = 1;\n',
      },
    },
    // ann works on a (her team by history) and on c and d; bob on b and tools/.
    ...[1, 2, 3, 4, 5, 6].map((n) => ({
      author: ANN,
      date: `2024-05-0${n + 1}T10:00:00Z`,
      files: {
        'packages/a/x.ts': `export const x = ${n};\n`,
        [n <= 3 ? 'packages/c/z.ts' : 'packages/d/w.ts']: `export const v = ${n};\n`,
      },
    })),
    ...[1, 2, 3].map((n) => ({
      author: BOB,
      date: `2024-05-1${n}T10:00:00Z`,
      files: { 'packages/b/y.ts': `export const y = ${n};\n`, 'tools/run.ts': `export const run = ${n};\n` },
    })),
  ]);
  r = await analyzeRepo(repo.dir, { cache: false, metrics: { minSample: 1 } });
});
afterAll(() => repo.cleanup());

const tracked = () => repo.git('ls-files').trim().split('\n');
function ownersWith(text: string, flavor: 'github' | 'gitlab' = 'github'): Map<string, string> {
  const m = createMatcher(parseCodeowners(text, 'CODEOWNERS', flavor));
  return new Map(tracked().map((f) => [f, m.match(f).owners.join(' ')]));
}
function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...before]
    .filter(([f, o]) => after.get(f) !== o)
    .map(([f]) => f)
    .sort();
}
const unowned = (rep: Report) => rep.findings!.filter((f) => f.kind === 'unowned');

describe('unowned directories given rule order', () => {
  it('one line for packages/, placed before its first narrower rule', () => {
    const pk = unowned(r).find((f) => f.target === 'packages')!;
    expect(pk).toMatchObject({
      count: 3,
      suggestion: '/packages/ @o/a',
      placement: { file: 'CODEOWNERS', afterLine: 2, beforeLine: 3 },
    });
    expect(
      unowned(r)
        .map((f) => f.target)
        .sort(),
    ).toEqual(['packages', 'tools']);
    expect(placementText(pk.placement)).toBe('insert before line 3 of CODEOWNERS (after line 2)');
  });

  it('applied at its place, each line owns exactly the unmatched files below it (any language), nothing else changes hands', () => {
    const before = ownersWith(CODEOWNERS);
    for (const f of unowned(r)) {
      const after = ownersWith(insertAt(CODEOWNERS, f.placement!, f.suggestion!));
      const below = tracked().filter((p) => p.startsWith(`${f.target}/`) && before.get(p) === '');
      expect(changed(before, after)).toEqual(below.sort());
      for (const p of below) expect(after.get(p)).toBe(f.suggestion!.split(' ').slice(1).join(' '));
    }
    expect(
      ownersWith(
        insertAt(CODEOWNERS, unowned(r).find((f) => f.target === 'packages')!.placement!, '/packages/ @o/a'),
      ).get('packages/c/native/core.cc'),
    ).toBe('@o/a');
  });

  it("appended at the end instead, the same line would take the narrower rules' files", () => {
    const pk = unowned(r).find((f) => f.target === 'packages')!;
    const before = ownersWith(CODEOWNERS);
    const end = changed(before, ownersWith(CODEOWNERS + pk.suggestion! + '\n'));
    expect(end).toEqual(expect.arrayContaining(['packages/b/y.ts', 'packages/c/README.md']));
  });

  it('the Markdown report says where to insert the line', () => {
    expect(renderMarkdown(r)).toContain(
      'CODEOWNERS: `/packages/ @o/a` — insert before line 3 of CODEOWNERS (after line 2)',
    );
  });

  it('directories whose unowned files two teams work on are split, not handed to one', async () => {
    for (const n of [1, 2, 3, 4, 5])
      repo.commit({
        author: BOB,
        date: `2024-05-2${n}T10:00:00Z`,
        files: {
          'packages/d/w.ts': `export const w = ${10 + n};\n`,
          'packages/b/y.ts': `export const y = ${10 + n};\n`,
        },
      });
    try {
      const split = await analyzeRepo(repo.dir, { cache: false, metrics: { minSample: 1 } });
      const got = unowned(split)
        .map((f) => [f.target, f.suggestion, f.placement?.beforeLine ?? null])
        .sort();
      expect(got).toEqual([
        ['packages/c', '/packages/c/ @o/a', 4],
        ['packages/d', '/packages/d/ @o/b', null],
        ['packages/tool.js', '/packages/tool.js @o/a', null],
        ['tools', '/tools/ @o/b', null],
      ]);
    } finally {
      repo.git('reset', '-q', '--hard', 'HEAD~5');
    }
  });

  it('GitLab unions sections, so a line covers no matched file there and goes at the end', async () => {
    const g = await analyzeRepo(repo.dir, { cache: false, flavor: 'gitlab', metrics: { minSample: 1 } });
    expect(
      unowned(g)
        .map((f: Finding) => [f.target, f.placement?.beforeLine ?? null])
        .sort(),
    ).toEqual([
      ['packages/c/z.ts', null],
      ['packages/d', null],
      ['packages/tool.js', null],
      ['tools', null],
    ]);
    const before = ownersWith(CODEOWNERS, 'gitlab');
    for (const f of unowned(g)) {
      const after = ownersWith(insertAt(CODEOWNERS, f.placement!, f.suggestion!), 'gitlab');
      expect(changed(before, after).every((p) => before.get(p) === '')).toBe(true);
    }
    expect(readFileSync(join(repo.dir, 'CODEOWNERS'), 'utf8')).toBe(CODEOWNERS);
  });
});
