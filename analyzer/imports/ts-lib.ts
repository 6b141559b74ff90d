// TypeScript's library loads on first use, not with the bundle: it is ~9 MB and its module setup
// cost ~0.08 s of every run, while a warm analysis whose import graph comes from the cache parses
// no file and reads no tsconfig. (`require` inside a function: esbuild bundles it and runs the
// library's setup at the first call.)
import type * as TS from 'typescript';

let lib: typeof TS | undefined;

export function typescript(): typeof TS {
  return (lib ??= require('typescript') as typeof TS);
}
