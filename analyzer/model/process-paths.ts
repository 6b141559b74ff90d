// Process paths: files nearly every change touches because the release process asks for them —
// a changeset per pull request, release notes, version manifests. Like lockfiles, a change there
// says nothing about who owns the code: they are default excludes of the history
// (history/paths.ts: out of change coupling, delivery independence, membership and drift), and a
// CODEOWNERS rule that names only them does not count when roles are judged (roles.ts). Replace
// the list with the `defaultExcludes` option; add to it with `--exclude`.
import { Minimatch } from 'minimatch';

export const PROCESS_PATHS = [
  '**/.changeset/**', // changesets: one file per pull request
  '**/.changes/**', // changie
  '**/.yarn/versions/**', // yarn version plugin
  '**/CHANGELOG.md',
  '**/CHANGES.md',
  '**/HISTORY.md',
  '**/RELEASE_NOTES.md',
  '**/release-notes/**',
  '**/.release-please-manifest.json',
  '**/release-please-config.json',
  '**/lerna.json',
];

// Each glob's literal part (`.changeset`, `CHANGELOG.md`): a path without it cannot match, and a
// substring test is ~100× cheaper than minimatch — this runs for every file on every analysis.
const matchers = PROCESS_PATHS.map((g) => ({
  needle: g.replace(/^\*\*\//, '').replace(/\/\*\*$/, ''),
  m: new Minimatch(g, { dot: true }),
}));

export function isProcessPath(path: string): boolean {
  return matchers.some((x) => path.includes(x.needle) && x.m.match(path));
}

/** A CODEOWNERS pattern that names only process paths (`/.changeset/`, `CHANGELOG.md`, `**\/.changeset/*`). */
export function isProcessRule(pattern: string): boolean {
  const p = pattern.replace(/^\//, '').replace(/\/\*{0,2}$/, '');
  return (
    p !== '' && (isProcessPath(p) || isProcessPath(`${p}/x`) || isProcessPath(`x/${p}`) || isProcessPath(`x/${p}/x`))
  );
}
