// Finds and reads the CODEOWNERS file the way the forge does. GitHub looks in `.github/`, the
// root, then `docs/` (first found wins); GitLab in the root, `docs/`, then `.gitlab/`. GitHub
// ignores files of 3 MB or more — so do we, and say so.
import { isAbsolute, join, relative } from 'node:path';
import { readRepoFile, readTextFile, type ReadResult } from '../collect/read-file';
import { UserError } from '../contract/errors';
import type { Flavor } from '../model/types';
import { parseCodeowners, type ParsedCodeowners } from './parse';

export const CODEOWNERS_MAX_BYTES = 3 * 1024 * 1024;

/** Where each forge looks for CODEOWNERS, in order (first found wins). */
export const CODEOWNERS_LOCATIONS: Record<Flavor, string[]> = {
  github: ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'],
  gitlab: ['CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'],
};

export interface LoadCodeownersOptions {
  flavor?: Flavor;
  /** Explicit path (absolute, or relative to the repository root). */
  path?: string;
}

/** The parsed file, or null when the repository has none (explicit paths must exist). */
export function loadCodeowners(repoDir: string, opts: LoadCodeownersOptions = {}): ParsedCodeowners | null {
  const flavor = opts.flavor ?? 'github';
  if (opts.path) {
    const abs = isAbsolute(opts.path) ? opts.path : join(repoDir, opts.path);
    const parsed = readAndParse(readTextFile(abs, CODEOWNERS_MAX_BYTES), toRepoPath(repoDir, abs), flavor);
    if (!parsed) throw new UserError(`${opts.path}: no such file (given with --codeowners)`);
    return parsed;
  }
  for (const rel of CODEOWNERS_LOCATIONS[flavor]) {
    // A committed link (the file, or `.github` itself) may point anywhere: only the repository is read.
    const parsed = readAndParse(readRepoFile(repoDir, rel, CODEOWNERS_MAX_BYTES, true), rel, flavor);
    if (parsed) return parsed;
  }
  return null;
}

function readAndParse(r: ReadResult, rel: string, flavor: Flavor): ParsedCodeowners | null {
  if (r.kind === 'missing') return null;
  if (r.kind === 'outside')
    throw new UserError(
      `${rel} is a link to ${r.target}, outside the repository: Conway reads only files inside it — replace the link with the file, or pass --codeowners PATH to use that file`,
    );
  if (r.kind === 'unreadable') throw new UserError(`${rel}: cannot read the file: ${r.message}`);
  if (r.kind === 'too-large') {
    const empty = parseCodeowners('', rel, flavor);
    const mb = (r.size / 1024 / 1024).toFixed(1);
    empty.errors.push({
      file: rel,
      line: 0,
      message: `file is ${mb} MB; ${flavor === 'github' ? 'GitHub' : 'Conway'} ignores CODEOWNERS files of 3 MB or more, so no rule applies — split or shorten it`,
    });
    return empty;
  }
  return parseCodeowners(r.text, rel, flavor);
}

function toRepoPath(repoDir: string, abs: string): string {
  const rel = relative(repoDir, abs);
  return rel.startsWith('..') ? abs : rel.split('\\').join('/');
}
