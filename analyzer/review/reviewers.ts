// Suggested reviewers: for each team whose approval is required, the members of that team who
// made most of the recent changes to the changed files (code-maat's "main developer" — most
// lines added, by changes when there are no line counts — restricted to the team). Membership
// is the analysis's: declared by the team map, else inferred from where a person works most
// (metrics/membership.ts). The change's own authors are left out: nobody approves their own work.
// A review group without declared members gets the files' recent main authors (basis says which).
// A person named as owner (`@handle` without a team part, or an e-mail) is the reviewer: that person.
import { resolveMembership } from '../metrics/membership';
import type { Commit } from '../model/types';
import { makeDeclaredTeamsOf } from '../pipeline/membership';
import type { SideModel } from './side-model';
import type { Review, ReviewApproval } from '../contract/review';

const PER_TEAM = 3;

export interface ReviewerInput {
  commits: Commit[];
  /** Renames of the change, old path → new path (the history names files by their newest name). */
  renames: Map<string, string>;
  /** Commits of the change itself: their authors are left out. */
  own: Set<string>;
  /** Unix seconds: only commits since then are recent. */
  since: number;
}

type Work = Map<string, { name: string; changes: number; lines: number | null }>;

export function suggestReviewers(
  input: ReviewerInput,
  approvals: ReviewApproval[],
  base: SideModel,
): Review['reviewers'] {
  const teams = [...new Set(approvals.flatMap((a) => a.teams))].sort();
  if (!teams.length) return [];
  const teamsOf = (p: string) => base.who(p).teams;
  const declaredTeamsOf = makeDeclaredTeamsOf(base.ownership.teamMap.teams, input.commits);
  const authors = new Set(input.commits.filter((c) => input.own.has(c.sha)).map((c) => c.author));
  const pathsOf = new Map(
    teams.map((team) => {
      const files = approvals.filter((a) => a.teams.includes(team)).flatMap((a) => a.files);
      return [team, new Set([...files, ...files.map((f) => input.renames.get(f) ?? f)])];
    }),
  );
  const everyPath = new Set([...pathsOf.values()].flatMap((s) => [...s]));
  const candidates = new Set([...recentWork(input, everyPath, (p) => !authors.has(p)).keys()]);
  const members = resolveMembership(
    {
      commits: input.commits,
      teams: base.ownership.teamMap.teams,
      reviewGroups: base.reviewGroups,
      teamsOf,
      deliveryTeamsOf: base.deliveryTeamsOf,
      declaredTeamsOf,
    },
    candidates,
  );
  return teams.map((team) => {
    if (isPersonOwner(team))
      return { team, basis: 'person-owner' as const, people: [{ person: team, name: team, changes: 0, lines: null }] };
    // A review group (an approver pool on many rules) lists no members anywhere Conway can see:
    // its suggestions are the files' recent main authors, said as such.
    const pool = base.reviewGroups.has(team) && !base.ownership.team(team)?.members.length;
    const eligible = pool
      ? (person: string) => candidates.has(person)
      : (person: string) => candidates.has(person) && Boolean(members.get(person)?.teams.includes(team));
    return {
      team,
      basis: pool ? ('recent-authors' as const) : ('members' as const),
      people: top(recentWork(input, pathsOf.get(team)!, eligible)),
    };
  });
}

function top(work: Work): Review['reviewers'][number]['people'] {
  return [...work]
    .sort(
      ([a, x], [b, y]) => (y.lines ?? y.changes) - (x.lines ?? x.changes) || y.changes - x.changes || (a < b ? -1 : 1),
    )
    .slice(0, PER_TEAM)
    .map(([person, w]) => ({ person, name: w.name, changes: w.changes, lines: w.lines }));
}

function recentWork(input: ReviewerInput, paths: Set<string>, eligible: (person: string) => boolean): Work {
  const out: Work = new Map();
  for (const c of input.commits) {
    if (c.date < input.since || !eligible(c.author)) continue;
    for (const f of c.files) {
      if (!paths.has(f.path)) continue;
      const w = out.get(c.author) ?? out.set(c.author, { name: c.authorName, changes: 0, lines: null }).get(c.author)!;
      w.changes++;
      if (f.added !== null) w.lines = (w.lines ?? 0) + f.added;
    }
  }
  return out;
}

/** `@handle` (no `/team` part) or an e-mail address: CODEOWNERS names a person, not a team. */
export function isPersonOwner(owner: string): boolean {
  return /^@[^/\s]+$/.test(owner) || /^[^@\s]+@[^@\s]+$/.test(owner);
}
