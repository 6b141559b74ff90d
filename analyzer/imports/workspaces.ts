// Workspace packages → their source entry, so `import '@acme/ui'` resolves to
// packages/ui/src/index.ts in a fresh checkout without node_modules (docs/architecture.md, "Performance": 4–6k such
// imports per monorepo that no standard resolver finds). Packages come from the root
// package.json `workspaces` (array or {packages}) and pnpm-workspace.yaml — at the root and in
// nested workspace roots up to two levels down (a docs site's own monorepo); the entry from
// `exports` ('.'; conditions types/import/default/require), `types`, `main`, then
// src/index.* and index.* — mapped from build output (dist/, lib/, build/, out/) back to source.
import { Minimatch } from 'minimatch';
import { parseDocument } from 'yaml';
import { placeOf, yamlErrorKind } from '../contract/parse-errors';
import { MAX_EXPORTS_DEPTH, nestsDeeper, packageApi, type PackageApi } from './package-api';
import { probe } from './probe';
import { join, toSource } from './to-source';

export { toSource };

export interface WorkspacePackage {
  name: string;
  dir: string;
  /** Repository-relative source entry, or null when none could be found. */
  entry: string | null;
  /** The raw `exports` field, for subpath imports. */
  exports: unknown;
  /** Every file the package.json publishes: importing one is never a deep import. */
  api: PackageApi;
}

type ReadJson = (rel: string) => Record<string, unknown> | null;
type ReadText = (rel: string) => string | null;

export function findWorkspacePackages(
  files: Set<string>,
  readJson: ReadJson,
  readText: ReadText,
  notes: string[] = [],
): WorkspacePackage[] {
  const globs = workspaceRoots(files).flatMap((root) => workspaceGlobs(root, readJson, readText, notes));
  // The repository's own root package resolves like any workspace package (by name, its entry and
  // published files public), so `require('../../..')` or `import 'the-repo'` is not a deep import.
  const rootPkg = files.has('package.json') ? readJson('package.json') : null;
  const root =
    typeof rootPkg?.name === 'string'
      ? [
          {
            name: rootPkg.name,
            dir: '',
            entry: packageEntry('', rootPkg, files),
            exports: rootPkg.exports,
            api: packageApi('', rootPkg, files),
          },
        ].filter((p) => p.entry || p.api.files.length)
      : [];
  if (!globs.length) return root;
  const matchers = globs.map((g) => new Minimatch(g.replace(/\/$/, ''), { dot: false }));
  const out: WorkspacePackage[] = [...root];
  for (const f of files) {
    if (!f.endsWith('/package.json')) continue;
    const dir = f.slice(0, -'/package.json'.length);
    if (!matchers.some((m) => m.match(dir)) || dir.includes('node_modules/')) continue;
    const pkg = readJson(f);
    if (typeof pkg?.name !== 'string') continue;
    if (nestsDeeper(pkg.exports, MAX_EXPORTS_DEPTH))
      notes.push(`${f}: "exports" nests deeper than ${MAX_EXPORTS_DEPTH} levels; the deeper levels are ignored`);
    out.push({
      name: pkg.name,
      dir,
      entry: packageEntry(dir, pkg, files),
      exports: pkg.exports,
      api: packageApi(dir, pkg, files),
    });
  }
  return out;
}

/** The repository root and nested workspace roots near the top (`www/` with its own workspaces). */
function workspaceRoots(files: Set<string>): string[] {
  const roots = [''];
  for (const f of files) {
    const m = /^([^/]+(?:\/[^/]+)?)\/(package\.json|pnpm-workspace\.yaml)$/.exec(f);
    if (m && !m[1].includes('node_modules') && !roots.includes(m[1])) roots.push(m[1]);
  }
  return roots;
}

