// `conway init`: a draft conway.yml for the repository, from what the analysis found —
//  - teams: every CODEOWNERS owner (or group of person owners) as a team with the same id, so the
//    analysis with the draft has the same teams, now with membership "declared";
//  - members: the inferred members, each with its evidence (changes, share of the person's
//    changes); person owners resolved to themselves; review groups marked `role: review-group`;
//  - dependsOn: today's cross-team imports, so `conway check` starts green and catches new ones;
//  - publicApi: the files other teams may import today (package entry points, rule index files);
//  - interactions: the mode observed with each other team (org/interactions.ts), on one side of
//    the pair — the consumer of an x-as-a-service, the facilitating team, the first of
//    collaborators — with its evidence; a declared one is kept as declared;
//  - clusters: the suggested clusters of 3–5 teams, and the declared ones.
// Output is YAML written by hand: every string is a JSON string (valid YAML), comments sit beside.
import type { InteractionRow, PersonRow, Report, TeamRow } from '../contract/report';
import { escapeControls } from '../model/quote';

export interface DraftModel {
  report: Report;
  /** Owners of each team id (from the ownership model). */
  ownersOf(team: string): string[];
  /** Declared members of a team (CODEOWNERS person owners, or the team map's). */
  declaredMembersOf(team: string): string[];
  /** Files of the team that other teams may import today. */
  publicApiOf(team: string): string[];
}

const q = (s: string) => JSON.stringify(s);

export function draftTeamMap(m: DraftModel): string {
  const r = m.report;
  const people = new Map((r.people ?? []).map((p) => [p.id, p]));
  const out = header(r);
  out.push('teams:');
  for (const t of r.teams) out.push(...teamBlock(t, m, people));
  const clusters = clusterLines(r);
  if (clusters.length) out.push('clusters:', ...clusters);
  // Strings are JSON strings already; comments carry names from the history (a CR, an ESC): escaped.
  return out.map(escapeControls).join('\n') + '\n';
}

function header(r: Report): string[] {
  return [
    `# conway.yml drafted by \`conway init\` from ${r.repo.codeowners ?? 'no CODEOWNERS'} and ${r.window.commits} commits${r.window.since ? ` since ${r.window.since}` : ''}.`,
    "# Review before committing: members were inferred from history (a person's own changes in the",
    "# window, and how many went to the team's files); dependsOn lists today's imports,",
    '# so `conway check` starts green and flags new cross-team dependencies.',
  ];
}

function teamBlock(t: TeamRow, m: DraftModel, people: Map<string, PersonRow>): string[] {
  const lines = [`  ${q(t.id)}:`];
  if (t.name !== t.id) lines.push(`    name: ${q(t.name)}`);
  lines.push(`    owners: [${m.ownersOf(t.id).map(q).join(', ')}]`);
  if (t.role === 'review-group')
    lines.push(
      `    role: review-group  # approves other teams' code: ${Math.round(100 * (t.approvalShare ?? 0))}% of the changes needed its approval`,
    );
  lines.push(...memberLines(t, m, people));
  if (t.role !== 'review-group')
    lines.push(
      ...dependsOnLines(t.id, m.report),
      ...publicApiLines(m.publicApiOf(t.id)),
      ...interactionLines(t.id, m.report),
    );
  return lines;
}

function memberLines(t: TeamRow, m: DraftModel, people: Map<string, PersonRow>): string[] {
  const declared = m.declaredMembersOf(t.id);
  const inferred = t.members.filter((x) => x.inferred);
  if (!declared.length && !inferred.length) return ['    members: []  # nobody was inferred: list the members'];
  const lines = ['    members:'];
  for (const d of declared) lines.push(`      - ${q(d)}  # declared`);
  for (const x of inferred) {
    lines.push(`      - ${q(alias(x.person, people.get(x.person)))}  # ${x.name}: ${inferredWhy(x)}`);
  }
  return lines;
}

/** The alias the team map matches the person by: an email, else `@handle`, else the git name. */
export function alias(person: string, p: PersonRow | undefined): string {
  if (person.includes('@')) return person;
  const handle = p?.handles.find((h) => h.toLowerCase() === person.toLowerCase());
  if (handle || !p) return `@${handle ?? person}`;
  return p.emails[0] ?? p.names[0] ?? person;
}

function dependsOnLines(team: string, r: Report): string[] {
  const to = [...new Set(r.coupling.static.filter((s) => s.from === team).map((s) => s.to))].sort();
  return [`    dependsOn: [${to.map(q).join(', ')}]  # today's imports`];
}

function publicApiLines(files: string[]): string[] {
  if (!files.length) return [];
  return ['    publicApi:', ...files.map((f) => `      - ${q(escapeGlob(f))}`)];
}

/** A path as a glob matching only itself (`[id].ts` is a Next.js route, not a character class). */
function escapeGlob(path: string): string {
  return path.replace(/[*?[\]{}()!+@\\]/g, '\\$&');
}

/** The side of a pair that writes the interaction down: the consumer, the facilitator, else a. */
function sideOf(i: InteractionRow): string {
  const mode = i.declared?.mode ?? i.observed.mode;
  if (mode === 'x-as-a-service' && i.observed.by) return i.observed.by === i.a ? i.b : i.a;
  if (mode === 'facilitating' && i.observed.by) return i.observed.by;
  return i.a;
}

function interactionLines(team: string, r: Report): string[] {
  const rows = (r.interactions ?? []).filter((i) => (i.declared || i.observed.mode !== 'none') && sideOf(i) === team);
  if (!rows.length) return [];
  const lines = ['    interactions:'];
  for (const i of rows) {
    const other = i.a === team ? i.b : i.a;
    const e = i.observed.evidence;
    const d = i.declared;
    const fields = [
      `team: ${q(other)}`,
      `mode: ${q(d?.mode ?? i.observed.mode)}`,
      ...(d?.purpose ? [`purpose: ${q(d.purpose)}`] : []),
      ...(d?.since ? [`since: ${q(d.since)}`] : []),
      ...(d?.until ? [`until: ${q(d.until)}`] : []),
    ];
    const seen = `observed ${i.observed.mode}: ${e.importsAB + e.importsBA} imports, ${e.sharedCommits} shared change sets, ${e.changesAinB + e.changesBinA} cross-team changes`;
    const note = d
      ? `declared; ${seen}`
      : `${seen}${i.observed.mode === 'collaboration' ? ' — time-box it: add until' : ''}; add purpose`;
    lines.push(`      - { ${fields.join(', ')} }  # ${note}`);
  }
  return lines;
}

function clusterLines(r: Report): string[] {
  const lines = r.clusters.map((c) => `  ${q(c.id)}: [${c.teams.map(q).join(', ')}]`);
  r.suggestions.clusters.forEach((c, i) =>
    lines.push(`  ${q(`cluster-${i + 1}`)}: [${c.teams.map(q).join(', ')}]  # suggested: ${c.reason}`),
  );
  return lines;
}

/** `27 of their 736 changes (3.7%) to this team's files`: the share of the person's own work. */
function inferredWhy(x: { changes: number; ownShare?: number; teamChanges?: number; ownChanges?: number }): string {
  if (x.ownShare === undefined || x.teamChanges === undefined || x.ownChanges === undefined)
    return `${x.changes} changes`;
  return `${x.teamChanges} of their ${x.ownChanges} changes (${Math.round(1000 * x.ownShare) / 10}%) to this team's files`;
}
