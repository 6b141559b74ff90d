// `conway merge`: one organization report from per-repository reports, read one at a time.
// The repository is a dimension everywhere: file paths and violation locations are prefixed
// with the repository name (`web/src/a.ts`), teams list their repositories, `org.repositories`
// lists each one. Aggregates (teams, clusters, people, couplings) stay in memory; files,
// violations and outside imports are spooled to disk (spool.ts), so memory is bounded by the
// number of teams and people, not by the number of files.
import { basename } from 'node:path';
import { UserError } from '../contract/errors';
import type { Shortfalls } from '../metrics/sample-size';
import { MIN_SAMPLE, shortfallNotes } from '../metrics/sample-size';
import { couplingDegree } from '../metrics/change-coupling';
import {
  SCHEMA_VERSION,
  type CrossRepoDependency,
  type Finding,
  type OrgRepository,
  type PersonRow,
  type Report,
  type StaticCoupling,
  type TeamCoupling,
} from '../contract/report';
import { asStaticCoupling, crossRepoDependencies, type Publisher } from './dependencies';
import { readReport } from './read';
import { Spool } from './spool';
import { TeamMerger } from './teams';

export interface Merged {
  /** The report with empty `files` and `violations`: those are in the spool (write.ts streams them). */
  report: Report;
  spool: Spool;
}

export interface MergeInput {
  path: string;
  /** The repository's name in the merge; default the analysed directory's name. */
  name?: string;
}

export async function mergeReports(
  inputs: MergeInput[],
  opts: { minSample?: number; now?: Date } = {},
): Promise<Merged> {
  const spool = new Spool();
  const state = newState();
  try {
    for (const input of inputs) addReport(state, readReport(input.path), spool, input);
    const dependencies = await crossRepoDependencies(spool, state.publishers, (t) => state.teams.canonical(t));
    return { report: finish(state, dependencies, opts.now ?? new Date(), opts.minSample ?? MIN_SAMPLE), spool };
  } catch (e) {
    spool.remove();
    throw e;
  }
}

function newState() {
  return {
    teams: new TeamMerger(),
    repos: [] as OrgRepository[],
    names: new Set<string>(),
    notes: [] as string[],
    heads: new Map<string, string>(),
    publishers: new Map<string, Publisher>(),
    people: new Map<string, PersonRow>(),
    teamCoupling: new Map<string, TeamCoupling>(),
    staticCoupling: new Map<string, StaticCoupling>(),
    findings: [] as Finding[],
    since: null as string | null,
    commits: 0,
    mode: 'numstat' as Report['window']['mode'],
    last: null as { sha: string; date: string } | null,
  };
}
type State = ReturnType<typeof newState>;

function addReport(s: State, r: Report, spool: Spool, input: MergeInput): void {
  // Each repository once: a merged report, or two reports of one commit (last quarter's window
  // beside this one's, a glob that caught both), would count the same history twice.
  if (r.org)
    throw new UserError(
      `${input.path}: a merged report (${r.org.repositories.length} repositories) — merge the per-repository reports it came from instead`,
    );
  const seen = r.repo.head ? s.heads.get(r.repo.head) : undefined;
  if (seen)
    throw new UserError(
      `${input.path}: a report of the same commit (${r.repo.head!.slice(0, 12)}) as ${seen} — give one report per repository (for history over time use \`conway snapshot\`)`,
    );
  if (r.repo.head) s.heads.set(r.repo.head, input.path);
  const name = uniqueName(s.names, input.name ?? basename(r.repo.root || input.path.replace(/\.json$/, '')));
  const at = (p: string) => `${name}/${p}`;
  s.repos.push({
    name,
    head: r.repo.head,
    since: r.window.since,
    commits: r.window.commits,
    files: r.files.length,
    teams: r.teams.length,
  });
  s.commits += r.window.commits;
  if (r.window.since && (!s.since || r.window.since < s.since)) s.since = r.window.since;
  if (r.window.mode === 'name-status') s.mode = 'name-status';
  if (r.window.last && (!s.last || r.window.last.date > s.last.date)) s.last = r.window.last;
  for (const t of r.teams) s.teams.addTeam(name, t);
  for (const c of r.clusters) s.teams.addCluster(c);
  for (const f of r.files) spool.push('files', { ...f, path: at(f.path) });
  for (const v of r.violations)
    spool.push('violations', {
      ...v,
      file: at(v.file),
      fingerprint: `${name}:${v.fingerprint}`,
      ...(v.group ? { group: `${name}:${v.group}` } : {}),
    });
  for (const f of r.findings ?? [])
    s.findings.push({
      ...f,
      id: `${name}:${f.id}`,
      target: f.target && at(f.target),
      examples: f.examples.map((e) => ({ ...e, file: at(e.file) })),
    });
  for (const i of r.externalImports ?? []) spool.push('imports', { repository: name, ...i });
  for (const p of r.packages ?? []) addPublisher(s, name, p);
  for (const p of r.people ?? []) mergePerson(s.people, p);
  for (const c of r.coupling.teams) mergeTeamCoupling(s, c);
  for (const c of r.coupling.static) mergeStatic(s.staticCoupling, c, at);
  s.notes.push(...r.notes.map((n) => `${name}: ${n}`));
}

