// Each file's nearest tsconfig.json / jsconfig.json (docs/architecture.md, "Performance": a monorepo's root tsconfig
// often includes almost nothing), parsed once with its `extends` chain by TypeScript itself.
// An `extends` that points at an uninstalled package is tolerated: its options are missing,
// the rest applies, and one note says so. An `extends` naming a workspace package
// (`"extends": "tsconfig/base.json"`, the `tsconfig` package living in the monorepo) is
// followed to that package's file from source, through its `exports` — at every
// level of the chain, since each config's text is rewritten as TypeScript reads it.
// Each config gets its own module-resolution cache.
// Configs are read like every repository file (collect/read-file.ts): inside the repository,
// regular, at most 1 MB — an `extends` to /dev/zero or ~/secrets is skipped with a note — and an
// `extends` chain stops after MAX_EXTENDS configs (a 3,000-deep chain overflowed the stack).
import { join } from 'node:path';
import type * as ts from 'typescript';
import { typescript } from './ts-lib';
import { MissingExtends } from './config-notes';
import { pathExists } from '../collect/file-stats';
import { readRepoFile } from '../collect/read-file';
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

function defaults(): ts.CompilerOptions {
  const lib = typescript();
  return {
    allowJs: true,
    jsx: lib.JsxEmit.Preserve,
    module: lib.ModuleKind.ESNext,
    moduleResolution: lib.ModuleResolutionKind.Bundler,
    resolveJsonModule: true,
    target: lib.ScriptTarget.ESNext,
  };
}

export function createConfigIndex(
  root: string,
  files: Set<string>,
  notes: string[],
  packages: WorkspacePackage[] = [],
  read?: (rel: string) => string | null,
) {
  const extendsTo = workspaceExtends(root, files, packages);
  const missing = new MissingExtends(); // grouped: dozens of example apps extend the same uninstalled preset
  const byDir = new Map<string, ResolverConfig>();
  const byPath = new Map<string, ResolverConfig>();
  const load = (rel: string | null): ResolverConfig => {
    const key = rel ?? '';
    let c = byPath.get(key);
    if (!c)
      byPath.set(
        key,
        (c = rel ? parseConfig(root, rel, { notes, missing }, extendsTo, read) : makeConfig(null, defaults(), root)),
      );
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
  return {
    forFile: (rel: string) => forDir(rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : ''),
    /** The grouped notes about `extends` that could not be followed (the configs read so far). */
    notes: () => missing.notes(),
  };
}

const MAX_CONFIG_BYTES = 1024 * 1024;
export const MAX_EXTENDS = 32;

function parseConfig(
  root: string,
  rel: string,
  { notes, missing }: { notes: string[]; missing: MissingExtends },
  extendsTo: (spec: string) => string | null,
  revision?: (rel: string) => string | null,
): ResolverConfig {
  const abs = join(root, rel);
  const read = configReader(root, rel, notes, extendsTo, revision);
  const json = typescript().readConfigFile(abs, read);
  if (json.error) {
    notes.push(
      `${rel}: could not be read (${typescript().flattenDiagnosticMessageText(json.error.messageText, ' ')}); its directory uses default resolution`,
    );
    return makeConfig(rel, defaults(), root);
  }
  const host: ts.ParseConfigHost = {
    useCaseSensitiveFileNames: true,
    readDirectory: () => [],
    fileExists: (p) => read.exists(p),
    readFile: read,
  };
  const parsed = typescript().parseJsonConfigFileContent(
    json.config,
    host,
    abs.slice(0, abs.lastIndexOf('/')),
    undefined,
    abs,
  );
  // 18003 "no inputs found" is expected: we list no files, we only want the options.
  const failed = parsed.errors.find((e) => e.code !== 18003);
  if (failed) {
    const text = typescript().flattenDiagnosticMessageText(failed.messageText, ' ');
    const note = `${rel}: ${text} — continuing with the options that could be read`;
    if (!missing.add(rel, (json.config as { extends?: unknown } | undefined)?.extends, text, note)) notes.push(note);
  }
  return makeConfig(rel, { ...parsed.options, allowJs: true, resolveJsonModule: true }, root);
}

function makeConfig(path: string | null, options: ts.CompilerOptions, root: string): ResolverConfig {
  if (
    options.moduleResolution === undefined ||
    options.moduleResolution === typescript().ModuleResolutionKind.Classic
  ) {
    options = {
      ...options,
      moduleResolution: typescript().ModuleResolutionKind.Bundler,
      module: typescript().ModuleKind.ESNext,
    };
  }
  const cache = typescript().createModuleResolutionCache(root, (s) => s, options);
  const aliasPrefixes = Object.keys(options.paths ?? {}).map((k) => k.replace(/\*.*$/, ''));
  return { path, options, cache, aliasPrefixes };
}

/** TypeScript's file reads for one config and its `extends` chain, under the repository's rules. */
/** `revision`: a revision's reader of repository paths (`conway review`), instead of the disk inside the repository. */
function configReader(
  root: string,
  rel: string,
  notes: string[],
  extendsTo: (spec: string) => string | null,
  revision?: (rel: string) => string | null,
): ((p: string) => string | undefined) & { exists(p: string): boolean } {
  let reads = 0;
  const note = (n: string) => void (notes.includes(n) || notes.push(n));
  const prefix = root.endsWith('/') ? root : `${root}/`;
  const fromRevision = (p: string) => (revision && p.startsWith(prefix) ? revision(p.slice(prefix.length)) : undefined);
  const read = (p: string) => {
    if (++reads > MAX_EXTENDS + 1) {
      note(`${rel}: its extends chain is longer than ${MAX_EXTENDS} configs; the rest of the chain is ignored`);
      return undefined;
    }
    const given = fromRevision(p);
    if (given !== undefined) return given === null ? undefined : rewriteExtends(p, given, extendsTo);
    const r = readRepoFile(root, p, MAX_CONFIG_BYTES, true);
    if (r.kind === 'text') return rewriteExtends(p, r.text, extendsTo);
    if (r.kind === 'outside')
      note(
        `${rel}: extends ${p}${r.target === p ? '' : ` (a link to ${r.target})`}, outside the repository — not read`,
      );
    else if (r.kind === 'too-large') note(`${rel}: extends ${p}, over 1 MB — not read`);
    else if (r.kind === 'unreadable') note(`${rel}: extends ${p}: ${r.message} — not read`);
    return undefined;
  };
  // Existence is answered truly, so a refused `extends` is read (and refused with its reason) rather than reported missing.
  return Object.assign(read, {
    exists: (p: string) => (revision && p.startsWith(prefix) ? fromRevision(p) !== null : pathExists(p)),
  });
}
