// Which file holds the ownership: Codeowners Plus when the repository uses it (or the user
// names a `.codeowners` file), else CODEOWNERS where the forge looks. A repository that runs
// Codeowners Plus usually keeps a CODEOWNERS that hands every file to the bot account the tool
// approves with (its README, "Enforcement Options"): that file is named in a warning, never used.
import { basename } from 'node:path';
import { loadCodeowners, type LoadCodeownersOptions } from '../../codeowners/load';
import type { ParsedCodeowners } from '../../codeowners/parse';
import { loadCodeownersPlus, PLUS_FILE, usesCodeownersPlus } from './load';

export function pickCodeowners(root: string, opts: LoadCodeownersOptions): ParsedCodeowners | null {
  if (opts.path && basename(opts.path) !== PLUS_FILE) return loadCodeowners(root, opts);
  if (!opts.path && !usesCodeownersPlus(root)) return withDelegationNote(loadCodeowners(root, opts));
  const plus = loadCodeownersPlus(root);
  const forge = opts.path ? null : loadCodeowners(root, { flavor: opts.flavor });
  if (forge)
    plus.warnings.push({
      file: forge.path,
      line: 0,
      message: `${forge.path} ${delegates(forge) ? `only hands every file to ${forge.rules[0].owners.join(' ')}` : `has ${forge.rules.length} rules`}: Conway reads the ${plus.files?.length ?? 0} .codeowners files (Codeowners Plus) instead, the ownership its check enforces`,
    });
  return plus;
}

/** One `*` rule with one owner: the whole repository delegated to a single account. */
function delegates(co: ParsedCodeowners): boolean {
  return co.rules.length === 1 && co.rules[0].pattern === '*' && co.rules[0].owners.length === 1;
}

function withDelegationNote(co: ParsedCodeowners | null): ParsedCodeowners | null {
  if (co && delegates(co))
    co.warnings.push({
      file: co.path,
      line: co.rules[0].line,
      message: `every file is owned by ${co.rules[0].owners[0]} alone: if a tool enforces ownership elsewhere (Codeowners Plus .codeowners files, a Backstage catalog), point Conway at it (--codeowners, --catalog)`,
    });
  return co;
}
