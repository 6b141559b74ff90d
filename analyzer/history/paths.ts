// Which paths count as code changes (issue 3, "Mining"): `--include` / `--exclude` globs
// (minimatch, dot:true, matched against repository-relative paths) on top of default excludes
// for lockfiles, generated, vendored and built files — changes there say nothing about who
// owns the code. `defaultExcludes` replaces the list (pass [] to keep everything).
import { Minimatch } from 'minimatch';

export const DEFAULT_EXCLUDES = [
  '**/package-lock.json', '**/npm-shrinkwrap.json', '**/yarn.lock', '**/pnpm-lock.yaml', '**/bun.lockb', '**/bun.lock',
  '**/Cargo.lock', '**/Gemfile.lock', '**/poetry.lock', '**/composer.lock', '**/go.sum', '**/*.lock',
  '**/node_modules/**', '**/vendor/**', '**/third_party/**', '**/dist/**', '**/coverage/**',
  '**/*.min.js', '**/*.min.css', '**/*.map', '**/__generated__/**', '**/*.generated.*', '**/*.snap',
];

/** Lockfiles and minified files marked `-diff` through core.attributesFile: git skips their line diff. */
export const BINARY_ATTRIBUTES = [
  'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'bun.lockb', 'Cargo.lock',
  'Gemfile.lock', 'poetry.lock', 'composer.lock', 'go.sum', '*.min.js', '*.min.css', '*.map',
].map((p) => `${p} -diff`);

export interface PathFilterOptions {
  include?: string[];
  exclude?: string[];
  defaultExcludes?: string[];
}

export type PathFilter = (path: string) => boolean;

// The editor's worker filters the same paths after every commit: a predicate (and its answers)
// is kept per option set, so an update tests only paths it has not seen.
const filters = new Map<string, PathFilter>();

/** A memoized predicate: included (or no includes) and not excluded; one per option set. */
export function makePathFilter(opts: PathFilterOptions = {}): PathFilter {
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

/** All globs as one regular expression (minimatch's own translation): one test per path, not one per glob. */
function compile(globs: string[]): RegExp | null {
  if (!globs.length) return null;
  const sources = globs.map((g) => new Minimatch(g, { dot: true }).makeRe()).filter((r): r is RegExp => r instanceof RegExp).map((r) => `(?:${r.source})`);
  return sources.length ? new RegExp(sources.join('|')) : null;
}
