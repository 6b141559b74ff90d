// Which files other teams may import:
//  1. the owning team's `publicApi` globs from the team map, when it declares any (only those);
//  2. otherwise every file a workspace package's package.json publishes (`exports`
//     subpaths, conditions and patterns, `main`, `module`, `types`, `typesVersions`, mapped to
//     source — imports/package-api.ts);
//  3. otherwise an `index.*` file at the root of the directory its CODEOWNERS rule names.
// Files decided only by a catch-all rule (`*`, `**`, `/**`) or a root-files rule (`/*`,
// `/*.js`: the files at the repository root as a whole) are repository-wide shared files (root
// configs, presets, the root package's version.js and index.d.ts): importing them is not a deep
// import into the team that rule names. Package manifests (`package.json`, any package's) are
// never a team's internals: a package's name and version are what it publishes about itself
// (dd-trace-js: 105 `require('../../version')` and 34 package.json reads were deep imports).
// The hint a deep import gets names only entry points that exist and belong to the target team
// (public-hint.ts), nearest to the imported file first.
import { Minimatch } from 'minimatch';
import { isPublished } from '../imports/package-api';
import type { ImportGraphResult } from '../imports';
import type { Rule } from '../model/types';
import type { Ownership } from '../ownership';
import { ruleDirectory } from '../ownership/modules';
import { publicHint } from './public-hint';
import { makeScopeOf } from '../metrics/scope';

const INDEX = /^index\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const MANIFEST = /(^|\/)package\.json$/;

/** A package manifest: public to everyone, whatever a team's publicApi lists. */
export function isPackageManifest(path: string): boolean {
  return MANIFEST.test(path);
}

/** `files`: the tracked files, where the hint looks for existing `index.*` files (none given: no index hints). */
export function buildPublicApi(
  ownership: Ownership,
  graph: Pick<ImportGraphResult, 'workspacePackages'> | null,
  ruleOf: (p: string) => Rule | null,
  files: readonly string[] = [],
) {
  const globs = new Map(
    ownership.teamMap.teams
      .filter((t) => t.publicApi?.length)
      .map((t) => [t.id, t.publicApi!.map((g) => new Minimatch(g, { dot: true }))]),
  );
  const packages = graph?.workspacePackages ?? [];
  const entries = new Set(packages.map((p) => p.entry).filter((e): e is string => Boolean(e)));
  const byDir = new Map(packages.map((pkg) => [pkg.dir, pkg]));
  const published = (p: string) => {
    for (let i = p.lastIndexOf('/'); i > 0; i = p.lastIndexOf('/', i - 1)) {
      const api = byDir.get(p.slice(0, i))?.api;
      if (api) return isPublished(api, p);
    }
    const rootApi = byDir.get('')?.api; // the repository's own root package
    return rootApi ? isPublished(rootApi, p) : false;
  };
  const isRootIndex = (p: string) => {
    const dir = ruleDirectory(ruleOf(p));
    return dir !== null && p.startsWith(dir + '/') && INDEX.test(p.slice(dir.length + 1));
  };
  const isShared = (p: string) => {
    const pattern = ruleOf(p)?.pattern;
    return isCatchAll(pattern) || isRootFilesRule(pattern);
  };
  const isPublicApi = (p: string) => {
    if (isShared(p) || MANIFEST.test(p)) return true;
    const declared = ownership.who(p).teams.filter((t) => globs.has(t));
    if (declared.length) return declared.some((t) => globs.get(t)!.some((m) => m.match(p)));
    return entries.has(p) || published(p) || isRootIndex(p);
  };
  const published_ = packages.flatMap((p) => [...(p.entry ? [p.entry] : []), ...p.api.files]);
  const indexes = files.filter((f) => INDEX.test(f.slice(f.lastIndexOf('/') + 1)) && isRootIndex(f));
  // Advice for production code names production entry points: a benchmark's index.js is no API.
  const scopeOf = makeScopeOf(ownership.teamMap.testPaths);
  const hint = publicHint(
    ownership,
    [...new Set([...published_, ...indexes])].filter((f) => scopeOf(f) === 'production'),
  );
  return { isPublicApi, isShared, hint };
}

/** A rule that matches every path: what it alone decides belongs to the whole repository. */
export function isCatchAll(pattern: string | undefined): boolean {
  return pattern !== undefined && /^(\*|\/?\*\*|\/?\*\*\/\*)$/.test(pattern);
}

/** A rule for the repository root's files by wildcard (`/*`, `/*.js`): not one file, not a directory — the root as a whole. */
export function isRootFilesRule(pattern: string | undefined): boolean {
  return pattern !== undefined && /^\/[^/]*\*[^/]*$/.test(pattern) && !pattern.startsWith('/**');
}