function workspaceGlobs(dir: string, readJson: ReadJson, readText: ReadText, notes: string[]): string[] {
  const at = (name: string) => (dir ? `${dir}/${name}` : name);
  const root = readJson(at('package.json'));
  const ws = root?.workspaces as unknown;
  const fromPkg = Array.isArray(ws)
    ? ws
    : Array.isArray((ws as { packages?: unknown })?.packages)
      ? (ws as { packages: string[] }).packages
      : [];
  const pnpmText = readText(at('pnpm-workspace.yaml'));
  const fromPnpm = pnpmText ? pnpmGlobs(pnpmText, at('pnpm-workspace.yaml'), notes) : [];
  return [...fromPkg, ...fromPnpm]
    .filter((g): g is string => typeof g === 'string' && !g.startsWith('!'))
    .map((g) => at(g.replace(/^\.\//, '')));
}

/**
 * `packages:` of a pnpm-workspace.yaml. The yaml package prints its warnings (duplicate keys,
 * unknown tags) to the console by default: collected instead, they become `note:` lines like
 * every other input problem; an unreadable file only loses workspace resolution.
 */
function pnpmGlobs(text: string, file: string, notes: string[]): string[] {
  try {
    const doc = parseDocument(text, { logLevel: 'silent', uniqueKeys: false });
    for (const w of doc.warnings) notes.push(`${file}: YAML: ${yamlErrorKind(w)} at ${placeOf(text, w.pos[0])}`);
    for (const e of doc.errors)
      notes.push(
        `${file}: YAML syntax: ${yamlErrorKind(e)} at ${placeOf(text, e.pos[0])} — its workspace packages are not resolved`,
      );
    const packages = doc.errors.length
      ? undefined
      : (doc.toJS({ maxAliasCount: 100 }) as { packages?: unknown } | null)?.packages;
    return Array.isArray(packages) ? (packages as string[]) : [];
  } catch (e) {
    notes.push(`${file}: YAML: ${yamlErrorKind(e as { code?: string })} — its workspace packages are not resolved`);
    return [];
  }
}

export function packageEntry(dir: string, pkg: Record<string, unknown>, files: Set<string>): string | null {
  const candidates = [exportTarget(pkg.exports, '.'), pkg.types, pkg.typings, pkg.module, pkg.main].filter(
    (c): c is string => typeof c === 'string',
  );
  for (const c of candidates) {
    const hit = toSource(dir, c, files);
    if (hit) return hit;
  }
  return probe(files, join(dir, 'src/index')) ?? probe(files, join(dir, 'index'));
}

/** The file an `exports` map gives for a subpath ('.' or './x'), preferring source-like conditions. */
export function exportTarget(exports: unknown, subpath: string): string | null {
  if (typeof exports === 'string') return subpath === '.' ? exports : null;
  if (!exports || typeof exports !== 'object') return null;
  const map = exports as Record<string, unknown>;
  const isConditions = Object.keys(map).every((k) => !k.startsWith('.'));
  if (isConditions) return subpath === '.' ? pickCondition(map) : null;
  const direct = map[subpath];
  if (direct !== undefined)
    return typeof direct === 'string' ? direct : pickCondition(direct as Record<string, unknown>);
  for (const [key, value] of Object.entries(map)) {
    const star = key.indexOf('*');
    if (star < 0 || !subpath.startsWith(key.slice(0, star)) || !subpath.endsWith(key.slice(star + 1))) continue;
    const mid = subpath.slice(star, subpath.length - (key.length - star - 1));
    const target = typeof value === 'string' ? value : pickCondition(value as Record<string, unknown>);
    return target?.replace('*', mid) ?? null;
  }
  return null;
}

function pickCondition(c: Record<string, unknown> | null, depth = 0): string | null {
  if (!c || typeof c !== 'object' || depth >= MAX_EXPORTS_DEPTH) return null;
  for (const k of ['source', 'types', 'import', 'module', 'default', 'require', 'node']) {
    const v = c[k];
    if (typeof v === 'string') return v;
    if (v && typeof v === 'object') {
      const nested = pickCondition(v as Record<string, unknown>, depth + 1);
      if (nested) return nested;
    }
  }
  return null;
}

/** The package a bare specifier names: `@scope/name` or `name`, without the subpath. */
export function packageName(s: string): string {
  const parts = s.split('/');
  return s.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}
