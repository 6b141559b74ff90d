// A workspace package's public API: every file its package.json publishes, mapped
// back to source the way imports are resolved (toSource: dist/ → src/). Node's rules for
// `exports` (https://nodejs.org/api/packages.html#package-entry-points): subpath keys (`.`,
// `./sub`), condition objects nested to any depth (every condition counts — a file published
// under `require` only is still public), `./*` patterns; plus `main`, `module`, `types`/`typings`
// and TypeScript's `typesVersions` (https://www.typescriptlang.org/docs/handbook/declaration-files/publishing.html).
// Patterns cannot be listed up front: they are kept as prefix/suffix pairs and matched per file;
// a subpath `exports` maps to null is excluded from the pattern that would publish it.
import { sourceGuesses, toSource } from './to-source';

export interface PackageApi {
  /** Repository-relative source files the package publishes. */
  files: string[];
  /** `./*` patterns mapped to source: a file is public when it starts with `prefix` and, without its extension, ends with `suffix`. */
  patterns: Pattern[];
  /** Subpaths a pattern would publish that `exports` maps to null (`"./internal/*": null`), mapped to source the same way. */
  excluded: Pattern[];
}

interface Pattern {
  prefix: string;
  suffix: string;
}

const SOURCE_EXT = /(\.d)?\.[mc]?[jt]sx?$/;

export function packageApi(dir: string, pkg: Record<string, unknown>, files: Set<string>): PackageApi {
  const targets = [...exportTargets(pkg.exports), ...typesVersionTargets(pkg.typesVersions)];
  for (const k of ['main', 'module', 'types', 'typings', 'browser'])
    if (typeof pkg[k] === 'string') targets.push(pkg[k] as string);
  const api: PackageApi = { files: [], patterns: [], excluded: exclusions(dir, pkg.exports) };
  const seen = new Set<string>();
  for (const t of targets) {
    if (t.includes('*')) api.patterns.push(...patternsOf(dir, t));
    else {
      const hit = toSource(dir, t, files);
      if (hit && !seen.has(hit)) (api.files.push(hit), seen.add(hit));
    }
  }
  return api;
}

export function isPublished(api: PackageApi, file: string): boolean {
  if (api.files.includes(file)) return true;
  const bare = file.replace(SOURCE_EXT, '');
  const matches = (p: Pattern) => file.startsWith(p.prefix) && file.length > p.prefix.length && bare.endsWith(p.suffix);
  return api.patterns.some(matches) && !api.excluded.some(matches);
}

/** `"./internal/*": null` beside `"./*": "./dist/*.js"` → the source pattern of `./dist/internal/*.js` (Node: null excludes a subpath). */
function exclusions(dir: string, exports: unknown): Pattern[] {
  if (!exports || typeof exports !== 'object' || Array.isArray(exports)) return [];
  const map = exports as Record<string, unknown>;
  const stars = Object.keys(map).filter((k) => k.includes('*') && map[k] !== null);
  return Object.keys(map)
    .filter((k) => map[k] === null)
    .flatMap((k) => {
      const key = stars.find(
        (p) => k.startsWith(p.slice(0, p.indexOf('*'))) && k.endsWith(p.slice(p.indexOf('*') + 1)),
      );
      const target = key ? exportTargets(map[key]).find((t) => t.includes('*')) : undefined;
      if (!key || !target) return [];
      const mid = k.slice(key.indexOf('*'), k.length - (key.length - key.indexOf('*') - 1));
      return patternsOf(dir, target.replace('*', mid.includes('*') ? mid : `${mid}*`));
    });
}

/**
 * How deep `exports` conditions are followed. Node follows any depth; published packages nest
 * subpath → condition → condition (3–4 levels, e.g. `types`/`import`/`default` under
 * `node`/`browser`): 32 leaves room for any real one, and a hostile 5,000-level package.json
 * (30 KB) cannot exhaust the stack. Deeper levels are ignored, with a note (workspaces.ts).
 */
export const MAX_EXPORTS_DEPTH = 32;

/** Every string target of an `exports` value, through subpaths, conditions and nesting (null excludes). */
export function exportTargets(exports: unknown, depth = 0): string[] {
  if (typeof exports === 'string') return [exports];
  if (depth >= MAX_EXPORTS_DEPTH) return [];
  if (Array.isArray(exports)) return exports.flatMap((e) => exportTargets(e, depth + 1));
  if (!exports || typeof exports !== 'object') return [];
  return Object.values(exports as Record<string, unknown>).flatMap((e) => exportTargets(e, depth + 1));
}

/** Whether a JSON value nests deeper than `max` (checked without recursion). */
export function nestsDeeper(value: unknown, max: number): boolean {
  let level: unknown[] = [value];
  for (let depth = 0; level.length; depth++) {
    if (depth > max) return true;
    const next: unknown[] = [];
    for (const v of level)
      if (v && typeof v === 'object') for (const c of Object.values(v)) if (c && typeof c === 'object') next.push(c);
    level = next;
  }
  return false;
}

function typesVersionTargets(tv: unknown): string[] {
  if (!tv || typeof tv !== 'object') return [];
  return Object.values(tv as Record<string, unknown>).flatMap((map) =>
    map && typeof map === 'object' ? Object.values(map as Record<string, unknown>).flatMap(exportTargets) : [],
  );
}

/** `./dist/*.js` → source prefixes (`pkg/dist/`, `pkg/src/`) with the suffix stripped of its extension. */
function patternsOf(dir: string, target: string): PackageApi['patterns'] {
  const rel = target.replace(/^\.\//, '');
  const star = rel.indexOf('*');
  const prefix = (dir ? `${dir}/` : '') + rel.slice(0, star);
  const suffix = rel.slice(star + 1).replace(SOURCE_EXT, '');
  return [...new Set([prefix, ...sourceGuesses(dir, prefix)])].map((p) => ({ prefix: p, suffix }));
}
