// The ownership engine: CODEOWNERS + team map → "who owns this path, by which rule, which
// teams". Reads only the two input files (no git, no workspace code), so it is safe in
// untrusted workspaces and fast enough to answer per keystroke.
import { matcherFor } from './matcher-for';
import type { WarmContext } from '../model/warm';
import type { OwnerMatcher } from '../codeowners/matcher';
import type { ParsedCodeowners } from '../codeowners/parse';
import type { Flavor, Problem, Rule, Team, TeamMap } from '../model/types';
import { handleKey } from '../people/names';
import { implicitTeams } from '../teams/derive';
import { loadTeamMap } from '../teams/load';
import { pickCodeowners } from '../sources/codeowners-plus/pick';
import { applyCatalog, type OwnershipSource, type TeamMapInput } from '../sources/backstage/apply';
import { loadCatalog, type Catalog } from '../sources/backstage/load';
import { UserError } from '../contract/errors';

export interface OwnershipOptions {
  flavor?: Flavor;
  /** CODEOWNERS path, absolute or relative to the repository root. */
  codeowners?: string;
  /** Team map path, absolute or relative to the repository root. */
  teams?: string;
  /** Backstage catalog file or directory (default: every catalog-info.yaml in the repository). */
  catalog?: string;
  /** `catalog`: file ownership from the catalog's components alone (default: CODEOWNERS, the catalog where it is silent). */
  ownership?: OwnershipSource;
  /** A long-lived process's state (model/warm.ts): the parsed team map is kept while its text is the same. */
  warm?: WarmContext;
}

export interface WhoResult {
  path: string;
  owners: string[];
  teams: string[];
  rule: RuleRef | null;
  /** GitLab: the deciding rule of every section that matched (owners are their union); Codeowners Plus: the primary and `&` rules. */
  sectionRules?: RuleRef[];
  /** Codeowners Plus `?` rules: reviewers told about a change, not required. */
  optional?: { owners: string[]; rules: RuleRef[] };
}

/** A rule as answers name it; `file` when ownership spans several files, `kind` for `&` / `?` rules. */
export interface RuleRef {
  line: number;
  pattern: string;
  section?: string;
  file?: string;
  kind?: 'and' | 'optional';
}

export interface Ownership {
  root: string;
  flavor: Flavor;
  codeowners: ParsedCodeowners | null;
  /** Declared teams plus one implicit team per CODEOWNERS owner no team lists. */
  teamMap: TeamMap;
  /** Problems of the team map file (CODEOWNERS problems are on `codeowners`). */
  teamMapErrors: Problem[];
  teamMapWarnings: Problem[];
  /** Set when the team map could not be read as one (YAML syntax, duplicate key, alias): the analysis stops on it. */
  teamMapUnreadable?: Problem;
  who(path: string): WhoResult;
  teamsOfOwners(owners: string[]): string[];
  team(id: string): Team | undefined;
  /** The Backstage catalog read, when there is one (its entities are validated by `validate`). */
  catalog?: Catalog;
}

export function loadOwnership(repoDir: string, opts: OwnershipOptions = {}): Ownership {
  const flavor = opts.flavor ?? 'github';
  const codeowners = pickCodeowners(repoDir, { flavor, path: opts.codeowners });
  const parsedMap = loadTeamMap(repoDir, opts.teams, opts.warm);
  const catalog = loadCatalog(repoDir, opts.catalog);
  if (!catalog && opts.ownership === 'catalog')
    throw new UserError(
      '--ownership catalog: no Backstage catalog found (no catalog-info.yaml in the repository) — pass --catalog FILE|DIR',
    );
  return withCatalog(repoDir, flavor, codeowners, parsedMap, catalog, opts.ownership);
}

/**
 * CODEOWNERS and the team map joined with a Backstage catalog (when there is one): the one join
 * every surface uses — `analyze` on the work tree, `review` on each side of a change.
 */
export function withCatalog(
  root: string,
  flavor: Flavor,
  codeowners: ParsedCodeowners | null,
  parsedMap: TeamMapInput | null,
  catalog: Catalog | null,
  source: OwnershipSource = 'codeowners',
): Ownership {
  if (!catalog) return buildOwnership(root, flavor, source === 'catalog' ? null : codeowners, parsedMap);
  const joined = applyCatalog(catalog, codeowners, parsedMap, source);
  return { ...buildOwnership(root, flavor, joined.codeowners, joined.teamMap), catalog };
}

export function buildOwnership(
  root: string,
  flavor: Flavor,
  codeowners: ParsedCodeowners | null,
  parsedMap: { map: TeamMap; errors: Problem[]; warnings: Problem[]; unreadable?: Problem } | null,
): Ownership {
  const declared = parsedMap?.map.teams ?? [];
  const implicit = implicitTeams(codeowners?.rules ?? [], declared);
  const teamMap: TeamMap = {
    path: parsedMap?.map.path ?? null,
    teams: [...declared, ...implicit],
    clusters: parsedMap?.map.clusters ?? [],
    ...(parsedMap?.map.testPaths ? { testPaths: parsedMap.map.testPaths } : {}),
    ...(parsedMap?.map.cost ? { cost: parsedMap.map.cost } : {}),
  };
  const byOwner = indexOwners(teamMap.teams);
  const byId = new Map(teamMap.teams.map((t) => [t.id, t]));
  const matcher: OwnerMatcher | null = codeowners ? matcherFor(codeowners) : null;
  // GitHub handles and team slugs are case-insensitive: `@Org/Team` and `@org/team` are one team.
  const teamsOfOwners = (owners: string[]) =>
    owners.length === 1
      ? (byOwner.get(handleKey(owners[0])) ?? owners)
      : [...new Set(owners.flatMap((o) => byOwner.get(handleKey(o)) ?? [o]))];
  return {
    root,
    flavor,
    codeowners,
    teamMap,
    teamMapErrors: parsedMap?.errors ?? [],
    teamMapWarnings: parsedMap?.warnings ?? [],
    teamMapUnreadable: parsedMap?.unreadable,
    teamsOfOwners,
    team: (id) => byId.get(id),
    who(path) {
      const m = matcher?.match(path) ?? { owners: [], rule: null };
      const out: WhoResult = {
        path,
        owners: m.owners,
        teams: teamsOfOwners(m.owners),
        rule: m.rule && describeRule(m.rule),
      };
      if (m.sectionRules) out.sectionRules = m.sectionRules.map(describeRule);
      if (m.optionalRules)
        out.optional = {
          owners: [...new Set(m.optionalRules.flatMap((r) => r.owners))],
          rules: m.optionalRules.map(describeRule),
        };
      return out;
    },
  };
}

function indexOwners(teams: Team[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const t of teams)
    for (const o of t.owners) map.set(handleKey(o), [...new Set([...(map.get(handleKey(o)) ?? []), t.id])]);
  return map;
}

function describeRule(rule: Rule): RuleRef {
  const out: RuleRef = { line: rule.line, pattern: rule.pattern };
  if (rule.section) out.section = rule.section;
  if (rule.file !== undefined) out.file = rule.file;
  if (rule.kind) out.kind = rule.kind;
  return out;
}
