// Options of the commands that run the whole analysis (`analyze`, `check`) → AnalyzeOptions.
import type { AnalyzeOptions } from '../analyze';
import { UserError } from '../contract/errors';
import type { Options, Values } from './command';
import { ownershipHelp, ownershipOptions, readFlavor, readOwnershipSource } from './repo-options';
import { isAbsolute, resolve } from 'node:path';

export const analysisOptions: Options = {
  ...ownershipOptions,
  since: { type: 'string' },
  until: { type: 'string' },
  'first-parent': { type: 'boolean' },
  include: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  fast: { type: 'boolean' },
  bots: { type: 'string', multiple: true },
  'include-bots': { type: 'boolean' },
  'no-imports': { type: 'boolean' },
  'no-cache': { type: 'boolean' },
  'max-changeset': { type: 'string' },
  'min-revs': { type: 'string' },
  'min-shared': { type: 'string' },
  'min-degree': { type: 'string' },
  'min-sample': { type: 'string' },
  'member-share': { type: 'string' },
  'change-sets': { type: 'string' },
  prs: { type: 'string' },
  period: { type: 'string' },
};

export const analysisHelp = [
  ...ownershipHelp,
  '--since DATE        history window start (any date git understands: 2024-01-01, "6 months ago");',
  "                    default: 12 months before HEAD's commit date; all: the whole history",
  '--until DATE        history window end',
  '--first-parent      follow only the first parent of merges (default: skip merge commits)',
  '--include GLOB      only count changes to matching paths (repeatable)',
  '--exclude GLOB      also ignore matching paths (repeatable; lockfiles, generated and vendored',
  '                    files are ignored by default)',
  '--fast              no line counts (git --name-status): much faster on very large repositories',
  '--bots PATTERN      also treat authors matching PATTERN as bots (repeatable)',
  '--include-bots      keep bot commits (dependabot, renovate, github-actions, [bot])',
  '--no-imports        skip the TS/JS import graph',
  '--no-cache          mine the whole history again instead of reusing the cache',
  '--max-changeset N   change coupling ignores commits touching more than N files (30)',
  '--min-revs N --min-shared N --min-degree N   change coupling thresholds (5, 5, 30)',
  '--min-sample N      an autonomy component from fewer commits, changes or import edges is "–" (10);',
  "                    an inferred member needs at least N changes to the team's files",
  "--member-share X    inferred member: at least this share of the person's own changes (0.25)",
  '--change-sets MODE  auto (default): a pull request, a merged branch or a squash commit is one change',
  '                    for coupling, shared commits and crossing; commit: every commit is one change',
  '--prs FILE          merged pull requests exported by `gh pr list --json …` or `glab mr list -F json`',
  '                    (docs/cli.md): their opened/merged times and reviewers; Conway never calls the API',
  "--period P          the scorecard's periods: quarter (default) or month (calendar, UTC)",
];

export function toAnalyzeOptions(values: Values, cwd: string): AnalyzeOptions {
  const fromCwd = (p: unknown) => (typeof p !== 'string' ? undefined : isAbsolute(p) ? p : resolve(cwd, p));
  const metrics: AnalyzeOptions['metrics'] = {};
  const num = (
    flag: string,
    key: 'maxChangesetSize' | 'minRevs' | 'minShared' | 'minDegree' | 'minSample' | 'memberShare',
  ) => {
    const v = values[flag];
    if (v === undefined) return;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new UserError(`--${flag} ${v}: expected a non-negative number`);
    metrics[key] = n;
  };
  num('max-changeset', 'maxChangesetSize');
  num('min-revs', 'minRevs');
  num('min-shared', 'minShared');
  num('min-degree', 'minDegree');
  num('min-sample', 'minSample');
  num('member-share', 'memberShare');
  const mode = values['change-sets'] ?? 'auto';
  if (mode !== 'auto' && mode !== 'commit')
    throw new UserError(
      `--change-sets ${String(mode)}: expected auto (pull requests, merged branches and squash commits are one change each) or commit (every commit is one change)`,
    );
  if (values.prs !== undefined && mode === 'commit')
    throw new UserError(
      '--prs needs --change-sets auto: with --change-sets commit every commit is its own change and the export would be ignored',
    );
  if (values.period !== undefined) {
    if (values.period !== 'month' && values.period !== 'quarter')
      throw new UserError(`--period ${String(values.period)}: expected month or quarter`);
    metrics.period = values.period;
  }
  if ((metrics.memberShare ?? 0) > 1)
    throw new UserError(
      `--member-share ${String(values['member-share'])}: expected a share between 0 and 1 (0.25 = 25%)`,
    );
  return {
    flavor: readFlavor(values),
    codeowners: fromCwd(values.codeowners),
    teams: fromCwd(values.teams),
    catalog: fromCwd(values.catalog),
    ownership: readOwnershipSource(values),
    since: values.since as string | undefined,
    until: values.until as string | undefined,
    firstParent: Boolean(values['first-parent']),
    include: values.include as string[] | undefined,
    exclude: values.exclude as string[] | undefined,
    fast: Boolean(values.fast),
    bots: values.bots as string[] | undefined,
    includeBots: Boolean(values['include-bots']),
    imports: !values['no-imports'],
    cache: !values['no-cache'],
    metrics,
    changeSets: mode,
    prs: fromCwd(values.prs),
  };
}
