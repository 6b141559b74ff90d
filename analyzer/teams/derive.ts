// Teams for CODEOWNERS owners the team map does not mention:
//  - an `@org/team` owner is its own team whose id is the owner as first written in CODEOWNERS;
//  - a person owner (`@user` or an email) is a one-person team whose only member is that person;
//  - person owners always listed together (exactly the same rules, `/packages/auth @a @b @c`)
//    form one implicit group team — named after its directory when its rules share one, else
//    after its members — instead of several one-person teams coupled 100% to each other.
// Owners compare case-insensitively (GitHub handles and team slugs are; names.ts).
import { isTeamOwner } from '../model/owner-syntax';
import type { Rule, Team } from '../model/types';
import { handleKey } from '../people/names';

export { membershipOf } from '../model/owner-syntax';

export function ownerTeam(owner: string): Team {
  return {
    id: owner,
    name: owner,
    owners: [owner],
    members: isTeamOwner(owner) ? [] : [owner],
    clusters: [],
    implicit: true,
  };
}

/** One implicit team per owner (or group of person owners always listed together) that no team lists. */
export function implicitTeams(rules: Rule[], declared: Team[]): Team[] {
  const { spelling, rulesOf } = unmapped(rules, declared);
  const bySignature = new Map<string, string[]>();
  for (const [k, lines] of rulesOf)
    if (!isTeamOwner(spelling.get(k)!))
      (bySignature.get(lines.join()) ?? bySignature.set(lines.join(), []).get(lines.join())!).push(k);
  const out: Team[] = [];
  const done = new Set<string>();
  for (const [k, owner] of spelling) {
    if (done.has(k)) continue;
    const mates = isTeamOwner(owner) ? [k] : bySignature.get(rulesOf.get(k)!.join())!;
    for (const m of mates) done.add(m);
    const lines = new Set(rulesOf.get(k));
    out.push(
      mates.length > 1
        ? groupTeam(
            mates.map((m) => spelling.get(m)!),
            rules.filter((r) => lines.has(r.line)),
          )
        : ownerTeam(owner),
    );
  }
  return out;
}

/** Owners of the rules no team lists: key → first spelling, key → rule lines (ascending, distinct). */
function unmapped(rules: Rule[], declared: Team[]) {
  const mapped = new Set(declared.flatMap((t) => t.owners.map(handleKey)));
  const spelling = new Map<string, string>();
  const rulesOf = new Map<string, number[]>();
  for (const r of rules) {
    for (const o of r.owners) {
      const k = handleKey(o);
      if (mapped.has(k)) continue;
      if (!spelling.has(k)) spelling.set(k, o);
      const lines = rulesOf.get(k) ?? rulesOf.set(k, []).get(k)!;
      if (lines[lines.length - 1] !== r.line) lines.push(r.line);
    }
  }
  return { spelling, rulesOf };
}

/** Named after the path one of its rules names when that path contains all the others, else after its members. */
function groupTeam(owners: string[], rules: Rule[]): Team {
  const paths = rules.map((r) => literalPath(r.pattern));
  const top = paths.every((d) => d !== null) ? commonDirectory(paths as string[]) : null;
  const name = top && paths.includes(top) ? top : owners.join(', ');
  return { id: owners.join('+'), name, owners, members: [...owners], clusters: [], implicit: true };
}

function literalPath(pattern: string): string | null {
  const p = pattern.replace(/^\//, '').replace(/\/(\*\*)?$/, '');
  return p && !/[*?[\\]/.test(p) ? p : null;
}

function commonDirectory(dirs: string[]): string | null {
  let parts = dirs[0].split('/');
  for (const d of dirs.slice(1)) {
    const p = d.split('/');
    let i = 0;
    while (i < parts.length && i < p.length && parts[i] === p[i]) i++;
    parts = parts.slice(0, i);
  }
  return parts.length ? parts.join('/') : null;
}