function uniqueName(names: Set<string>, base: string): string {
  let name = base || 'repository';
  for (let i = 2; names.has(name.toLowerCase()); i++) name = `${base}-${i}`;
  names.add(name.toLowerCase());
  return name;
}

function addPublisher(s: State, repository: string, p: { name: string; teams: string[] }): void {
  const known = s.publishers.get(p.name);
  if (!known) s.publishers.set(p.name, { repository, teams: p.teams });
  else if (known.repository !== repository)
    s.notes.push(
      `package ${p.name} is declared by ${known.repository} and ${repository}: imports of it are counted as ${known.repository}'s`,
    );
}

function mergePerson(people: Map<string, PersonRow>, p: PersonRow): void {
  const cur = people.get(p.id);
  if (!cur) {
    people.set(p.id, {
      ...p,
      names: [...p.names],
      emails: [...p.emails],
      handles: [...p.handles],
      teams: [...p.teams],
      merged: [...p.merged],
    });
    return;
  }
  cur.changes += p.changes;
  cur.commits += p.commits;
  for (const k of ['names', 'emails', 'handles', 'teams'] as const)
    for (const v of p[k]) if (!cur[k].includes(v)) cur[k].push(v);
}

/** Shared change sets and each team's revs summed over the repositories where the pair was reported. */
function mergeTeamCoupling(s: State, c: TeamCoupling): void {
  const [a, b] = [s.teams.canonical(c.a), s.teams.canonical(c.b)];
  const key = `${a.toLowerCase()}\0${b.toLowerCase()}`;
  const cur =
    s.teamCoupling.get(key) ??
    s.teamCoupling.set(key, { a, b, sharedCommits: 0, degree: 0, commits: [], revsA: 0, revsB: 0 }).get(key)!;
  cur.sharedCommits += c.sharedCommits;
  cur.revsA! += c.revsA ?? 0;
  cur.revsB! += c.revsB ?? 0;
  for (const sha of c.commits) if (cur.commits.length < 20) cur.commits.push(sha);
}

function mergeStatic(pairs: Map<string, StaticCoupling>, c: StaticCoupling, at: (p: string) => string): void {
  const key = `${c.from.toLowerCase()}\0${c.to.toLowerCase()}`;
  const cur = pairs.get(key) ?? pairs.set(key, { from: c.from, to: c.to, edges: 0, examples: [] }).get(key)!;
  cur.edges += c.edges;
  for (const e of c.examples) if (cur.examples.length < 20) cur.examples.push({ ...e, file: at(e.file) });
}

function finish(s: State, dependencies: CrossRepoDependency[], now: Date, min: number): Report {
  for (const d of asStaticCoupling(dependencies)) mergeStatic(s.staticCoupling, d, (p) => p);
  const short: Shortfalls = new Map();
  const teams = s.teams.finishTeams(short, min);
  const notes = [...shortfallNotes(short, 'teams', min)];
  short.clear();
  const clusters = s.teams.finishClusters(short, min);
  notes.push(...shortfallNotes(short, 'clusters', min));
  if (s.teams.uncounted.size)
    notes.push(
      `${s.teams.uncounted.size} teams come from reports without counts (older Conway): their ratios cover only the reports with counts`,
    );
  const teamCoupling = [...s.teamCoupling.values()].map((c) => ({
    ...c,
    degree: c.revsA && c.revsB ? couplingDegree(c.sharedCommits, c.revsA, c.revsB) : 0,
  }));
  return {
    schemaVersion: SCHEMA_VERSION,
    generatedAt: now.toISOString(),
    repo: {
      root: `${s.repos.length} repositories`,
      head: null,
      branch: null,
      codeowners: null,
      teamMap: null,
      shallow: false,
    },
    window: { since: s.since, until: null, commits: s.commits, mode: s.mode, last: s.last },
    notes: [...notes, ...s.notes],
    teams,
    clusters,
    files: [],
    declaredModules: [],
    coupling: {
      files: [],
      teams: teamCoupling.sort((a, b) => b.sharedCommits - a.sharedCommits),
      static: [...s.staticCoupling.values()].sort((a, b) => b.edges - a.edges),
    },
    graph: null,
    violations: [],
    findings: rank(s.findings),
    people: [...s.people.values()].sort((a, b) => b.changes - a.changes),
    modules: [],
    suggestions: { codeowners: [], clusters: [] },
    org: { repositories: s.repos, dependencies },
  };
}

function rank(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => b.changes - a.changes || b.count - a.count).map((f, i) => ({ ...f, rank: i + 1 }));
}
