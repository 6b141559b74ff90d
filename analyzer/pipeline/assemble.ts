// Joins the metric results into the versioned Report (analyzer/contract/report.ts).
import { ownershipCoverage } from '../metrics/coverage';
import { isCatchAll } from './public-api';
import { lostLineNotes } from '../history/lost-lines';
import type { BotTest } from '../history/bots';
import type { HistoryResult } from '../history/mine';
import { peopleRows } from '../people/rows';
import { membershipOf } from '../teams/derive';
import type { People } from './people';
import type { ImportGraphResult } from '../imports';
import { autonomy } from '../metrics/autonomy';
import { honestAutonomy, shortfallNotes, type Shortfalls } from '../metrics/sample-size';
import { computeHistoryMetrics } from '../metrics/history';
import type { MetricsInput, MetricsOptions } from '../metrics/input';
import { computeStructure } from '../metrics/structure';
import type { Ownership } from '../ownership';
import { SCHEMA_VERSION, type FileRow, type GroupCounts, type Report, type TeamRow } from '../contract/report';
import type { GroupHistory } from '../metrics/team-history';
import { findingsOf } from './findings';
import type { TeamworkStore } from './teamwork-cache';
import { teamworkSections } from './teamwork-sections';
import { prLoginText, type ChangeSetSummary, type PrLogins } from '../contract/teamwork-crossing';
import type { PrLoginPeople } from './change-sets';
import type { Membership } from '../metrics/membership';
import type { PeriodKind } from '../org/period';

export interface AssembleContext {
  root: string;
  ownership: Ownership;
  history: HistoryResult;
  graph: ImportGraphResult | null;
  input: MetricsInput;
  options: MetricsOptions;
  publicHint(team: string, target: string): string;
  people: People;
  isBot: BotTest;
  branch: string | null;
  since: string | null;
  until: string | null;
  now: Date;
  /** How the commits were grouped (pipeline/change-sets.ts); absent: no summary, no crossing rows. */
  changeSets?: ChangeSetSummary;
  /** With `--prs`: the export's logins and the people they resolved to (pipeline/change-sets.ts). */
  prLogins?: PrLoginPeople;
  /** Periods of the crossing rows. */
  period?: PeriodKind;
  /** The team-work passes' results kept between runs (pipeline/teamwork-cache.ts); absent: computed each time. */
  teamworkStore?: TeamworkStore;
}

/** Owned by a rule with owners; by a catch-all rule only; or by no rule (an owner-less rule makes files unowned). */
function ownershipKind(w: { owners: string[]; rule: { pattern: string } | null }): 'owned' | 'catch-all' | 'unowned' {
  if (!w.rule || !w.owners.length) return 'unowned';
  return isCatchAll(w.rule.pattern) ? 'catch-all' : 'owned';
}

