// Reads conway.yml (repository root, or --teams PATH). Missing is fine (teams then come from
// CODEOWNERS); an explicit path that does not exist is an input error.
import { isAbsolute, join } from 'node:path';
import { readRepoFile, readTextFile } from '../collect/read-file';
import { UserError } from '../contract/errors';
import type { WarmContext } from '../model/warm';
import { parseTeamMap, type ParsedTeamMap } from './parse';

export const TEAM_MAP_FILE = 'conway.yml';
/** Far above any real team map (100,000 teams fit), far below what could exhaust memory. */
export const TEAM_MAP_MAX_BYTES = 16 * 1024 * 1024;

export function loadTeamMap(repoDir: string, path?: string, warm?: WarmContext): ParsedTeamMap | null {
  const rel = path ?? TEAM_MAP_FILE;
  const abs = isAbsolute(rel) ? rel : join(repoDir, rel);
  // An explicit --teams is the user's choice; the default conway.yml is the repository's, so it must stay inside it.
  const r = path ? readTextFile(abs, TEAM_MAP_MAX_BYTES) : readRepoFile(repoDir, rel, TEAM_MAP_MAX_BYTES, true);
  if (r.kind === 'outside')
    throw new UserError(
      `${rel} is a link to ${r.target}, outside the repository: Conway reads only files inside it — replace the link with the file, or pass --teams PATH to use that file`,
    );
  if (r.kind === 'missing') {
    if (path) throw new UserError(`${path}: no such file (given with --teams)`);
    return null;
  }
  if (r.kind === 'too-large')
    throw new UserError(`${rel}: ${r.size} bytes is too large for a team map (the limit is 16 MB)`);
  if (r.kind === 'unreadable') throw new UserError(`${rel}: cannot read the file: ${r.message}`);
  // The editor's worker loads the same conway.yml after every commit; YAML parsing is ~50 ms of
  // an update on a 20-team map, so a warm process keeps the result while the text is the same.
  // Nothing downstream mutates a parsed map (buildOwnership copies what it extends).
  const parsed = warm?.slot(
    repoDir,
    'team-maps',
    () => new Map<string, { rel: string; text: string; result: ParsedTeamMap }>(),
  );
  const known = parsed?.get(abs);
  if (known && known.text === r.text && known.rel === rel) return known.result;
  const result = parseTeamMap(r.text, rel);
  parsed?.set(abs, { rel, text: r.text, result });
  return result;
}
