// The ownership engine: CODEOWNERS + team map → "who owns this path, by which rule, which
// teams". Reads only the two input files (no git, no workspace code), so it is safe in
// untrusted workspaces and fast enough to answer per keystroke.
import type { WarmContext } from '../model/warm';
import { loadCodeowners } from '../codeowners/load';
import { createMatcher, type OwnerMatcher } from '../codeowners/matcher';
import type { ParsedCodeowners } from '../codeowners/parse';
import type { Flavor, Problem, Rule, Team, TeamMap } from '../model/types';
import { handleKey } from '../people/names';
import { implicitTeams } from '../teams/derive';
import { loadTeamMap } from '../teams/load';

export interface OwnershipOptions {
  flavor?: Flavor;
  /** CODEOWNERS path, absolute or relative to the repository root. */
  codeowners?: string;
  /** Team map path, absolute or relative to the repository root. */
  teams?: string;
  /** A long-lived process's state (model/warm.ts): the parsed team map is kept while its text is the same. */
  warm?: WarmContext;
}

export interface WhoResult {
  path: string;
  owners: string[];
  teams: string[];
  rule: { line: number; pattern: string; section?: string } | null;
  /** GitLab: the deciding rule of every section that matched (owners are their union). */
  sectionRules?: { line: number; pattern: string; section?: string }[];
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
}

export function loadOwnership(repoDir: string, opts: OwnershipOptions = {}): Ownership {
  const flavor = opts.flavor ?? 'github';
  const codeowners = loadCodeowners(repoDir, { flavor, path: opts.codeowners });
  const parsedMap = loadTeamMap(repoDir, opts.teams, opts.warm);
  return buildOwnership(repoDir, flavor, codeowners, parsedMap);
}

export function buildOwnership(
  root: string,
  flavor: Flavor,
  codeowners: ParsedCodeowners | null,
  parsedMap: { map: TeamMap; errors: Problem[]; warnings: Problem[]; unreadable?: Problem } | null,
): Ownership {
  const declared = parsedMap?.map.teams ?? [];
  const implicit = implicitTeams(codeowners?.rules ?? [], declared);
  const teamMap: TeamMap = { path: parsedMap?.map.path ?? null, teams: [...declared, ...implicit], clusters: parsedMap?.map.clusters ?? [] };
  const byOwner = indexOwners(teamMap.teams);
  const byId = new Map(teamMap.teams.map((t) => [t.id, t]));
  const matcher: OwnerMatcher | null = codeowners ? createMatcher(codeowners) : null;
  // GitHub handles and team slugs are case-insensitive: `@Org/Team` and `@org/team` are one team.
  const teamsOfOwners = (owners: string[]) => (owners.length === 1 ? byOwner.get(handleKey(owners[0])) ?? owners : [...new Set(owners.flatMap((o) => byOwner.get(handleKey(o)) ?? [o]))]);
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
      const out: WhoResult = { path, owners: m.owners, teams: teamsOfOwners(m.owners), rule: m.rule && describeRule(m.rule) };
      if (m.sectionRules) out.sectionRules = m.sectionRules.map(describeRule) as WhoResult['sectionRules'];
      return out;
    },
  };
}

function indexOwners(teams: Team[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const t of teams) for (const o of t.owners) map.set(handleKey(o), [...new Set([...(map.get(handleKey(o)) ?? []), t.id])]);
  return map;
}

function describeRule(rule: Rule): WhoResult['rule'] {
  return rule.section ? { line: rule.line, pattern: rule.pattern, section: rule.section } : { line: rule.line, pattern: rule.pattern };
}
