// The report as Markdown, for a pull request comment or a wiki page: summary, autonomy per team
// and cluster with its components, the strongest team coupling, violations by kind, notes.
// Every string from the repository is escaped (`|`, `<`, `>`, backticks, brackets).
import { INFERRED_MEMBERSHIP, memberLabel, pct, score } from './format';
import {
  actFirstFindings,
  coverageText,
  FINDINGS_SHOWN,
  byKind,
  isRuleFix,
  findingsOf,
  placementText,
  reportTitle,
  showing,
  windowText,
} from './findings-view';
import { suggestionsView } from './suggestions-view';
import { crossingHeader, crossingView } from './crossing-view';
import { teamworkMarkdown } from './teamwork-markdown';
import { clusterFitMarkdown, scorecardMarkdown } from './scorecard-view';
import type { Finding, Report } from '../contract/report';

export function renderMarkdown(r: Report): string {
  const out: string[] = [];
  const head = r.repo.head ? ` at \`${r.repo.head.slice(0, 10)}\`` : '';
  const findings = findingsOf(r);
  out.push(`# ${esc(reportTitle(r))}`, '');
  out.push(
    `${r.teams.length} teams, ${r.files.length} files, ${r.window.commits} commits${head}${r.window.since ? ` since ${esc(r.window.since)}` : ''}; ${r.violations.length} violations in ${findings.length} findings.`,
    '',
  );
  out.push(esc(windowText(r)), '');
  const coverage = coverageText(r);
  if (coverage) out.push(esc(coverage), '');
  actFirst(findings, out);
  out.push('## Autonomy', '');
  if (r.teams.some((t) => t.membership === 'inferred'))
    out.push(`> Teams marked \\*: ${esc(INFERRED_MEMBERSHIP)} (it drafts a team map to review).`, '');
  out.push(
    '| team | cluster | score | delivery independence | ownership integrity | dependency independence | files | changes¹ | truck factor | top members |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  );
  for (const t of [...r.teams]
    .filter((t) => t.role !== 'review-group')
    .sort((a, b) => (b.autonomy.score ?? -1) - (a.autonomy.score ?? -1))) {
    const a = t.autonomy;
    out.push(
      `| ${esc(t.name)}${t.membership === 'inferred' ? ' \\*' : ''} | ${esc(t.cluster ?? '')} | ${score(a.score)} | ${pct(a.deliveryIndependence)} | ${pct(a.ownershipIntegrity)} | ${pct(a.dependencyIndependence)} | ${t.files} | ${t.changes} | ${t.truckFactor ?? '–'} | ${topMembers(t.members)} |`,
    );
  }
  reviewGroups(r, out);
  if (r.clusters.length) {
    out.push(
      '',
      '| cluster | teams | score | delivery | integrity | dependency |',
      '| --- | --- | ---: | ---: | ---: | ---: |',
    );
    for (const c of r.clusters)
      out.push(
        `| ${esc(c.id)} | ${c.teams.map(esc).join(', ')} | ${score(c.autonomy.score)} | ${pct(c.autonomy.deliveryIndependence)} | ${pct(c.autonomy.ownershipIntegrity)} | ${pct(c.autonomy.dependencyIndependence)} |`,
      );
  }
  out.push(
    '',
    "_¹ changes in the window to the team's files, including files since deleted or renamed away. Score: mean of the components with data, ×100. Delivery independence: of its members' commits that touch delivered code (owners that are not review groups), the share whose such files all belong to the team. Ownership integrity: share of changes to its code made by its members. Dependency independence: of the imports from its code to owned files, the share that stay inside or use another team's public API. Definitions and sources: docs/metrics.md in the Conway repository. \"–\": no data in the window, or too few to mean anything (the Notes say which and why)._",
  );
  coupling(r, out);
  crossingSection(r, out);
  out.push(...teamworkMarkdown(r, esc));
  findingsSection(findings, r.violations.length, out);
  suggestions(r, out);
  out.push(...scorecardMarkdown(r, esc), ...clusterFitMarkdown(r, esc));
  if (r.notes.length) out.push('', '## Notes', '', ...r.notes.map((n) => `- ${esc(n)}`));
  return out.join('\n') + '\n';
}

function suggestions(r: Report, out: string[]): void {
  const v = suggestionsView(r);
  if (!v) return;
  out.push('', '## Suggestions', '');
  for (const m of v.modules) out.push(`- ${esc(m.suggestion!)}`);
  if (v.modulesCut) out.push(`- … ${esc(v.modulesCut)}`);
  for (const c of v.clusters) out.push(`- cluster ${c.teams.map(esc).join(' + ')}: ${esc(c.reason)}`);
  if (v.codeowners.length) out.push('', 'CODEOWNERS lines to consider:', '', ...fenced(v.codeowners));
  if (v.codeownersCut) out.push('', `_${esc(v.codeownersCut)}_`);
}

/** The team's first members (most changes first), an inferred one labelled with their share of own changes. */
function topMembers(members: Report['teams'][number]['members'], n = 3): string {
  if (!members.length) return '–';
  return (
    members
      .slice(0, n)
      .map((m) => esc(memberLabel(m)))
      .join(', ') + (members.length > n ? ` +${members.length - n}` : '')
  );
}

/** Review groups approve other teams' code: listed with their share of approvals, not scored as delivery teams. */
function reviewGroups(r: Report, out: string[]): void {
  const groups = r.teams.filter((t) => t.role === 'review-group');
  if (!groups.length) return;
  out.push('', '| review group | share of approvals | files | members |', '| --- | ---: | ---: | --- |');
  for (const t of groups)
    out.push(
      `| ${esc(t.name)}${t.membership === 'inferred' ? ' \\*' : ''} | ${pct(t.approvalShare)} | ${t.files} | ${topMembers(t.members, 5)} |`,
    );
  out.push(
    '',
    "_A review group is listed beside other teams on most of its CODEOWNERS rules (or owns a superset of their files): it approves their code. Coupling, delivery independence, violations and drift use each file's delivery teams — its owners that are not review groups._",
  );
}

function coupling(r: Report, out: string[]): void {
  if (!r.coupling.teams.length && !r.coupling.static.length) return;
  out.push(
    '',
    '## Team coupling',
    '',
    '| teams | shared commits | change coupling | imports a→b | imports b→a |',
    '| --- | ---: | ---: | ---: | ---: |',
  );
  const staticEdges = (a: string, b: string) => r.coupling.static.find((s) => s.from === a && s.to === b)?.edges ?? 0;
  const pairs = new Map<string, [string, string]>();
  for (const c of r.coupling.teams) pairs.set([c.a, c.b].sort().join('\0'), [c.a, c.b]);
  for (const s of r.coupling.static)
    pairs.set([s.from, s.to].sort().join('\0'), [s.from, s.to].sort() as [string, string]);
  const rows = [...pairs.values()]
    .map(([a, b]) => {
      const c = r.coupling.teams.find((x) => (x.a === a && x.b === b) || (x.a === b && x.b === a));
      return {
        a,
        b,
        shared: c?.sharedCommits ?? 0,
        degree: c?.degree ?? 0,
        ab: staticEdges(a, b),
        ba: staticEdges(b, a),
      };
    })
    .sort((x, y) => y.shared + y.ab + y.ba - (x.shared + x.ab + x.ba))
    .slice(0, 15);
  for (const x of rows) out.push(`| ${esc(x.a)} ↔ ${esc(x.b)} | ${x.shared} | ${x.degree}% | ${x.ab} | ${x.ba} |`);
}

function crossingSection(r: Report, out: string[]): void {
  const view = crossingView(r);
  if (!view) return;
  const header = crossingHeader(view);
  out.push(
    '',
    '## Crossing boundaries',
    '',
    `| ${header.join(' | ')} |`,
    `| --- | ${header
      .slice(1)
      .map(() => '---:')
      .join(' | ')} |`,
  );
  for (const cells of view.rows) out.push(`| ${cells.map(esc).join(' | ')} |`);
  out.push('', `_${esc(view.footnote)}_`);
}

function actFirst(findings: Finding[], out: string[]): void {
  if (!findings.length) return;
  out.push('## Where to act first', '');
  actFirstFindings(findings).forEach((f, i) =>
    out.push(
      `${i + 1}. **${f.kind}** ${esc(f.title)} — ${changes(f.changes)} in the window${f.suggestion ? `; ${fixLines(f)[0]}` : ''}`,
    ),
  );
  out.push('');
}

function changes(n: number): string {
  return `${n} change${n === 1 ? '' : 's'}`;
}

/** A CODEOWNERS line (unowned, drift) is shown as code; advice as text. */
function fixLines(f: Finding): string[] {
  if (!f.suggestion) return [];
  const where = placementText(f.placement);
  return isRuleFix(f)
    ? f.suggestion.split('\n').map((l) => `CODEOWNERS: \`${code(l)}\`${where ? ` — ${esc(where)}` : ''}`)
    : [`fix: ${esc(f.suggestion)}`];
}

function findingsSection(findings: Finding[], locations: number, out: string[]): void {
  out.push('', `## Findings (${findings.length}, ${locations} locations)`, '');
  if (!findings.length) return void out.push('None.');
  out.push(
    "_Ranked by the window's changes to the files involved, then by locations. Every location is in the JSON and SARIF reports (`violations[].group` is the finding id)._",
    '',
  );
  for (const [kind, of] of byKind(findings)) {
    const n = of.reduce((s, f) => s + f.count, 0);
    out.push(`### ${kind} (${of.length} finding${of.length === 1 ? '' : 's'}, ${n} location${n === 1 ? '' : 's'})`, '');
    for (const f of of.slice(0, FINDINGS_SHOWN)) finding(f, out);
    if (of.length > FINDINGS_SHOWN)
      out.push(
        `- … ${showing(FINDINGS_SHOWN, of.length)}: the rest are in the JSON report (\`findings\`) and \`conway check\``,
      );
    out.push('');
  }
}

function finding(f: Finding, out: string[]): void {
  const where = f.examples.map((e) => `\`${code(e.file)}:${e.line}\``).join(', ');
  out.push(
    `- #${f.rank} ${esc(f.title)} — ${f.count} location${f.count === 1 ? '' : 's'}, ${changes(f.changes)}; e.g. ${where}${f.count > f.examples.length ? ' …' : ''}`,
  );
  if (f.suggestion) out.push(...fixLines(f).map((l) => `  - ${l}`));
}

const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '\n': ' ', '\r': ' ' };

/** Escapes Markdown and HTML in repository strings; a line break (legal in file names) becomes a space. */
export function esc(s: string): string {
  return s.replace(/[\\`*_[\]|<>#&\r\n]/g, (c) => ENTITIES[c] ?? `\\${c}`);
}

/** Text for a code span: shown literally, so only backticks (which would end it) and line breaks change. */
function code(s: string): string {
  return s.replace(/`/g, "'").replace(/[\r\n]/g, ' ');
}

/** Lines in a fenced block whose fence is longer than any backtick run inside (CommonMark). */
function fenced(lines: string[]): string[] {
  const longest = Math.max(0, ...lines.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((m) => m.length))));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [fence, ...lines.map((l) => l.replace(/[\r\n]/g, ' ')), fence];
}
