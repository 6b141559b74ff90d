// Specifier → target: a repository file, `npm:<package>` / `node:<builtin>` for externals, or
// null (unresolved). Order: workspace packages (by name, with subpaths through `exports`), then
// TypeScript's own resolver (`ts.resolveModuleName` with the file's nearest tsconfig: baseUrl,
// paths, moduleSuffixes, extension probing, index files). The resolver's host answers
// fileExists/directoryExists from the set of tracked files, so resolution costs no disk I/O,
// and never looks into node_modules: a bare specifier that is no alias is a package.
// A `.js`/`.cjs`/`.mjs`/`.jsx` importer runs in Node, which loads the runtime file: where
// TypeScript's resolver answers a declaration (`priority.d.ts` beside `priority.js`, a package's
// `types` for `require('../..')`), the runtime file beside it, or the package's `main`, is the target.
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import type * as ts from 'typescript';
import { typescript } from './ts-lib';
import { probe } from './probe';
import type { createConfigIndex } from './tsconfig';
import { exportTarget, packageName, toSource, type WorkspacePackage } from './workspaces';

const BUILTINS = new Set(builtinModules);

export type Resolve = (from: string, specifier: string) => string | null;

/** readRel: a tracked file's text (inside the repository, regular, size-capped), or null. */
export function createResolver(
  root: string,
  files: Set<string>,
  configs: ReturnType<typeof createConfigIndex>,
  packages: WorkspacePackage[],
  readRel: (rel: string) => string | null,
): Resolve {
  const dirs = directoriesOf(files);
  const rel = (abs: string) => relative(root, abs).split('\\').join('/');
  const host: ts.ModuleResolutionHost = {
    fileExists: (abs) => !abs.includes('/node_modules/') && files.has(rel(abs)),
    directoryExists: (abs) => !abs.includes('/node_modules/') && dirs.has(rel(abs)),
    readFile: (abs) => (files.has(rel(abs)) ? (readRel(rel(abs)) ?? undefined) : undefined),
    realpath: (p) => p,
    getCurrentDirectory: () => root,
  };
  const byName = new Map(packages.map((p) => [p.name, p]));
  return (from, specifier) => {
    if (specifier.startsWith('node:') || BUILTINS.has(specifier)) return `node:${specifier.replace(/^node:/, '')}`;
    const pkg = isBare(specifier) ? workspaceTarget(byName, specifier, files) : undefined;
    if (pkg !== undefined) return pkg;
    const config = configs.forFile(from);
    const r = typescript().resolveModuleName(specifier, join(root, from), config.options, host, config.cache);
    const hit = r.resolvedModule?.resolvedFileName;
    if (hit && !r.resolvedModule!.isExternalLibraryImport)
      return RUNTIME_IMPORTER.test(from) && DECLARATION.test(hit)
        ? runtimeFile(rel(hit), from, specifier, files, readRel)
        : rel(hit);
    if (!isBare(specifier) || config.aliasPrefixes.some((a) => a && specifier.startsWith(a))) return null;
    return `npm:${packageName(specifier)}`;
  };
}

const RUNTIME_IMPORTER = /\.(c|m)?jsx?$/;
const DECLARATION = /\.d\.[mc]?ts$/;

/** What Node loads where TypeScript found a declaration: the runtime sibling, else the package's main, else the declaration. */
function runtimeFile(
  declaration: string,
  from: string,
  specifier: string,
  files: Set<string>,
  readRel: (rel: string) => string | null,
): string {
  const base = declaration.replace(DECLARATION, '');
  for (const ext of ['.js', '.cjs', '.mjs', '.jsx']) if (files.has(base + ext)) return base + ext;
  if (!isBare(specifier)) {
    const dir = join(from, '..', specifier)
      .split('\\')
      .join('/')
      .replace(/^\.\/?|\/$/g, '');
    const pkgFile = dir === '.' || dir === '' ? 'package.json' : `${dir}/package.json`;
    const text = files.has(pkgFile) ? readRel(pkgFile) : null;
    const main = text ? safeMain(text) : null;
    const hit = main ? probe(files, joinDir(dir === '.' ? '' : dir, main.replace(/^\.\//, ''))) : null;
    if (hit && !DECLARATION.test(hit)) return hit;
  }
  return declaration;
}

function safeMain(text: string): string | null {
  try {
    const main = (JSON.parse(text) as { main?: unknown }).main;
    return typeof main === 'string' ? main : 'index.js';
  } catch {
    return null;
  }
}

function joinDir(dir: string, rel: string): string {
  return dir ? `${dir}/${rel}` : rel;
}

function workspaceTarget(
  byName: Map<string, WorkspacePackage>,
  specifier: string,
  files: Set<string>,
): string | null | undefined {
  const name = packageName(specifier);
  const pkg = byName.get(name);
  if (!pkg) return undefined;
  const sub = specifier.slice(name.length);
  if (!sub) return pkg.entry;
  const viaExports = exportTarget(pkg.exports, `.${sub}`);
  if (viaExports) return toSource(pkg.dir, viaExports, files);
  return probe(files, joinDir(pkg.dir, sub.slice(1))) ?? probe(files, joinDir(pkg.dir, `src${sub}`));
}

export function isBare(s: string): boolean {
  return !s.startsWith('.') && !s.startsWith('/');
}

function directoriesOf(files: Set<string>): Set<string> {
  const dirs = new Set<string>(['']);
  for (const f of files) {
    for (let i = f.indexOf('/'); i >= 0; i = f.indexOf('/', i + 1)) dirs.add(f.slice(0, i));
  }
  return dirs;
}
