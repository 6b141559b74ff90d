// `conway review` — what a change needs before it lands: required code-owner approvals (base
// CODEOWNERS), teams affected through imports, import edges and violations it adds or removes,
// suggested reviewers. Markdown for a pull-request comment, JSON, and an exit code gate.
import { UserError } from '../contract/errors';
import { renderReviewMarkdown } from '../report/review-markdown';
import { reviewChange, type ReviewOptions } from '../review';
import { EXIT, type Command } from './command';
import { writeOutput } from './output';
import { ownershipHelp, ownershipOptions, readFlavor, readOwnershipSource, resolveRoot } from './repo-options';
import { isAbsolute, resolve } from 'node:path';
import { escapeControls } from '../model/quote';

const FORMATS = ['md', 'json'];
const GATES = ['new-violations', 'none'];

export const reviewCommand: Command = {
  name: 'review',
  summary: 'a change before it lands: required approvals, affected teams, new imports and violations',
  usage:
    'conway review [--base REF] [--head REF] [--staged | --working-tree] [--format md|json] [--fail-on new-violations] [--out FILE]',
  help: [
    '--base REF          compare with the merge base of REF (default: the upstream branch, else main or master)',
    "--head REF          the change's last commit (default HEAD)",
    '--staged            review the staged changes against HEAD (or the merge base of --base)',
    '--working-tree      review staged, unstaged and untracked changes against HEAD (or --base)',
    '--format F          md (default: a pull-request comment with a stable marker) or json',
    '--fail-on G         new-violations: exit 1 when the change adds a boundary violation',
    '--exclude GLOB      also ignore matching paths for imports (repeatable)',
    '--no-cache          mine the history again instead of reusing the cache',
    '--out FILE          write to FILE instead of stdout',
    ...ownershipHelp,
  ],
  options: {
    ...ownershipOptions,
    base: { type: 'string' },
    head: { type: 'string' },
    staged: { type: 'boolean' },
    'working-tree': { type: 'boolean' },
    format: { type: 'string' },
    'fail-on': { type: 'string' },
    exclude: { type: 'string', multiple: true },
    'no-cache': { type: 'boolean' },
    out: { type: 'string' },
  },
  async run(values, _positionals, io) {
    const format = (values.format as string | undefined) ?? (values.json ? 'json' : 'md');
    if (!FORMATS.includes(format)) throw new UserError(`--format ${format}: expected md or json`);
    const gate = (values['fail-on'] as string | undefined) ?? 'none';
    if (!GATES.includes(gate)) throw new UserError(`--fail-on ${gate}: expected new-violations`);
    const root = await resolveRoot(values, io, true);
    const review = await reviewChange(root, toReviewOptions(values, io.cwd));
    for (const note of review.notes) io.stderr(`note: ${escapeControls(note)}\n`);
    writeOutput(
      format === 'json' ? JSON.stringify(review, null, 2) : renderReviewMarkdown(review),
      values.out as string | undefined,
      io,
    );
    return gate === 'new-violations' && review.violations.new.length ? EXIT.findings : EXIT.ok;
  },
};

function toReviewOptions(values: Record<string, unknown>, cwd: string): ReviewOptions {
  if (values.staged && values['working-tree'])
    throw new UserError('--staged and --working-tree exclude each other: pick one');
  const mode = values.staged ? 'staged' : values['working-tree'] ? 'working-tree' : 'refs';
  if (mode !== 'refs' && values.head)
    throw new UserError(
      `--head and --${mode} exclude each other: the head is the ${mode === 'staged' ? 'index' : 'work tree'}`,
    );
  const fromCwd = (p: unknown) => (typeof p !== 'string' ? undefined : isAbsolute(p) ? p : resolve(cwd, p));
  return {
    mode,
    base: values.base as string | undefined,
    head: values.head as string | undefined,
    flavor: readFlavor(values as never),
    codeowners: fromCwd(values.codeowners),
    teams: fromCwd(values.teams),
    catalog: fromCwd(values.catalog),
    ownership: readOwnershipSource(values as never),
    exclude: values.exclude as string[] | undefined,
    cache: !values['no-cache'],
  };
}