export function assembleReport(ctx: AssembleContext): Report {
  const { input, ownership } = ctx;
  const hist = computeHistoryMetrics(input, ctx.options);
  const struct = computeStructure(input, ctx.options, {
    members: hist.members,
    fileCoupling: hist.coupling.files,
    teamCoupling: hist.coupling.teams,
    codeowners: ownership.codeowners?.path ?? null,
    codeownersErrors: ownership.codeowners?.errors ?? [],
    hasRule: (p) => ownership.who(p).rule !== null,
    ownersOf: (p) => ownership.who(p).owners,
    publicHint: ctx.publicHint,
    changesOf: hist.changesOf,
  });
  const ownedChanges = countOwnedChanges(input);
  const short: Shortfalls = new Map();
  const noMembers: string[] = [];
  // The gate (`conway check`) prints violations, findings, window and coverage: no rows, crossing or scorecard.
  const gate = ctx.options.gateOnly === true;
  const teams: TeamRow[] = (gate ? [] : input.teams).map((t) => {
    const g = hist.teams.get(t.id)!;
    const s = struct.perTeam.get(t.id)!;
    const review = input.reviewGroups.has(t.id);
    const members = hist.memberRows(t.id);
    // Inferred membership that found nobody: integrity would read 0 though nobody's work was measured.
    // (Delivery independence counts members' commits: it is null too.) Too few changes stay a sample shortfall.
    const nobody = membershipOf(t) === 'inferred' && !members.length && !review && !input.botOwners?.has(t.id);
    if (nobody) noMembers.push(t.id);
    const unmeasured = nobody && g.changes >= ctx.options.minSample;
    const a = honestAutonomy(
      { id: t.id, ...g, alignment: unmeasured ? null : g.alignment, dependency: s.dependency },
      short,
      ctx.options.minSample,
    );
    const row: TeamRow = {
      id: t.id,
      name: t.name,
      cluster: t.clusters[0] ?? null,
      membership: membershipOf(t),
      role: review ? 'review-group' : 'team',
      members,
      files: g.files,
      changes: g.changes,
      commits: g.commits,
      linesAdded: g.linesAdded,
      linesDeleted: g.linesDeleted,
      authors: g.authors,
      alignment: a.ownershipIntegrity,
      fragmentation: g.fragmentation,
      truckFactor: g.truckFactor,
      truckFactorAuthors: g.truckFactorAuthors,
      knowledgeIslands: g.knowledgeIslands,
      autonomy: a,
      afferent: s.afferent,
      efferent: s.efferent,
      instability: s.instability,
      trend: g.trend,
      counts: withDependency(g.counts, s.dependency),
    };
    if (input.alsoReviews?.has(t.id)) row.alsoReviews = true;
    if (input.botOwners?.has(t.id)) return asBotOwner(row);
    return review ? asReviewGroup(row, ownedChanges) : row;
  });
  const teamNotes = shortfallNotes(short, 'teams', ctx.options.minSample);
  short.clear();
  const clusters = (gate ? [] : input.clusters).map((c) => {
    const h = hist.clusters.get(c.id)!;
    const dependency = struct.clusterDependency.get(c.id) ?? null;
    return {
      id: c.id,
      teams: c.teams,
      autonomy: honestAutonomy({ id: c.id, ...h, dependency }, short, ctx.options.minSample),
      counts: { ...withDependency(h.counts, dependency), changes: h.changes, commits: h.commits },
    };
  });
  const period = ctx.period ?? ctx.options.period ?? 'quarter';
  const changeSets = withLogins(ctx.changeSets, ctx.prLogins, hist.members);
  const { work, violations, findings, crossed, card } = teamworkSections(
    ctx,
    hist,
    struct,
    changeSets,
    period,
    gate,
    (violations, weight) => findingsOf(violations, input, ownership, hist.files, weight),
  );
  return {
    schemaVersion: SCHEMA_VERSION,
    generatedAt: ctx.now.toISOString(),
    repo: {
      root: ctx.root,
      head: ctx.history.head,
      branch: ctx.branch,
      codeowners: ownership.codeowners?.path ?? null,
      teamMap: ownership.teamMap.path,
      shallow: ctx.history.shallow,
    },
    window: {
      since: ctx.since,
      until: ctx.until,
      commits: input.commits.length,
      mode: ctx.history.mode,
      ...windowEnds(input.commits),
    },
    coverage: ownershipCoverage({
      files: input.files,
      commits: input.commits,
      ownershipOf: (p) => ownershipKind(ownership.who(p)),
    }),
    notes: [
      ...ctx.history.notes,
      ...(ctx.graph?.notes ?? []),
      ...(ownership.codeowners ? [] : ['no CODEOWNERS file found: every file is unowned']),
      ...lostLineNotes(input.commits, ctx.history.mode),
      ...teamNotes,
      ...noMemberNotes(noMembers, ctx.options),
      ...botOwnerNotes(input.botOwners, ownership.codeowners?.path ?? null),
      ...shortfallNotes(short, 'clusters', ctx.options.minSample),
      ...struct.notes,
      ...work.notes,
      ...changeSetNotes(changeSets),
      ...prLoginNotes(changeSets),
    ],
    teams,
    clusters,
    files: hist.files.map((f) => withOwners(f, ownership)),
    declaredModules: hist.declaredModules,
    coupling: { files: hist.coupling.files, teams: hist.coupling.teams, static: struct.static },
    graph: ctx.graph && graphSummary(ctx.graph),
    violations,
    findings,
    modules: struct.modules,
    suggestions: struct.suggestions,
    people: gate
      ? []
      : peopleRows({
          merge: ctx.people.merge,
          mailmap: ctx.people.mailmap,
          members: hist.members,
          bots: ctx.history.bots,
          isBot: ctx.isBot,
        }),
    ...crossed,
    interactions: work.interactions,
    coordination: work.coordination,
    ...card,
  };
}

/** What the change sets are, so a reader knows what "shared commits" counted. */
function changeSetNotes(s: ChangeSetSummary | undefined): string[] {
  if (!s || s.mode === 'commit' || s.changeSets === s.commits) return [];
  const kinds = [
    s.byKind.pr && `${s.byKind.pr} pull request${s.byKind.pr === 1 ? '' : 's'}`,
    s.byKind.merge && `${s.byKind.merge} merged branch${s.byKind.merge === 1 ? '' : 'es'}`,
    s.byKind.commit && `${s.byKind.commit} single commit${s.byKind.commit === 1 ? '' : 's'}`,
  ].filter(Boolean);
  const prs = s.prs ? `; ${s.prs.matched} of ${s.prs.exported} pull requests in ${s.prs.file} matched a commit` : '';
  return [
    `change sets: ${s.commits} commits grouped into ${s.changeSets} changes (${kinds.join(', ')})${prs}; change coupling and shared commits count changes (--change-sets commit: one per commit)`,
  ];
}

