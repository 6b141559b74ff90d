// Specifier → target: a repository file, `npm:<package>` / `node:<builtin>` for externals, or
// null (unresolved). Order: workspace packages (by name, with subpaths through `exports`), then
// TypeScript's own resolver (`ts.resolveModuleName` with the file's nearest tsconfig: baseUrl,
// paths, moduleSuffixes, extension probing, index files). The resolver's host answers
// fileExists/directoryExists from the set of tracked files, so resolution costs no disk I/O,
// and never looks into node_modules: a bare specifier that is no alias is a package.
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { probe } from './probe';
import type { createConfigIndex } from './tsconfig';
import { exportTarget, packageName, toSource, type WorkspacePackage } from './workspaces';

const BUILTINS = new Set(builtinModules);

export type Resolve = (from: string, specifier: string) => string | null;

/** readRel: a tracked file's text (inside the repository, regular, size-capped), or null. */
export function createResolver(root: string, files: Set<string>, configs: ReturnType<typeof createConfigIndex>, packages: WorkspacePackage[], readRel: (rel: string) => string | null): Resolve {
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
    const r = ts.resolveModuleName(specifier, join(root, from), config.options, host, config.cache);
    const hit = r.resolvedModule?.resolvedFileName;
    if (hit && !r.resolvedModule!.isExternalLibraryImport) return rel(hit);
    if (!isBare(specifier) || config.aliasPrefixes.some((a) => a && specifier.startsWith(a))) return null;
    return `npm:${packageName(specifier)}`;
  };
}

function workspaceTarget(byName: Map<string, WorkspacePackage>, specifier: string, files: Set<string>): string | null | undefined {
  const name = packageName(specifier);
  const pkg = byName.get(name);
  if (!pkg) return undefined;
  const sub = specifier.slice(name.length);
  if (!sub) return pkg.entry;
  const viaExports = exportTarget(pkg.exports, `.${sub}`);
  if (viaExports) return toSource(pkg.dir, viaExports, files);
  return probe(files, `${pkg.dir}${sub}`) ?? probe(files, `${pkg.dir}/src${sub}`);
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
