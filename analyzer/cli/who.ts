// `conway who PATH…` — owners, teams and the deciding CODEOWNERS rule for each path.
import type { Command } from './command';
import { EXIT } from './command';
import { openOwnership, ownershipHelp, ownershipOptions, resolveRoot, toRepoPath } from './repo-options';
import { UserError } from '../contract/errors';
import { escapeControls, quotePath } from '../model/quote';
import type { Ownership } from '../ownership';
import { listTrackedFiles } from '../collect/tracked-files';
import { whoPath, type WhoAnswer } from './who-paths';

export const whoCommand: Command = {
  name: 'who',
  positionals: true,
  summary: 'who owns these paths, which teams that means, and by which CODEOWNERS rule',
  usage: 'conway who [--repo DIR] [--json] PATH...',
  help: [
    ...ownershipHelp,
    'PATH...             files or directories, relative to the current directory (or absolute); a',
    '                    directory gets the rule that owns the files under it',
  ],
  options: ownershipOptions,
  async run(values, positionals, io) {
    if (!positionals.length) throw new UserError('give at least one path, e.g. `conway who src/index.ts`');
    const root = await resolveRoot(values, io);
    const own = openOwnership(values, root, io);
    const tracked = await listTrackedFiles(root).catch(() => null);
    const files = positionals.map((p) => whoPath(own, toRepoPath(root, p, io), tracked, io.stderr));
    if (!own.codeowners)
      io.stderr(`note: no CODEOWNERS file found in ${root} (${own.flavor} locations); every path is unowned\n`);
    if (values.json) io.stdout(JSON.stringify({ codeowners: own.codeowners?.path ?? null, files }, null, 2) + '\n');
    else io.stdout(files.map((f) => formatWho(f, own)).join('\n') + '\n');
    return EXIT.ok;
  },
};

// Paths and names from the repository are quoted like git's (quote.ts).
function formatWho(f: WhoAnswer, own: Ownership): string {
  const teams = f.teams.map((id) => own.team(id)?.name ?? id);
  const who = f.owners.length
    ? `${f.owners.join(' ')}  (team${teams.length > 1 ? 's' : ''}: ${teams.join(', ')})`
    : 'unowned';
  const rules = [...(f.sectionRules ?? (f.rule ? [f.rule] : [])), ...(f.optional?.rules ?? [])].map(
    (r) =>
      `${r.file ?? own.codeowners!.path}:${r.line}  ${r.kind === 'and' ? '& ' : r.kind === 'optional' ? '? ' : ''}${r.pattern}${r.section ? `  [${r.section}]` : ''}`,
  );
  const label = rules.length > 1 ? 'rules:  ' : 'rule:   ';
  const dir = f.directory
    ? `\n  files:  ${f.directory.decided} of the ${f.directory.files} tracked files under it${f.directory.otherRules ? ` (${f.directory.otherRules} other rule${f.directory.otherRules === 1 ? ' decides' : 's decide'} the rest)` : ''}`
    : '';
  const optional = f.optional
    ? `\n  optional: ${escapeControls(f.optional.owners.join(' '))}  (told, not required)`
    : '';
  return `${quotePath(f.path)}${f.directory ? '/' : ''}\n  owners: ${escapeControls(who)}${optional}\n  ${label}${rules.map(escapeControls).join('\n          ') || 'no matching rule'}${dir}`;
}
