// Catalog entities → Conway's teams, clusters and ownership rules (docs/inputs.md, "Backstage catalog"):
//  - a Group is a team: id its metadata.name, name its profile.displayName (or title), members
//    its spec.members' Users — each by profile.email, `@login` from `github.com/user-login`,
//    its name and display name (the aliases conway.yml members accept); declared membership;
//  - a Group's CODEOWNERS owner is `@org/slug` from `github.com/team-slug`, else any CODEOWNERS
//    team `@org/<its name>` (case-insensitive), else `group:<name>`;
//  - a parent Group (spec.parent of others, or spec.children) is a cluster of its direct children;
//  - a Component, System, Domain, API or Resource with spec.owner owns the directory of the file
//    that declares it (the root: every file): a rule `/dir/`, deeper directories winning, and at
//    one directory Component over System over Domain.
import type { Cluster, Rule, Team } from '../../model/types';
import { isObject, parseRef, type CatalogEntity } from './parse';

const OWNING_KINDS = ['domain', 'system', 'resource', 'api', 'component'];

export interface CatalogModel {
  teams: Team[];
  clusters: Cluster[];
  rules: Rule[];
}

export function buildCatalogModel(entities: CatalogEntity[], codeownersOwners: string[]): CatalogModel {
  const key = (kind: string, ns: string, name: string) => `${kind}:${ns}/${name}`.toLowerCase();
  const users = new Map(
    entities.filter((e) => e.kind.toLowerCase() === 'user').map((u) => [key('user', u.namespace, u.name), u]),
  );
  const groups = entities.filter((e) => e.kind.toLowerCase() === 'group');
  const ownerOf = new Map(groups.map((g) => [key('group', g.namespace, g.name), groupOwner(g, codeownersOwners)]));
  const teams = groups.map((g) => toTeam(g, users, ownerOf.get(key('group', g.namespace, g.name))!));
  const byKey = new Map(groups.map((g, i) => [key('group', g.namespace, g.name), teams[i]]));
  const clusters = buildClusters(groups, byKey);
  const resolveOwner = (ref: string) => {
    const r = parseRef(ref, 'group');
    if (r.kind === 'user') return userOwner(users.get(key('user', r.namespace, r.name)), r.name);
    return ownerOf.get(key(r.kind, r.namespace, r.name)) ?? `group:${r.name}`;
  };
  const rules = entities
    .filter((e) => OWNING_KINDS.includes(e.kind.toLowerCase()) && typeof e.spec.owner === 'string')
    .map((e) => ({ e, dir: dirOf(e.file) }))
    .sort(
      (a, b) =>
        depth(a.dir) - depth(b.dir) ||
        OWNING_KINDS.indexOf(a.e.kind.toLowerCase()) - OWNING_KINDS.indexOf(b.e.kind.toLowerCase()),
    )
    .map(({ e, dir }) => ({
      line: e.line,
      pattern: dir ? `/${escapeGlob(dir)}/` : '*',
      owners: [resolveOwner(e.spec.owner as string)],
      file: e.file,
    }));
  return { teams, clusters, rules };
}

function toTeam(g: CatalogEntity, users: Map<string, CatalogEntity>, owner: string): Team {
  const profile = isObject(g.spec.profile) ? g.spec.profile : {};
  const members = strings(g.spec.members).flatMap((ref) => {
    const r = parseRef(ref, 'user');
    const u = users.get(`user:${r.namespace}/${r.name}`.toLowerCase());
    return u ? userAliases(u) : [r.name];
  });
  const name = typeof profile.displayName === 'string' ? profile.displayName : (g.title ?? g.name);
  return {
    id: g.name,
    name,
    owners: [owner],
    members: [...new Set(members)],
    clusters: [],
    membersDeclared: Array.isArray(g.spec.members),
  };
}

function buildClusters(groups: CatalogEntity[], byKey: Map<string, Team>): Cluster[] {
  const children = new Map<string, Set<string>>();
  const add = (parent: string, child: string) =>
    (children.get(parent) ?? children.set(parent, new Set()).get(parent)!).add(child);
  for (const g of groups) {
    const self = `group:${g.namespace}/${g.name}`.toLowerCase();
    if (typeof g.spec.parent === 'string') add(refKey(g.spec.parent), self);
    for (const c of strings(g.spec.children)) add(self, refKey(c));
  }
  const clusters: Cluster[] = [];
  for (const [parent, kids] of children) {
    const p = byKey.get(parent);
    const teams = [...kids].map((k) => byKey.get(k)?.id).filter((t): t is string => t !== undefined);
    if (!p || !teams.length) continue;
    clusters.push({ id: p.id, teams });
    for (const k of kids) byKey.get(k)?.clusters.push(p.id);
  }
  return clusters;
}

function refKey(ref: string): string {
  const r = parseRef(ref, 'group');
  return `${r.kind}:${r.namespace}/${r.name}`.toLowerCase();
}

function groupOwner(g: CatalogEntity, codeownersOwners: string[]): string {
  const slug = g.annotations['github.com/team-slug'];
  if (slug) return `@${slug.replace(/^@/, '')}`;
  const same = codeownersOwners.find(
    (o) => o.includes('/') && o.slice(o.indexOf('/') + 1).toLowerCase() === g.name.toLowerCase(),
  );
  return same ?? `group:${g.name}`;
}

function userOwner(u: CatalogEntity | undefined, name: string): string {
  const login = u?.annotations['github.com/user-login'];
  const email = u && isObject(u.spec.profile) && typeof u.spec.profile.email === 'string' ? u.spec.profile.email : null;
  return login ? `@${login}` : (email ?? `user:${name}`);
}

function userAliases(u: CatalogEntity): string[] {
  const profile = isObject(u.spec.profile) ? u.spec.profile : {};
  const login = u.annotations['github.com/user-login'];
  return [
    typeof profile.email === 'string' ? profile.email : null,
    login ? `@${login}` : null,
    u.name,
    typeof profile.displayName === 'string' ? profile.displayName : null,
  ].filter((a): a is string => !!a);
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function dirOf(file: string): string {
  return file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
}

function depth(dir: string): number {
  return dir ? dir.split('/').length : 0;
}

/** A directory name as a literal GitHub pattern (`*`, `?`, `\`, `[`, `]` and spaces escaped). */
function escapeGlob(dir: string): string {
  return dir.replace(/[*?\\[\]\s#]/g, (c) => `\\${c}`);
}
