// What is not a team's internals (dd-trace-js, reduced): the root files a `/*` rule owns as a
// whole (version.js, index.d.ts of the root package) and any package's package.json. Requiring
// them from another team is no deep import; requiring a file inside the team's package still is.
import { describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import { ANN } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const { repoOf, tempDir } = scratch();

describe('shared targets of cross-team imports', () => {
  it('root files of a root-files rule and package manifests are not deep imports; a package internal is', async () => {
    const repo = repoOf([
      {
        author: ANN,
        date: '2024-01-01T10:00:00Z',
        files: {
          CODEOWNERS:
            '/* @o/platform\n/packages/core/ @o/platform\n/packages/ci/ @o/ci\n/tools/version.js @o/platform\n',
          'package.json': '{ "name": "tracer", "version": "1.0.0", "main": "index.js" }\n',
          'index.js': "module.exports = require('./packages/core');\n",
          'version.js': "module.exports = require('./package.json').version;\n",
          'tools/version.js': 'module.exports = 2;\n',
          'packages/core/package.json': '{ "name": "core", "version": "1.0.0", "main": "index.js" }\n',
          'packages/core/index.js': "module.exports = require('./internal');\n",
          'packages/core/internal.js': 'module.exports = 1;\n',
          'packages/ci/index.js': [
            "const v = require('../../version');",
            "const p = require('../../package.json');",
            "const c = require('../core/package.json');",
            "const i = require('../core/internal');",
            "const t = require('../../tools/version');",
            'module.exports = { v, p, c, i, t };',
            '',
          ].join('\n'),
        },
      },
    ]);
    const r = await analyzeRepo(repo.dir, { cacheDir: tempDir() });
    const deep = r.violations.filter((v) => v.kind === 'deep-import').map((v) => [v.line, v.target]);
    // An explicit one-file rule (tools/version.js) is a team's own file: still internal.
    expect(deep).toEqual([
      [4, 'packages/core/internal.js'],
      [5, 'tools/version.js'],
    ]);
  });
});
