import { describe, expect, it } from 'vitest';
import { extractImports } from '../../analyzer/imports/extract';

const src = `/// <reference path="globals.d.ts" />
/// <reference types="node" />
import def from './a';
import { b1, b2 } from "./b";
import * as c from './c';
import './side-effect';
import type { T } from './types';
import type D from './types-default';
export { e } from './e';
export * from './f';
export * as g from './g';
export type { H } from './h';
const lazy = import('./lazy');
const r = require('./req');
import legacy = require('./legacy');
const notRequire = obj.require('./no');
const re = /['"]import x from 'fake'/;
const tpl = \`\${'./t'} import('./in-template-text') \${ { a: 1 }.a }\`;
// import commented from './commented';
export const after = 1;
import type from './named-type';
`;

describe('extractImports', () => {
  it('finds every kind with its line', () => {
    expect(extractImports(src, false)).toEqual([
      { specifier: './globals.d.ts', line: 1, kind: 'reference' },
      { specifier: 'node', line: 2, kind: 'reference' },
      { specifier: './a', line: 3, kind: 'static' },
      { specifier: './b', line: 4, kind: 'static' },
      { specifier: './c', line: 5, kind: 'static' },
      { specifier: './side-effect', line: 6, kind: 'static' },
      { specifier: './types', line: 7, kind: 'type' },
      { specifier: './types-default', line: 8, kind: 'type' },
      { specifier: './e', line: 9, kind: 'reexport' },
      { specifier: './f', line: 10, kind: 'reexport' },
      { specifier: './g', line: 11, kind: 'reexport' },
      { specifier: './h', line: 12, kind: 'type' },
      { specifier: './lazy', line: 13, kind: 'dynamic' },
      { specifier: './req', line: 14, kind: 'require' },
      { specifier: './legacy', line: 15, kind: 'require' },
      { specifier: './named-type', line: 21, kind: 'static' },
    ]);
  });

  it('handles multi-line import lists and JSX files', () => {
    const tsx = `import {\n  a,\n  b,\n} from '@scope/pkg/sub';\nexport const C = () => <div className="x">{a}</div>;\nconst L = React.lazy(() => import('./Page'));\n`;
    expect(extractImports(tsx, true)).toEqual([
      { specifier: '@scope/pkg/sub', line: 4, kind: 'static' },
      { specifier: './Page', line: 6, kind: 'dynamic' },
    ]);
  });

  it('ignores dynamic imports with non-literal arguments', () => {
    expect(extractImports('const m = import(name);\nrequire(x);\n', false)).toEqual([]);
  });
});
