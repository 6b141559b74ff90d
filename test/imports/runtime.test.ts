// Resolution follows the runtime for JavaScript importers: `require('./priority')` beside
// `priority.js` and `priority.d.ts` is the .js file (a .d.ts only where no runtime file exists);
// the repository's own root package resolves like a workspace package, so requiring it is no deep import.
import { describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import { buildImportGraph } from '../../analyzer/imports';
import { ANN } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const { repoOf, tempDir } = scratch();

describe('runtime resolution', () => {
  it('takes the .js beside a .d.ts, the root package main for require of the root, and a lone .d.ts as it is', async () => {
    const repo = repoOf([
      {
        author: ANN,
        date: '2024-01-01T10:00:00Z',
        files: {
          CODEOWNERS: '* @o/core\n/ext/ @o/ext\n/index.* @o/root\n/types/ @o/root\n',
          'package.json': JSON.stringify({ name: 'the-lib', main: 'index.js', types: 'types/index.d.ts' }),
          'index.js': "module.exports = require('./lib/priority');\n",
          'types/index.d.ts': 'export declare const x: number;\n',
          'lib/priority.js': 'module.exports = 1;\n',
          'lib/priority.d.ts': 'export declare const p: number;\n',
          'lib/only-types.d.ts': 'export type T = 1;\n',
          'ext/use.js':
            "const p = require('../lib/priority');\nconst lib = require('..');\nmodule.exports = p + lib;\n",
          'ext/typed.ts': "import type { T } from '../lib/only-types';\nexport const t: T = 1;\n",
          'ext/test/deep.test.js': "const lib = require('../..');\nmodule.exports = lib;\n",
        },
      },
    ]);
    const g = await buildImportGraph(repo.dir);
    const edges = new Map(g.edges.map((e) => [`${e.from}:${e.line}`, e.to]));
    expect(edges.get('ext/use.js:1')).toBe('lib/priority.js');
    expect(edges.get('ext/use.js:2')).toBe('index.js');
    expect(edges.get('ext/test/deep.test.js:1')).toBe('index.js');
    expect(edges.get('ext/typed.ts:1')).toBe('lib/only-types.d.ts');
    const r = await analyzeRepo(repo.dir, { cacheDir: tempDir() });
    // index.js is the root package's main: public, so no deep import into @o/root.
    expect(r.violations.filter((v) => v.kind === 'deep-import' && v.toTeam === '@o/root')).toEqual([]);
  });
});
