// `conway review --format md`: a pull-request comment. The first line is a stable marker, so a
// bot finds its earlier comment and edits it instead of posting a new one; the headline and the
// approvals table are always visible, everything else sits in collapsible <details>. Every
// repository string is shown as code or escaped, so a hostile path cannot inject markup.
import type { Review, ReviewApproval } from '../contract/review';
import { pct } from './format';

export const REVIEW_MARKER = '<!-- conway-review -->';
const MAX_ROWS = 50;

export function renderReviewMarkdown(r: Review): string {
  return (
    [
      REVIEW_MARKER,
      headline(r),
      '',
      scope(r),
      '',
      ...approvals(r),
      ...newViolations(r),
      ...reviewers(r),
      ...details(r),
    ].join('\n') + '\n'
  );
}

function headline(r: Review): string {
  const required = r.approvals.filter((a) => !a.optional);
  const parts = [
    required.length
      ? `needs approval from ${plural(required.length, 'owner group')}${coveredBy(r)}`
      : 'no code-owner approval required',
    `${plural(r.violations.new.length, 'new violation')}${r.violations.fixed.length ? `, ${r.violations.fixed.length} fixed` : ''}`,
    `imports across teams +${r.edges.added.length} −${r.edges.removed.length}`,
  ];
  if (r.affectedTeams.length) parts.push(`${plural(r.affectedTeams.length, 'other team')} affected`);
  return `### Conway review: ${parts.join(' · ')}`;
}

/** The fewest owners that satisfy every group, when fewer than the groups (older reviews have no approvalSet). */
function coveredBy(r: Review): string {
  const set = r.approvalSet;
  if (!set || !set.size || set.size >= r.approvals.filter((a) => !a.optional).length) return '';
  return `, satisfied by ${set.size === 1 ? 'one owner' : `${set.size} owners`}: ${set.owners.map(code).join(' ')}`;
}

function scope(r: Review): string {
  const head =
    r.head === 'index' ? 'the staged changes' : r.head === 'worktree' ? 'the working tree' : code(r.head.slice(0, 12));
  const base = `${code(r.base.slice(0, 12))}${r.baseRef ? ` (merge base with ${code(r.baseRef)})` : ''}`;
  return `${plural(r.files.length, 'file')} changed between ${base} and ${head}; owners from ${r.codeowners ? code(r.codeowners) : 'no CODEOWNERS file'} at the base.`;
}

function approvals(r: Review): string[] {
  if (!r.approvals.length) return [];
  const gitlab = r.approvals.some((a) => a.section !== undefined);
  const head = gitlab
    ? '| section | approvals | owners | teams | files | rules |\n| --- | --- | --- | --- | --- | --- |'
    : '| owners | teams | files | rules |\n| --- | --- | --- | --- |';
  const row = (a: ReviewApproval) => {
    const cells = [
      a.owners.map(code).join(' '),
      a.teams.map(esc).join(', '),
      fileList(a.files),
      a.rules.map((x) => `${code(x.pattern)} (line ${x.line})`).join(', '),
    ];
    return `| ${(gitlab ? [esc(a.section ?? '(default)'), a.optional ? 'optional' : String(a.approvals), ...cells] : cells).join(' | ')} |`;
  };
  return [
    '**Needs approval from**',
    '',
    head,
    ...r.approvals.slice(0, MAX_ROWS).map(row),
    ...more(r.approvals.length),
    '',
  ];
}

function newViolations(r: Review): string[] {
  if (!r.violations.new.length) return [];
  return [
    `**New boundary violations (${r.violations.new.length})**`,
    '',
    ...r.violations.new.slice(0, MAX_ROWS).map((v) => `- ${code(`${v.file}:${v.line}`)} ${v.kind}: ${esc(v.message)}`),
    ...more(r.violations.new.length),
    '',
  ];
}

