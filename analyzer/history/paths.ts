// Which paths count as code changes: `--include` / `--exclude` globs
// (minimatch, dot:true, matched against repository-relative paths) on top of default excludes
// for lockfiles, generated, vendored and built files — changes there say nothing about who
// owns the code — and process paths (teams/process-paths.ts: changesets, release notes, version
// manifests). `defaultExcludes` replaces the list (pass [] to keep everything).
import { Minimatch } from 'minimatch';
import { PROCESS_PATHS } from '../model/process-paths';

export const DEFAULT_EXCLUDES = [
  '**/package-lock.json',
  '**/npm-shrinkwrap.json',
  '**/yarn.lock',
  '**/pnpm-lock.yaml',
  '**/bun.lockb',
  '**/bun.lock',
  '**/Cargo.lock',
  '**/Gemfile.lock',
  '**/poetry.lock',
  '**/composer.lock',
  '**/go.sum',
  '**/*.lock',
  '**/node_modules/**',
  '**/vendor/**',
  '**/third_party/**',
  '**/dist/**',
  '**/coverage/**',
  '**/*.min.js',
  '**/*.min.css',
  '**/*.map',
  '**/__generated__/**',
  '**/*.generated.*',
  '**/*.snap',
  ...PROCESS_PATHS,
];

/** Lockfiles and minified files marked `-diff` through core.attributesFile: git skips their line diff. */
export const BINARY_ATTRIBUTES = [
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lock',
  'bun.lockb',
  'Cargo.lock',
  'Gemfile.lock',
  'poetry.lock',
  'composer.lock',
  'go.sum',
  '*.min.js',
  '*.min.css',
  '*.map',
].map((p) => `${p} -diff`);

export interface PathFilterOptions {
  include?: string[];
  exclude?: string[];
  defaultExcludes?: string[];
}

export type PathFilter = (path: string) => boolean;

/**
 * A memoized predicate: included (or no includes) and not excluded. The editor's worker filters
 * the same paths after every commit: it passes `filters` (kept in its WarmContext), one predicate
 * per option set, so an update tests only paths it has not seen.
 */
export function makePathFilter(opts: PathFilterOptions = {}, filters?: Map<string, PathFilter>): PathFilter {
  if (!filters) return compileFilter(opts);
  const key = JSON.stringify([opts.include ?? [], opts.exclude ?? [], opts.defaultExcludes ?? null]);
  let filter = filters.get(key);
  if (!filter) {
    if (filters.size > 8) filters.clear(); // settings changed many times: start afresh
    filters.set(key, (filter = compileFilter(opts)));
  }
  return filter;
}

function compileFilter(opts: PathFilterOptions): PathFilter {
  const include = compile(opts.include ?? []);
  const exclude = compile([...(opts.defaultExcludes ?? DEFAULT_EXCLUDES), ...(opts.exclude ?? [])]);
  const memo = new Map<string, boolean>();
  return (path) => {
    let keep = memo.get(path);
    if (keep === undefined) {
      keep = (include === null || include.test(path)) && !(exclude?.test(path) ?? false);
      memo.set(path, keep);
    }
    return keep;
  };
}

/**
 * All globs as one regular expression (minimatch's own translation): one test per path, not one
 * per glob. minimatch's `**` translation costs microseconds per path, so a path is first checked
 * for the literal text every match of some glob must contain (`node_modules`, `.lock`, `.min.js`):
 * most paths contain none and skip the expression.
 */
function compile(globs: string[]): { test(path: string): boolean } | null {
  if (!globs.length) return null;
  const sources = globs
    .map((g) => new Minimatch(g, { dot: true }).makeRe())
    .filter((r): r is RegExp => r instanceof RegExp)
    .map((r) => `(?:${r.source})`);
  if (!sources.length) return null;
  const re = new RegExp(sources.join('|'));
  const needles = globs.map(literalNeedle);
  if (needles.some((n) => n === null)) return re;
  return { test: (path) => needles.some((n) => path.includes(n!)) && re.test(path) };
}

/** The longest run of literal characters a glob's matches all contain, or null when there is none to rely on. */
function literalNeedle(glob: string): string | null {
  if (/[{}()!+@\[\]]/.test(glob)) return null; // braces, extglobs, classes, escapes: no simple literal
  const runs = glob.split(/[*?/]+/).filter(Boolean);
  const best = runs.reduce((a, b) => (b.length > a.length ? b : a), '');
  return best.length >= 3 ? best : null;
}
