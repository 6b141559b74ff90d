// The import graph on a real git repository: tsconfig paths/baseUrl/extends, workspaces
// resolved to source without node_modules, externals, builtins, unresolved imports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildImportGraph, type ImportGraphResult } from '../../analyzer/imports';
import { makeRepo, type Repo } from '../fixtures/repo';

let repo: Repo;
let g: ImportGraphResult;

beforeAll(async () => {
  repo = makeRepo([
    {
      files: {
        'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }),
        'tsconfig.json': JSON.stringify({
          extends: '@tsconfig/not-installed/tsconfig.json',
          compilerOptions: { baseUrl: '.', paths: { '@app/*': ['apps/web/src/*'] } },
        }),
        'packages/ui/package.json': JSON.stringify({
          name: '@acme/ui',
          exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' }, './button': './dist/button.js' },
        }),
        'packages/ui/src/index.ts': "export * from './button';\nexport * as icons from './icons/index.js';\n",
        'packages/ui/src/button.tsx':
          "import React from 'react';\nexport const Button = () => <button>Don't</button>;\n",
        'packages/ui/src/icons/index.ts': 'export const star = 1;\n',
        'packages/core/package.json': JSON.stringify({ name: '@acme/core', main: 'lib/main.js' }),
        'packages/core/src/main.ts':
          "import { readFileSync } from 'node:fs';\nimport path from 'path';\nexport type { Button } from '@acme/ui/button';\n",
        'apps/web/src/page.tsx': [
          "import { Button } from '@acme/ui';",
          "import { main } from '@acme/core';",
          "import util from '@app/util';",
          "import missing from '@app/missing';",
          "import lodash from 'lodash/fp';",
          "import type { X } from './types';",
          "const lazy = () => import('./lazy.js');",
          "import gone from './gone';",
          '',
        ].join('\n'),
        'apps/web/src/util.ts': 'export default 1;\n',
        'apps/web/src/types.ts': 'export type X = 1;\n',
        'apps/web/src/lazy.ts': "const cfg = require('../config.json');\n",
        'apps/web/config.json': '{}',
        'dist/bundle.js': "import './nope';\n",
        'README.md': '# not a source\n',
      },
    },
  ]);
  g = await buildImportGraph(repo.dir);
});
afterAll(() => repo.cleanup());

describe('buildImportGraph', () => {
  it('analyses tracked TS/JS sources, excluding build output', () => {
    expect(g.files.sort()).toEqual([
      'apps/web/src/lazy.ts',
      'apps/web/src/page.tsx',
      'apps/web/src/types.ts',
      'apps/web/src/util.ts',
      'packages/core/src/main.ts',
      'packages/ui/src/button.tsx',
      'packages/ui/src/icons/index.ts',
      'packages/ui/src/index.ts',
    ]);
  });

  it('resolves every edge exactly', () => {
    const edges = g.edges.map((e) => `${e.from}:${e.line} ${e.kind} ${e.specifier} -> ${e.to}`).sort();
    expect(edges).toEqual([
      'apps/web/src/lazy.ts:1 require ../config.json -> apps/web/config.json',
      'apps/web/src/page.tsx:1 static @acme/ui -> packages/ui/src/index.ts',
      'apps/web/src/page.tsx:2 static @acme/core -> packages/core/src/main.ts',
      'apps/web/src/page.tsx:3 static @app/util -> apps/web/src/util.ts',
      'apps/web/src/page.tsx:4 static @app/missing -> null',
      'apps/web/src/page.tsx:5 static lodash/fp -> npm:lodash',
      'apps/web/src/page.tsx:6 type ./types -> apps/web/src/types.ts',
      'apps/web/src/page.tsx:7 dynamic ./lazy.js -> apps/web/src/lazy.ts',
      'apps/web/src/page.tsx:8 static ./gone -> null',
      'packages/core/src/main.ts:1 static node:fs -> node:fs',
      'packages/core/src/main.ts:2 static path -> node:path',
      'packages/core/src/main.ts:3 type @acme/ui/button -> packages/ui/src/button.tsx',
      'packages/ui/src/button.tsx:1 static react -> npm:react',
      'packages/ui/src/index.ts:1 reexport ./button -> packages/ui/src/button.tsx',
      'packages/ui/src/index.ts:2 reexport ./icons/index.js -> packages/ui/src/icons/index.ts',
    ]);
  });

  it('lists externals, unresolved imports, workspace packages and the graph', () => {
    expect(g.externals).toEqual(['node:fs', 'node:path', 'npm:lodash', 'npm:react']);
    expect(g.unresolved).toEqual([
      { file: 'apps/web/src/page.tsx', line: 4, specifier: '@app/missing' },
      { file: 'apps/web/src/page.tsx', line: 8, specifier: './gone' },
    ]);
    expect(g.workspacePackages.map((p) => [p.name, p.entry])).toEqual(
      [
        ['@acme/core', 'packages/core/src/main.ts'],
        ['@acme/ui', 'packages/ui/src/index.ts'],
      ].sort(),
    );
    expect(g.graph.order).toBe(8 + 1 + 4); // sources + config.json + externals
    expect(g.graph.size).toBe(13);
    expect(
      g.graph.getEdgeAttributes(g.graph.edges('packages/ui/src/index.ts', 'packages/ui/src/button.tsx')[0]),
    ).toEqual({ kind: 'reexport', line: 1, specifier: './button' });
  });

  it('notes a tsconfig extends it could not follow, and goes on', () => {
    expect(g.notes.join('\n')).toMatch(/tsconfig\.json: .*not-installed/);
  });
});
