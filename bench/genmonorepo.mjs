// Generates a TypeScript monorepo for the import-graph bench: npm workspaces (packages/pN with
// src/index.ts entries), a root tsconfig with a path alias (`@app/*`), relative imports,
// workspace imports, re-exports, `import type`, dynamic imports and externals. Deterministic.
// Cached in bench/.repos/ by size. Usage: genMonorepo({ files: 20000 }) → directory.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function genMonorepo({ files = 20_000, packages = 40 } = {}) {
  const dir = join(new URL('.', import.meta.url).pathname, '.repos', `mono-f${files}-p${packages}`);
  if (existsSync(join(dir, '.git'))) return dir;
  mkdirSync(dir, { recursive: true });
  const write = (p, t) => {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), t);
  };
  write('package.json', JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*', 'apps/*'] }));
  write(
    'tsconfig.json',
    JSON.stringify({
      compilerOptions: {
        baseUrl: '.',
        module: 'esnext',
        moduleResolution: 'bundler',
        paths: { '@app/*': ['apps/web/src/*'] },
      },
    }),
  );
  const perPkg = Math.floor((files - 200) / packages);
  let rnd = 42;
  const rand = (n) => ((rnd = (rnd * 1103515245 + 12345) % 2147483648), rnd % n);
  for (let p = 0; p < packages; p++) {
    write(
      `packages/p${p}/package.json`,
      JSON.stringify({ name: `@mono/p${p}`, main: 'dist/index.js', types: 'dist/index.d.ts' }),
    );
    write(`packages/p${p}/tsconfig.json`, JSON.stringify({ extends: '../../tsconfig.json' }));
    write(
      `packages/p${p}/src/index.ts`,
      Array.from({ length: 5 }, (_, i) => `export * from './mod${i}/file${i}';`).join('\n') + '\n',
    );
    for (let f = 0; f < perPkg; f++) {
      const mod = f % 10;
      const next = (mod + 1) % 10;
      const m = rand(10);
      const lines = [
        `import { v as a } from '../mod${next}/file${next}';`,
        f >= 10 ? `import type { T } from './file${f - 10}';` : '',
        `import { x } from '@mono/p${rand(packages)}';`,
        rand(4) === 0
          ? `import { y } from '@mono/p${rand(packages)}/src/mod${m}/file${m}';`
          : `import React from 'react';`,
        rand(5) === 0 ? `import { w } from '@app/util${rand(50)}';` : `import { z } from 'lodash';`,
        rand(10) === 0 ? `const lazy = () => import('../mod${m}/file${m}');` : '',
        f >= 10 ? `export * as ns${f} from './file${f - 10}';` : '',
        `export type T = number;`,
        `export const v = ${f};`,
      ];
      write(`packages/p${p}/src/mod${mod}/file${f}.ts`, lines.filter(Boolean).join('\n') + '\n');
    }
  }
  for (let u = 0; u < 50; u++) write(`apps/web/src/util${u}.ts`, `export const w = ${u};\n`);
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
  execFileSync('git', ['add', '-A'], { cwd: dir });
  execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@x', 'commit', '-q', '-m', 'monorepo'], {
    cwd: dir,
  });
  return dir;
}
