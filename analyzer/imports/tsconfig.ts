// Each file's nearest tsconfig.json / jsconfig.json (PERF-NOTES: a monorepo's root tsconfig
// often includes almost nothing), parsed once with its `extends` chain by TypeScript itself.
// An `extends` that points at an uninstalled package is tolerated: its options are missing,
// the rest applies, and one note says so. An `extends` naming a workspace package
// (`"extends": "tsconfig/base.json"`, the `tsconfig` package living in the monorepo) is
// followed to that package's file from source, through its `exports` (issue 10) — at every
// level of the chain, since each config's text is rewritten as TypeScript reads it.
// Each config gets its own module-resolution cache.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { rewriteExtends, workspaceExtends } from './tsconfig-extends';
import type { WorkspacePackage } from './workspaces';

export interface ResolverConfig {
  /** Repository-relative path of the config, or null for the defaults. */
  path: string | null;
  options: ts.CompilerOptions;
  cache: ts.ModuleResolutionCache;
  /** `paths` patterns: a bare specifier matching one is an alias, not a package. */
  aliasPrefixes: string[];
}

const DEFAULTS: ts.CompilerOptions = {
  allowJs: true, jsx: ts.JsxEmit.Preserve, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler,
  resolveJsonModule: true, target: ts.ScriptTarget.ESNext,
};

export function createConfigIndex(root: string, files: Set<string>, notes: string[], packages: WorkspacePackage[] = [], read?: (rel: string) => string | null) {
  const extendsTo = workspaceExtends(root, files, packages);
  const byDir = new Map<string, ResolverConfig>();
  const byPath = new Map<string, ResolverConfig>();
  const load = (rel: string | null): ResolverConfig => {
    const key = rel ?? '';
    let c = byPath.get(key);
    if (!c) byPath.set(key, (c = rel ? parseConfig(root, rel, notes, extendsTo, read) : makeConfig(null, DEFAULTS, root)));
    return c;
  };
  const forDir = (dir: string): ResolverConfig => {
    let c = byDir.get(dir);
    if (c) return c;
    const here = ['tsconfig.json', 'jsconfig.json'].map((n) => (dir ? `${dir}/${n}` : n)).find((p) => files.has(p));
    c = here ? load(here) : dir ? forDir(dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '') : load(null);
    byDir.set(dir, c);
    return c;
  };
  return { forFile: (rel: string) => forDir(rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '') };
}

function parseConfig(root: string, rel: string, notes: string[], extendsTo: (spec: string) => string | null, readRel?: (rel: string) => string | null): ResolverConfig {
  const abs = join(root, rel);
  const readText = readRel ? insideRoot(root, readRel) : (p: string) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined);
  const read = (p: string) => {
    const text = readText(p);
    return text === undefined ? undefined : rewriteExtends(p, text, extendsTo);
  };
  const json = ts.readConfigFile(abs, read);
  if (json.error) {
    notes.push(`${rel}: could not be read (${ts.flattenDiagnosticMessageText(json.error.messageText, ' ')}); its directory uses default resolution`);
    return makeConfig(rel, DEFAULTS, root);
  }
  const host: ts.ParseConfigHost = { useCaseSensitiveFileNames: true, readDirectory: () => [], fileExists: readRel ? (p) => read(p) !== undefined : existsSync, readFile: read };
  const parsed = ts.parseJsonConfigFileContent(json.config, host, abs.slice(0, abs.lastIndexOf('/')), undefined, abs);
  // 18003 "no inputs found" is expected: we list no files, we only want the options.
  const missing = parsed.errors.find((e) => e.code !== 18003);
  if (missing) notes.push(`${rel}: ${ts.flattenDiagnosticMessageText(missing.messageText, ' ')} — continuing with the options that could be read`);
  return makeConfig(rel, { ...parsed.options, allowJs: true, resolveJsonModule: true }, root);
}

function makeConfig(path: string | null, options: ts.CompilerOptions, root: string): ResolverConfig {
  if (options.moduleResolution === undefined || options.moduleResolution === ts.ModuleResolutionKind.Classic) {
    options = { ...options, moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext };
  }
  const cache = ts.createModuleResolutionCache(root, (s) => s, options);
  const aliasPrefixes = Object.keys(options.paths ?? {}).map((k) => k.replace(/\*.*$/, ''));
  return { path, options, cache, aliasPrefixes };
}

/** An absolute-path reader that answers paths inside the repository from `readRel` (a revision), others from the disk. */
export function insideRoot(root: string, readRel: (rel: string) => string | null): (abs: string) => string | undefined {
  const prefix = root.endsWith('/') ? root : `${root}/`;
  return (abs) => {
    if (!abs.startsWith(prefix)) return readOutside(abs);
    return readRel(abs.slice(prefix.length)) ?? undefined;
  };
}

function readOutside(abs: string): string | undefined {
  try {
    return readFileSync(abs, 'utf8');
  } catch {
    return undefined; // missing, a directory, unreadable: not a config we can use
  }
}
