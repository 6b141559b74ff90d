// The "Crossing boundaries" section both reporters show (org/crossing.ts computes the rows): the
// whole window's rows for the repository, each cluster and the teams with the most cross-team
// changes, as cells of plain text the Markdown and HTML reporters escape and lay out.
import type { CrossingRow, CrossingSide } from '../contract/teamwork-crossing';
import type { Report } from '../contract/report';
import { pct } from './format';

export const CROSSING_TEAMS_SHOWN = 10;

export const CROSSING_HEADER = [
  'scope',
  'changes',
  'cross-team',
  'median h: single → cross',
  'ratio (same size)',
  'people: single → cross',
  'cross-team effort (estimate)',
];

export interface CrossingView {
  rows: string[][];
  /** The method, what was grouped and what is left out: one sentence each. */
  footnote: string;
}

export function crossingView(r: Report): CrossingView | null {
  const whole = (r.crossing ?? []).filter((x) => x.period === null && x.single.n + x.cross.n > 0);
  if (!whole.length) return null;
  const teams = whole
    .filter((x) => x.scope.kind === 'team')
    .sort((a, b) => b.cross.n - a.cross.n || (a.scope.id! < b.scope.id! ? -1 : 1));
  const shown = [
    ...whole.filter((x) => x.scope.kind === 'all'),
    ...whole.filter((x) => x.scope.kind === 'cluster'),
    ...teams.slice(0, CROSSING_TEAMS_SHOWN),
  ];
  const hasCost = shown.some((x) => x.cost);
  const rows = shown.map((x) => {
    const cells = [
      scopeName(x),
      String(x.single.n + x.cross.n),
      `${x.cross.n} (${pct(x.crossShare)})`,
      `${hours(x.single)} → ${hours(x.cross)}`,
      x.ratio === null ? '–' : `${x.ratio}×`,
      `${num(x.single.people)} → ${num(x.cross.people)}`,
      x.effort ? `${x.effort.hours} h ≈ ${x.effort.engineerDays} engineer days` : '–',
    ];
    if (hasCost) cells.push(x.cost ? `≈ ${x.cost.amount.toLocaleString('en-US')} ${x.cost.currency}` : '');
    return cells;
  });
  const cs = r.changeSets;
  const grouped = cs
    ? cs.mode === 'commit'
      ? 'Every commit is one change (--change-sets commit).'
      : `${cs.commits} commits as ${cs.changeSets} changes (${cs.byKind.pr} pull requests, ${cs.byKind.merge} merged branches, ${cs.byKind.commit} single commits${cs.prs ? `; --prs ${cs.prs.file}: ${cs.prs.matched} of ${cs.prs.exported} matched` : ''}).`
    : '';
  const more =
    teams.length > CROSSING_TEAMS_SHOWN
      ? ` ${teams.length - CROSSING_TEAMS_SHOWN} more teams and every period are in the JSON report (\`crossing\`).`
      : ' Every period is in the JSON report (`crossing`).';
  // Squash-merged pull requests carry no start time: say what gives one instead of a column of dashes.
  const untimed = whole.every((x) => x.single.medianHours === null && x.cross.medianHours === null);
  const hint =
    untimed && !cs?.prs
      ? ' No change here has enough timed changes: squash-merged pull requests are timed only with `--prs` (a `gh pr list` export, docs/cli.md).'
      : '';
  const footnote = `A change crosses when two of its files share no delivery team. Hours: opened → merged, known only for pull requests and merged branches (a lone commit is not timed). The ratio compares cross-team with single-team changes of the same size (1–3, 4–10, 11+ files). Effort is an estimate (git-hours sessions: commits under 2 h apart are one session, a session's first commit counts 2 h; 8 h a day)${hasCost ? ', priced with conway.yml cost' : ''}. ${grouped}${hint}${more}`;
  return { rows, footnote };
}

export function crossingHeader(view: CrossingView): string[] {
  return view.rows[0].length > CROSSING_HEADER.length ? [...CROSSING_HEADER, 'cost (estimate)'] : CROSSING_HEADER;
}

function scopeName(x: CrossingRow): string {
  return x.scope.kind === 'all'
    ? 'whole repository'
    : x.scope.kind === 'cluster'
      ? `cluster ${x.scope.id}`
      : x.scope.id!;
}

function hours(s: CrossingSide): string {
  return s.medianHours === null ? '–' : `${s.medianHours}`;
}

function num(x: number | null): string {
  return x === null ? '–' : String(x);
}
