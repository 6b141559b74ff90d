// Built repositories: unowned files grouped by the highest directory one CODEOWNERS line can own
// (one team's files); findings ranked by the window's changes; every
// CODEOWNERS suggestion of the report, added where it says, passes `conway validate`
// and owns what it names (unusual names: Next.js `[[...slug]]`, spaces, `#`).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import { isRuleFix } from '../../analyzer/report/findings-view';
import { insertAt } from '../../analyzer/model/suggest-line';
import type { Finding, Report } from '../../analyzer/contract/report';
import { cli } from '../fixtures/cli';
import { ANN, BOB, makeRepo, type Repo } from '../fixtures/repo';

let repo: Repo;
let r: Report;

beforeAll(async () => {
  repo = makeRepo([
    {
      author: ANN,
      date: '2024-05-01T10:00:00Z',
      files: {
        CODEOWNERS: '/src/owned/ @o/a\n/lib/ @o/b\n',
        'src/owned/x.ts': "import { y } from '../loose/a';\nexport const x = y;\n",
        'src/loose/a.ts': 'export const y = 1;\n',
        'src/loose/deep/b.ts': 'export const b = 1;\n',
        'src/[[...slug]]/page.tsx': 'export default 1;\n',
        'src/my file #1.ts': 'export const odd = 1;\n',
        'scripts/run.ts': 'export const run = 1;\n',
        'lib/l.ts': 'export const l = 1;\n',
      },
    },
    // ann (team a, by history) keeps changing src/loose: the directory ranks first.
    ...[1, 2, 3].map((n) => ({
      author: ANN,
      date: `2024-05-0${n + 1}T10:00:00Z`,
      files: {
        'src/loose/a.ts': `export const y = ${n};\n`,
        'src/owned/x.ts': `import { y } from '../loose/a';\nexport const x = y + ${n};\n`,
      },
    })),
    // bob (team b) works on the odd names: src/ holds two teams' unowned files, so it is not one line.
    ...[1, 2, 3].map((n) => ({
      author: BOB,
      date: `2024-05-0${n + 5}T10:00:00Z`,
      files: {
        'lib/l.ts': `export const l = ${n};\n`,
        'src/[[...slug]]/page.tsx': `export default ${n};\n`,
        'src/my file #1.ts': `export const odd = ${n};\n`,
      },
    })),
    ...[4].map((n) => ({
      author: BOB,
      date: `2024-05-0${n + 5}T10:00:00Z`,
      files: { 'lib/l.ts': `export const l = ${n};\n` },
    })),
  ]);
  // minSample 1: ann's 4 changes to a's files (of her 14) make her a's member in this tiny history.
  r = await analyzeRepo(repo.dir, { cache: false, metrics: { minSample: 1 } });
});
afterAll(() => repo.cleanup());

/** Each placed line inserted where its finding says, the lowest first so no insertion moves another's line number. */
function applyAll(text: string, placed: Finding[]): string {
  const at = (f: Finding) => f.placement!.beforeLine ?? (f.placement!.afterLine ?? Infinity) + 0.5;
  return [...placed].sort((a, b) => at(b) - at(a)).reduce((t, f) => insertAt(t, f.placement!, f.suggestion!), text);
}

describe('unowned findings', () => {
  it('one finding per highest all-unowned directory; a file beside owned files stands alone', () => {
    const unowned = r.findings!.filter((f) => f.kind === 'unowned');
    expect(unowned.map((f) => [f.target, f.count]).sort()).toEqual([
      ['scripts', 1],
      ['src/[[...slug]]', 1],
      ['src/loose', 2],
      ['src/my file #1.ts', 1],
    ]);
    expect(unowned.find((f) => f.target === 'src/loose')).toMatchObject({
      title: '2 unowned source files in src/loose/',
      suggestion: '/src/loose/ @o/a',
      changes: 4,
    });
    expect(unowned.find((f) => f.target === 'src/my file #1.ts')!.suggestion).toBe('/src/my\\ file\\ \\#1.ts @o/b');
    expect(unowned.find((f) => f.target === 'src/[[...slug]]')!.suggestion).toBe('/src/??...slug??/ @o/b');
  });

  it('ranks by changes in the window, then count; every violation points to its finding', () => {
    const ranks = r.findings!.map((f) => [f.rank, f.changes, f.count]);
    expect(ranks.map(([rank]) => rank)).toEqual(ranks.map((_, i) => i + 1));
    for (let i = 1; i < ranks.length; i++)
      expect(ranks[i - 1][1] > ranks[i][1] || (ranks[i - 1][1] === ranks[i][1] && ranks[i - 1][2] >= ranks[i][2])).toBe(
        true,
      );
    const ids = new Set(r.findings!.map((f) => f.id));
    for (const v of r.violations) expect(ids.has(v.group!)).toBe(true);
    expect(r.findings!.reduce((n, f) => n + f.count, 0)).toBe(r.violations.length);
  });
});