function reviewers(r: Review): string[] {
  if (!r.reviewers.length) return [];
  const line = (x: Review['reviewers'][number]) =>
    `${esc(x.team)}${x.basis === 'recent-authors' ? ' (review group: recent authors)' : x.basis === 'person-owner' ? ' (person owner)' : ''}: ${x.people.length ? x.people.map((p) => esc(p.name || p.person)).join(', ') : '—'}`;
  return [
    `**Suggested reviewers** (recent main authors of the changed files in each team): ${r.reviewers.map(line).join('; ')}`,
    '',
  ];
}

function details(r: Review): string[] {
  const edges = (list: Review['edges']['added'], sign: string) =>
    list
      .slice(0, MAX_ROWS)
      .map((e) => `- ${sign} ${esc(e.from)} → ${esc(e.to)}: ${code(`${e.file}:${e.line}`)} imports ${code(e.target)}`);
  return [
    ...section(`Files (${r.files.length})`, [
      '| file | status | owners (base) | rule |',
      '| --- | --- | --- | --- |',
      ...r.files
        .slice(0, MAX_ROWS * 4)
        .map(
          (f) =>
            `| ${code(f.oldPath ? `${f.oldPath} → ${f.path}` : f.path)} | ${f.status} | ${f.owners.map(code).join(' ') || 'unowned'}${f.previous && f.previous.owners.join() !== f.owners.join() ? ` (was ${f.previous.owners.map(code).join(' ') || 'unowned'})` : ''} | ${f.rule ? `${code(f.rule.pattern)} (line ${f.rule.line})` : '—'} |`,
        ),
      ...more(r.files.length, MAX_ROWS * 4),
    ]),
    ...(r.edges.added.length + r.edges.removed.length
      ? section(`Imports between teams: +${r.edges.added.length} −${r.edges.removed.length}`, [
          ...edges(r.edges.added, '+'),
          ...edges(r.edges.removed, '−'),
        ])
      : []),
    ...(r.affectedTeams.length
      ? section(
          `Teams affected through imports (${r.affectedTeams.length})`,
          r.affectedTeams.map(
            (t) =>
              `- ${esc(t.team)}: ${t.via
                .slice(0, 5)
                .map(
                  (v) =>
                    `${code(`${v.file}:${v.line}`)} imports ${code(v.target)}${v.target !== v.changed ? ` (re-exports ${code(v.changed)})` : ''}`,
                )
                .join(', ')}${t.via.length > 5 ? ` and ${t.via.length - 5} more` : ''}`,
          ),
        )
      : []),
    ...(r.independence.length
      ? section('Dependency independence of the touched teams', [
          '| team | before | after |',
          '| --- | --- | --- |',
          ...r.independence.map((x) => `| ${esc(x.team)} | ${pct(x.base)} | ${pct(x.head)} |`),
        ])
      : []),
    ...(r.violations.fixed.length
      ? section(
          `Violations fixed (${r.violations.fixed.length})`,
          r.violations.fixed.slice(0, MAX_ROWS).map((v) => `- ${code(`${v.file}:${v.line}`)} ${v.kind}`),
        )
      : []),
    ...r.notes.map((n) => `_note: ${esc(n)}_`),
  ];
}

function section(summary: string, body: string[]): string[] {
  return ['<details>', `<summary>${esc(summary)}</summary>`, '', ...body, '', '</details>', ''];
}

function fileList(files: string[]): string {
  return files.length <= 3
    ? files.map(code).join(', ')
    : `${files.slice(0, 3).map(code).join(', ')} and ${files.length - 3} more`;
}

function more(n: number, max = MAX_ROWS): string[] {
  return n > max ? [`… and ${n - max} more (see \`conway review --format json\`)`] : [];
}

/** A code span that no backtick, pipe or newline in the text can break out of. */
function code(s: string): string {
  return (
    '`' +
    s
      .replace(/`/g, "'")
      .replace(/\|/g, '\\|')
      .replace(/[\r\n]/g, ' ') +
    '`'
  );
}

function esc(s: string): string {
  return s.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/[\r\n]/g, ' ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
