// Which files other teams may import:
//  1. the owning team's `publicApi` globs from the team map, when it declares any (only those);
//  2. otherwise every file a workspace package's package.json publishes (`exports`
//     subpaths, conditions and patterns, `main`, `module`, `types`, `typesVersions`, mapped to
//     source — imports/package-api.ts);
//  3. otherwise an `index.*` file at the root of the directory its CODEOWNERS rule names.
// Files decided only by a catch-all rule (`*`, `**`, `/**`) are repository-wide shared files
// (root configs, presets): importing them is not a deep import into the catch-all team.
import { Minimatch } from 'minimatch';
import { isPublished } from '../imports/package-api';
import type { ImportGraphResult } from '../imports';
import type { Rule } from '../model/types';
import type { Ownership } from '../ownership';
import { ruleDirectory } from '../ownership/modules';

const INDEX = /^index\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

export function buildPublicApi(ownership: Ownership, graph: Pick<ImportGraphResult, 'workspacePackages'> | null, ruleOf: (p: string) => Rule | null) {
  const globs = new Map(ownership.teamMap.teams.filter((t) => t.publicApi?.length).map((t) => [t.id, t.publicApi!.map((g) => new Minimatch(g, { dot: true }))]));
  const packages = graph?.workspacePackages ?? [];
  const entries = new Set(packages.map((p) => p.entry).filter((e): e is string => Boolean(e)));
  const byDir = new Map(packages.map((pkg) => [pkg.dir, pkg]));
  const published = (p: string) => {
    for (let i = p.lastIndexOf('/'); i > 0; i = p.lastIndexOf('/', i - 1)) {
      const api = byDir.get(p.slice(0, i))?.api;
      if (api) return isPublished(api, p);
    }
    return false;
  };
  const isRootIndex = (p: string) => {
    const dir = ruleDirectory(ruleOf(p));
    return dir !== null && p.startsWith(dir + '/') && INDEX.test(p.slice(dir.length + 1));
  };
  const isShared = (p: string) => isCatchAll(ruleOf(p)?.pattern);
  const isPublicApi = (p: string) => {
    if (isShared(p)) return true;
    const declared = ownership.who(p).teams.filter((t) => globs.has(t));
    if (declared.length) return declared.some((t) => globs.get(t)!.some((m) => m.match(p)));
    return entries.has(p) || published(p) || isRootIndex(p);
  };
  const hint = (team: string) => {
    const t = ownership.team(team);
    if (t?.publicApi?.length) return t.publicApi.join(', ');
    const own = [...entries].filter((e) => ownership.who(e).teams.includes(team));
    if (own.length) return own.slice(0, 3).join(', ');
    const dirs = [...new Set((ownership.codeowners?.rules ?? []).filter((r) => ownership.teamsOfOwners(r.owners).includes(team)).map((r) => ruleDirectory(r)).filter(Boolean))];
    return dirs.length ? dirs.slice(0, 3).map((d) => `${d}/index.ts`).join(', ') : 'its index file';
  };
  return { isPublicApi, isShared, hint };
}

/** A rule that matches every path: what it alone decides belongs to the whole repository. */
export function isCatchAll(pattern: string | undefined): boolean {
  return pattern !== undefined && /^(\*|\/?\*\*|\/?\*\*\/\*)$/.test(pattern);
}