describe('suggestions apply as they are', () => {
  it('every CODEOWNERS line of the report, added where it says, validates and owns what it names', async () => {
    const lines = [
      ...r.suggestions.codeowners,
      ...r
        .findings!.filter((f) => isRuleFix(f) && f.suggestion && !f.placement)
        .flatMap((f) => f.suggestion!.split('\n')),
    ];
    const placed = r.findings!.filter((f) => f.placement && f.suggestion);
    expect(lines.length + placed.length).toBeGreaterThanOrEqual(4);
    writeFileSync(
      join(repo.dir, 'CODEOWNERS'),
      applyAll(readFileSync(join(repo.dir, 'CODEOWNERS'), 'utf8'), placed) + lines.join('\n') + '\n',
    );
    const v = await cli(['validate', '--repo', repo.dir, '--json']);
    expect(JSON.parse(v.stdout).errors).toEqual([]);
    const who = await cli([
      'who',
      '--repo',
      repo.dir,
      '--json',
      'src/[[...slug]]/page.tsx',
      'src/my file #1.ts',
      'src/loose/deep/b.ts',
      'scripts/run.ts',
    ]);
    expect(JSON.parse(who.stdout).files.map((f: { owners: string[] }) => f.owners)).toEqual([
      ['@o/b'],
      ['@o/b'],
      ['@o/a'],
      ['@o/a'],
    ]);
    repo.git('checkout', '--', 'CODEOWNERS');
    expect(readFileSync(join(repo.dir, 'CODEOWNERS'), 'utf8')).toBe('/src/owned/ @o/a\n/lib/ @o/b\n');
  });

  it('the same holds in the GitLab flavour', async () => {
    const g = await analyzeRepo(repo.dir, { cache: false, flavor: 'gitlab', metrics: { minSample: 1 } });
    const lines = [
      ...g.suggestions.codeowners,
      ...g
        .findings!.filter((f) => isRuleFix(f) && f.suggestion && !f.placement)
        .flatMap((f) => f.suggestion!.split('\n')),
    ];
    writeFileSync(
      join(repo.dir, 'CODEOWNERS'),
      applyAll(
        readFileSync(join(repo.dir, 'CODEOWNERS'), 'utf8'),
        g.findings!.filter((f) => f.placement && f.suggestion),
      ) +
        lines.join('\n') +
        '\n',
    );
    try {
      expect(
        JSON.parse((await cli(['validate', '--repo', repo.dir, '--flavor', 'gitlab', '--json'])).stdout).errors,
      ).toEqual([]);
      const who = await cli([
        'who',
        '--repo',
        repo.dir,
        '--flavor',
        'gitlab',
        '--json',
        'src/[[...slug]]/page.tsx',
        'src/my file #1.ts',
      ]);
      expect(JSON.parse(who.stdout).files.map((f: { owners: string[] }) => f.owners)).toEqual([['@o/b'], ['@o/b']]);
    } finally {
      repo.git('checkout', '--', 'CODEOWNERS');
    }
  });
});

describe('a reviewer pool on every rule (opentelemetry-js-contrib shape)', () => {
  it('findings are between delivery teams; the catch-all-only root preset is shared', async () => {
    const pool = makeRepo([
      {
        author: ANN,
        date: '2024-05-01T10:00:00Z',
        files: {
          CODEOWNERS:
            '* @o/approvers\n/packages/a/ @o/a @o/approvers\n/packages/b/ @o/b @o/approvers\n/packages/c/ @o/c @o/approvers\n',
          'jest.preset.js': 'module.exports = {};\n',
          'packages/a/src/index.ts':
            "import { inner } from '../../b/src/inner';\nimport { inner as again } from '../../b/src/inner';\nexport const a = inner + again;\n",
          'packages/a/src/more.ts': "import { inner } from '../../b/src/inner';\nexport const more = inner;\n",
          'packages/a/jest.config.js': "module.exports = require('../../jest.preset.js');\n",
          'packages/b/src/index.ts': "export { inner } from './inner';\n",
          'packages/b/src/inner.ts': 'export const inner = 1;\n',
          'packages/b/jest.config.js': "module.exports = require('../../jest.preset.js');\n",
          'packages/c/src/index.ts': "import { inner } from '../../b/src/inner';\nexport const c = inner;\n",
        },
      },
    ]);
    try {
      const rep = await analyzeRepo(pool.dir, { cache: false });
      const deep = rep
        .findings!.filter((f) => f.kind === 'deep-import')
        .map((f) => [f.fromTeam, f.toTeam, f.target, f.count]);
      // Two findings (a → b from 3 places, c → b from 1), none naming the pool, none for the preset.
      expect(deep).toEqual([
        ['@o/a', '@o/b', 'packages/b/src/inner.ts', 3],
        ['@o/c', '@o/b', 'packages/b/src/inner.ts', 1],
      ]);
      expect(rep.violations.filter((v) => v.target === 'jest.preset.js')).toEqual([]);
    } finally {
      pool.cleanup();
    }
  });
});