/** The `--prs` summary with how many of the export's logins resolve to no team member. */
function withLogins(
  s: ChangeSetSummary | undefined,
  logins: PrLoginPeople | undefined,
  members: Map<string, Membership>,
): ChangeSetSummary | undefined {
  if (!s?.prs || !logins) return s;
  const outside = (m: Map<string, string>) =>
    [...m]
      .filter(([, person]) => !members.get(person)?.teams.length)
      .map(([login]) => login)
      .sort();
  const authors = outside(logins.authors);
  const reviewers = outside(logins.reviewers);
  const counts: PrLogins = {
    authors: logins.authors.size,
    unmatchedAuthors: authors.length,
    reviewers: logins.reviewers.size,
    unmatchedReviewers: reviewers.length,
    examples: [...new Set([...reviewers, ...authors])].slice(0, 10),
  };
  return { ...s, prs: { ...s.prs, logins: counts } };
}

function prLoginNotes(s: ChangeSetSummary | undefined): string[] {
  const t = prLoginText(s);
  return t ? [t] : [];
}

function withDependency(c: GroupHistory['counts'], dep: { ok: number; total: number } | null): GroupCounts {
  return {
    aligned: c.aligned,
    memberCommits: c.memberCommits,
    independent: c.independent,
    dependencyOk: dep?.ok ?? 0,
    dependencyTotal: dep?.total ?? 0,
    changesByTeam: c.changesByTeam,
    authors: c.authors,
  };
}

function countOwnedChanges(input: AssembleContext['input']): number {
  let n = 0;
  for (const c of input.commits) for (const f of c.files) if (input.teamsOf(f.path).length) n++;
  return n;
}

/**
 * A review group approves other teams' code: its share of approvals is reported; delivery
 * independence is not its measure, and without declared members neither is integrity.
 */
function asReviewGroup(row: TeamRow, ownedChanges: number): TeamRow {
  row.approvalShare = ownedChanges ? Math.round((1000 * row.changes) / ownedChanges) / 1000 : 0;
  const integrity = row.membership === 'declared' ? row.autonomy.ownershipIntegrity : null;
  if (row.membership !== 'declared') row.alignment = null;
  row.autonomy = autonomy({ deliveryIndependence: null, ownershipIntegrity: integrity, dependencyIndependence: null });
  return row;
}

/** A bot account as owner approves for a tool: no members, no score, no coupling (it delivers nothing). */
function asBotOwner(row: TeamRow): TeamRow {
  row.role = 'bot';
  row.members = [];
  row.alignment = null;
  row.autonomy = autonomy({ deliveryIndependence: null, ownershipIntegrity: null, dependencyIndependence: null });
  return row;
}

/** Teams whose inferred membership found nobody: their integrity and delivery independence are "–", never 0. */
function noMemberNotes(ids: string[], o: { memberShare: number; minSample: number }): string[] {
  if (!ids.length) return [];
  const list = `${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ` and ${ids.length - 5} more` : ''}`;
  return [
    `delivery independence and ownership integrity are "–" for ${ids.length} team${ids.length === 1 ? '' : 's'} with no inferred member (nobody made ${Math.round(100 * o.memberShare)}% of their own changes and ${o.minSample} changes to their files; --member-share, --min-sample): ${list} — list the members in a team map (\`conway init\`)`,
  ];
}

/** What a lead must know: the CODEOWNERS hands approval to a bot. */
export function botOwnerNotes(botOwners: Map<string, string> | undefined, codeowners: string | null): string[] {
  return [...(botOwners ?? [])].map(
    ([id, why]) =>
      `${codeowners ?? 'CODEOWNERS'} delegates approval to a bot: ${id} (${why}); it is listed with role "bot", without score, members or coupling`,
  );
}

/** Completes a file row in place: a spread copy of 10k+ rows costs tens of ms per update. */
function withOwners(f: Omit<FileRow, 'owners' | 'ruleLine'>, ownership: Ownership): FileRow {
  const w = ownership.who(f.path);
  const row = f as FileRow;
  row.owners = w.owners;
  row.ruleLine = w.rule?.line ?? null;
  return row;
}

function graphSummary(g: ImportGraphResult): NonNullable<Report['graph']> {
  const edgesByKind: Record<string, number> = {};
  for (const e of g.edges) edgesByKind[e.kind] = (edgesByKind[e.kind] ?? 0) + 1;
  return {
    files: g.files.length,
    edges: g.edges.length,
    edgesByKind,
    unresolved: g.unresolved.length,
    unresolvedExamples: g.unresolved.slice(0, 20),
    parseErrors: g.parseErrors.length,
  };
}

/** First and last commit of the window (commits are newest first), null when it is empty. */
function windowEnds(commits: MetricsInput['commits']): Pick<Report['window'], 'first' | 'last'> {
  const at = (c: MetricsInput['commits'][number] | undefined) =>
    c ? { sha: c.sha, date: new Date(c.date * 1000).toISOString() } : null;
  return { first: at(commits[commits.length - 1]), last: at(commits[0]) };
}
