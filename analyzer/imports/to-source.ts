// Package targets → tracked source files: a package.json names build output (`dist/index.js`,
// `lib/esm/x.d.ts`); in a fresh checkout the file to read is its source (`src/index.ts`).
import { probe } from './probe';

/** A package-relative target (maybe build output) → a tracked source file. */
export function toSource(dir: string, target: string, files: Set<string>): string | null {
  const rel = join(dir, target.replace(/^\.\//, ''));
  const noExt = rel.replace(/\.d\.[mc]?ts$|\.[mc]?[jt]sx?$/, '');
  const guesses = sourceGuesses(dir, noExt).map((g) => probe(files, g));
  return (
    (files.has(rel) && !rel.endsWith('.d.ts') ? rel : null) ??
    guesses.find(Boolean) ??
    probe(files, noExt) ??
    (files.has(rel) ? rel : null)
  );
}

/** Build output → where its source usually is: `dist/x` and `dist/esm/x` (a module-format folder) → `src/x`. */
export function sourceGuesses(dir: string, noExt: string): string[] {
  const base = dir ? `${escape(dir)}/` : '';
  const nested = new RegExp(`^(${base})(dist|lib|build|out)/(esm|cjs|es|types|commonjs|module|node|browser)(/|$)`);
  const flat = new RegExp(`^(${base})(dist|lib|build|out|esm|cjs|types)(/|$)`);
  return [noExt.replace(nested, '$1src$4'), noExt.replace(flat, '$1src$3')].filter((g) => g !== noExt);
}

export function join(dir: string, rel: string): string {
  return dir ? `${dir}/${rel}` : rel;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
