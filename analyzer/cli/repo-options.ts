// Options and resolution shared by every command that reads a repository.
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { findRepoRoot } from '../collect/git';
import { RepoStateError, UserError } from '../contract/errors';
import type { Flavor } from '../model/types';
import { loadOwnership, type Ownership } from '../ownership';
import type { Io, Options, Values } from './command';

export const ownershipOptions: Options = {
  repo: { type: 'string' },
  flavor: { type: 'string' },
  codeowners: { type: 'string' },
  teams: { type: 'string' },
  catalog: { type: 'string' },
  ownership: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

export const ownershipHelp = [
  '--repo DIR          repository to read (default: the current directory)',
  '--flavor F          github (default) or gitlab CODEOWNERS rules and locations',
  '--codeowners PATH   use this CODEOWNERS file instead of looking it up',
  '--teams PATH        use this team map instead of conway.yml at the repository root',
  '--catalog PATH      Backstage catalog file or directory (default: every catalog-info.yaml in the repository)',
  '--ownership S       codeowners (default: CODEOWNERS, the catalog where it is silent) or catalog',
  '--json              machine-readable output',
];

/** The repository root: git's top level, or the directory itself when it is not a clone (requireGit: a clone with a work tree). */
export async function resolveRoot(values: Values, io: Io, requireGit = false): Promise<string> {
  const dir = resolve(io.cwd, (values.repo as string | undefined) ?? '.');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError(`--repo ${dir}: no such directory`);
  try {
    return await findRepoRoot(dir, requireGit);
  } catch (e) {
    if (e instanceof RepoStateError && !requireGit) return dir;
    throw e;
  }
}

export function readFlavor(values: Values): Flavor {
  const f = (values.flavor as string | undefined) ?? 'github';
  if (f !== 'github' && f !== 'gitlab') throw new UserError(`--flavor ${f}: expected github or gitlab`);
  return f;
}

export function openOwnership(values: Values, root: string, io: Io): Ownership {
  const fromCwd = (p: string | undefined) => (p === undefined ? undefined : isAbsolute(p) ? p : resolve(io.cwd, p));
  return loadOwnership(root, {
    flavor: readFlavor(values),
    codeowners: fromCwd(values.codeowners as string),
    teams: fromCwd(values.teams as string),
    catalog: fromCwd(values.catalog as string),
    ownership: readOwnershipSource(values),
  });
}

export function readOwnershipSource(values: Values): 'codeowners' | 'catalog' | undefined {
  const s = values.ownership as string | undefined;
  if (s !== undefined && s !== 'codeowners' && s !== 'catalog')
    throw new UserError(`--ownership ${s}: expected codeowners or catalog`);
  return s;
}

/**
 * A user-given path → repository-relative with `/`, as every CLI reads paths: relative to the
 * current directory (`x`, `./x`, `../x` from any subdirectory) or absolute. When the current
 * directory is outside the repository (`--repo` elsewhere), a relative path is read from the
 * repository root instead.
 */
export function toRepoPath(root: string, given: string, io: Io): string {
  const cwdInside = !relative(root, io.cwd).startsWith('..') && !isAbsolute(relative(root, io.cwd));
  const abs = isAbsolute(given) ? given : resolve(cwdInside ? io.cwd : root, given);
  const rel = relative(root, abs);
  // Only Windows separates with a backslash: on POSIX it is a character of the name (`back\slash.ts`).
  const clean = rel.split(sep).join('/').replace(/\/+$/, '');
  if (clean.startsWith('../') || clean === '..' || isAbsolute(clean))
    throw new UserError(`${given}: outside the repository ${root}`);
  return clean;
}
