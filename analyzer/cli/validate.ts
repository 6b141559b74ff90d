// `conway validate` — problems in CODEOWNERS and the team map; exit 1 when there are errors.
import { listTrackedFiles } from '../collect/tracked-files';
import { RepoStateError } from '../contract/errors';
import type { Problem } from '../model/types';
import { validateOwnership } from '../ownership/validate';
import { botDelegations } from '../ownership/bot-delegations';
import { botAccounts } from '../history/bot-accounts';
import { botHandles, botRuleMessage } from '../teams/bot-owners';
import { EXIT, type Command } from './command';
import { escapeControls, quotePath } from '../model/quote';
import { openOwnership, ownershipHelp, ownershipOptions, resolveRoot } from './repo-options';

export const validateCommand: Command = {
  name: 'validate',
  summary:
    'check CODEOWNERS (or .codeowners), the team map and the Backstage catalog: invalid lines and entities, unknown teams, dead and shadowed rules',
  usage: 'conway validate [--repo DIR] [--bots PATTERN] [--json]',
  help: [
    ...ownershipHelp,
    '--bots PATTERN      also treat authors matching PATTERN as bots (repeatable): a rule owned only by bots is named',
  ],
  options: { ...ownershipOptions, bots: { type: 'string', multiple: true } },
  async run(values, _positionals, io) {
    const root = await resolveRoot(values, io);
    const own = openOwnership(values, root, io);
    const files = await listTrackedFiles(root).catch((e) => {
      if (e instanceof RepoStateError || (e as Error).name === 'GitError') return null;
      throw e;
    });
    const { errors, warnings } = validateOwnership(own, files);
    // Backstage's model library takes ~0.15 s to initialise: loaded only when a catalog is validated.
    if (own.catalog)
      errors.push(...(await (await import('../sources/backstage/validate')).validateCatalog(own.catalog.entities)));
    // Bot accounts by name and by what their commits are, as `analyze` decides (no diffs mined).
    const bots = files === null ? [] : await botAccounts(root, { bots: values.bots as string[] | undefined });
    const notes: Problem[] = botDelegations(own, botHandles(bots)).map((b) => ({
      file: b.file,
      line: b.line,
      message: botRuleMessage(b),
    }));
    if (values.json) io.stdout(JSON.stringify({ errors, warnings, notes }, null, 2) + '\n');
    else io.stdout(formatProblems(errors, warnings, notes, own.codeowners?.path ?? null, files !== null));
    return errors.length ? EXIT.findings : EXIT.ok;
  },
};

function formatProblems(
  errors: Problem[],
  warnings: Problem[],
  notes: Problem[],
  codeowners: string | null,
  checkedFiles: boolean,
): string {
  const lines = [
    ...errors.map((p) => `${quotePath(p.file)}:${p.line}: error: ${escapeControls(p.message)}`),
    ...warnings.map((p) => `${quotePath(p.file)}:${p.line}: warning: ${escapeControls(p.message)}`),
    ...notes.map((p) => `${quotePath(p.file)}:${p.line}: note: ${escapeControls(p.message)}`),
  ];
  if (!codeowners) lines.push('note: no CODEOWNERS file found');
  if (!checkedFiles) lines.push('note: not a git repository — rules were not checked against tracked files');
  lines.push(
    `${errors.length} error${errors.length === 1 ? '' : 's'}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`,
  );
  return lines.join('\n') + '\n';
}
