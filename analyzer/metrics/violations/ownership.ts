// Ownership violations:
//  unowned             a TS/JS source file at HEAD that no CODEOWNERS rule matches (only
//                      reported when the repository has a CODEOWNERS file);
//  ownership-drift     over the window the declared delivery team(s) made under driftShare of a
//                      file's changes (≥ 3 changes) while one other delivery team made the
//                      majority (review groups neither own nor take over files here; a
//                      message says when either team's membership was inferred from history).
//                      Commits touching more than maxChangesetSize files (sweeps, releases)
//                      count for nothing: a platform-wide upgrade is nobody's takeover.
//                      Not for CODEOWNERS files or forge settings (`.github/`, `.gitlab/`):
//                      who may approve those is a protection rule, not the busiest team.
//  invalid-codeowners  a CODEOWNERS line GitHub would reject (from the parser's errors).
import { suggestLine, withCoOwners } from '../../model/suggest-line';
import type { Problem } from '../../model/types';
import { INFERRED_MEMBERSHIP } from '../../contract/report';
import { membershipOf } from '../../model/owner-syntax';
import type { MetricsInput, MetricsOptions } from '../input';
import { primaryTeam, type Membership } from '../membership';
import type { Draft } from './fingerprint';

const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const PROTECTED = /(^|\/)CODEOWNERS$|^\.(github|gitlab)\//;
/** A file drifts only with at least this many changes in the window (fewer say nothing about who does the work). */
export const DRIFT_MIN_CHANGES = 3;

/** CODEOWNERS files and forge settings: who approves them is a protection rule, never a team's code to move. */
export function isForgeFile(path: string): boolean {
  return PROTECTED.test(path);
}

export function unowned(files: string[], hasRule: (p: string) => boolean, codeowners: string): Draft[] {
  return files
    .filter((f) => SOURCE.test(f) && !hasRule(f))
    .map((file) => ({
      kind: 'unowned' as const,
      file,
      line: 1,
      fromTeam: null,
      toTeam: null,
      target: null,
      message: `no CODEOWNERS rule matches this file: add a rule for it (or its directory) to ${codeowners}`,
    }));
}

/** changesOf(file): each author's changes to the file in the window (the per-file aggregates), recounted without sweeping commits when there are any. */
/** ownersOf(file): the owners its current rule lists; teamOwners(team): the CODEOWNERS owners that mean the team. */
export function ownershipDrift(
  input: MetricsInput,
  members: Map<string, Membership>,
  opts: MetricsOptions,
  owners: {
    ownerOf: (team: string) => string;
    ownersOf: (file: string) => string[];
    teamOwners: (team: string) => string[];
  },
  allChangesOf: (file: string) => Map<string, { changes: number }> | undefined,
): Draft[] {
  const { ownerOf } = owners;
  const inferredTeams = new Set(input.teams.filter((t) => membershipOf(t) === 'inferred').map((t) => t.id));
  const changesOf = input.commits.some((c) => c.files.length > opts.maxChangesetSize)
    ? withoutSweeps(input, opts.maxChangesetSize)
    : allChangesOf;
  const out: Draft[] = [];
  for (const file of input.files) {
    const declared = input.deliveryTeamsOf(file);
    const byAuthor = changesOf(file);
    if (!declared.length || !byAuthor || isForgeFile(file)) continue;
    // A change by a member of a declared team counts for the declared owner, else for the author's primary team.
    const counts = new Map<string, number>();
    let total = 0;
    for (const [a, { changes: n }] of byAuthor) {
      const t = members.get(a)?.teams.some((x) => declared.includes(x))
        ? declared[0]
        : deliveryTeam(members, a, input.reviewGroups);
      counts.set(t, (counts.get(t) ?? 0) + n);
      total += n;
    }
    if (total < DRIFT_MIN_CHANGES) continue;
    const own = counts.get(declared[0]) ?? 0;
    if (own / total >= opts.driftShare) continue;
    let other: string | null = null; // the undeclared team with most changes; ties: the first counted
    let n = 0;
    for (const [t, k] of counts)
      if (k > n && !declared.includes(t) && !t.startsWith('person:') && !input.reviewGroups.has(t)) [other, n] = [t, k];
    if (!other || n / total <= 0.5) continue;
    out.push({
      kind: 'ownership-drift',
      file,
      line: 1,
      fromTeam: declared[0],
      toTeam: other,
      target: null,
      message: `declared owner ${declared.join(', ')} made ${pct(own, total)} of the ${total} changes in the window, team ${other} made ${pct(n, total)}: make ${other} the owner (\`${suggestLine(file, false, withCoOwners(owners.ownersOf(file), declared.flatMap(owners.teamOwners), ownerOf(other)))}\` in CODEOWNERS) or hand the work back${inferredNote([...declared, other], inferredTeams)}`,
    });
  }
  return out;
}

/** Per file, each author's changes in commits of at most `max` files. */
function withoutSweeps(
  input: MetricsInput,
  max: number,
): (file: string) => Map<string, { changes: number }> | undefined {
  const byFile = new Map<string, Map<string, { changes: number }>>();
  for (const c of input.commits) {
    if (c.files.length > max) continue;
    for (const f of c.files) {
      const m = byFile.get(f.path) ?? byFile.set(f.path, new Map()).get(f.path)!;
      const e = m.get(c.author);
      if (e) e.changes++;
      else m.set(c.author, { changes: 1 });
    }
  }
  return (file) => byFile.get(file);
}

/** Drift measured against guessed members says so. */
/** The team a person's changes count for in drift: their first team that is not a review group. */
function deliveryTeam(members: Map<string, Membership>, person: string, reviewGroups: Set<string>): string {
  return members.get(person)?.teams.find((t) => !reviewGroups.has(t)) ?? primaryTeam(members, person);
}

function inferredNote(teams: string[], inferredTeams: Set<string>): string {
  return teams.some((t) => inferredTeams.has(t)) ? ` (${INFERRED_MEMBERSHIP})` : '';
}

export function invalidCodeowners(errors: Problem[]): Draft[] {
  return errors.map((e) => ({
    kind: 'invalid-codeowners' as const,
    file: e.file,
    line: Math.max(1, e.line),
    fromTeam: null,
    toTeam: null,
    target: e.message,
    message: e.message,
  }));
}

function pct(n: number, d: number): string {
  return `${Math.round((100 * n) / d)}%`;
}
