// Reads conway.yml (repository root, or --teams PATH). Missing is fine (teams then come from
// CODEOWNERS); an explicit path that does not exist is an input error.
import { isAbsolute, join } from 'node:path';
import { readTextFile } from '../collect/read-file';
import { UserError } from '../errors';
import { parseTeamMap, type ParsedTeamMap } from './parse';

export const TEAM_MAP_FILE = 'conway.yml';

export function loadTeamMap(repoDir: string, path?: string): ParsedTeamMap | null {
  const rel = path ?? TEAM_MAP_FILE;
  const abs = isAbsolute(rel) ? rel : join(repoDir, rel);
  const r = readTextFile(abs, 16 * 1024 * 1024);
  if (r.kind === 'missing') {
    if (path) throw new UserError(`${path}: no such file (given with --teams)`);
    return null;
  }
  if (r.kind === 'too-large') throw new UserError(`${rel}: ${r.size} bytes is too large for a team map`);
  if (r.kind === 'unreadable') throw new UserError(`${rel}: cannot read the file: ${r.message}`);
  return parseTeamMap(r.text, rel);
}
