// What git's --use-mailmap reads, as part of the history cache key: the cached commits carry
// mailmapped names and emails, so a new or edited `.mailmap` (at the top level of the work tree,
// as git reads it), or a `mailmap.file` / `mailmap.blob` setting, must start a fresh cache
// instead of mixing old and new identities.
import { createHash } from 'node:crypto';
import { GitError, runGit } from '../collect/git';
import { readRepoFile } from '../collect/read-file';

const MAX_BYTES = 1024 * 1024;

export async function mailmapKey(root: string): Promise<string> {
  const config = await runGit(root, ['config', '--get-regexp', '^mailmap\\.']).catch((e) => {
    if (e instanceof GitError) return ''; // exit 1: nothing set
    throw e;
  });
  const hash = createHash('sha256').update(config).update('\0');
  const file = readRepoFile(root, '.mailmap', MAX_BYTES, true);
  hash.update(file.kind === 'text' ? file.bytes : file.kind);
  return hash.digest('hex').slice(0, 16);
}
