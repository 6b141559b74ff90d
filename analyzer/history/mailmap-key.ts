// What git's --use-mailmap and object lookup read beyond HEAD, as part of the history cache key:
// the cached commits carry mailmapped names and emails and the commits git walked, so any of
//  - a new or edited `.mailmap` (at the top level of the work tree, as git reads it),
//  - a `mailmap.file` / `mailmap.blob` setting, or the content of the file or blob it names,
//  - replace refs (`git replace`, honoured unless core.useReplaceRefs is false),
//  - the settings Conway pins for every git call (git-safety.ts: a new Conway pins more),
// must start a fresh cache instead of mixing old and new answers.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { GitError, runGit } from '../collect/git';
import { SAFE_ARGS } from '../collect/git-safety';
import { readRepoFile, readTextFile } from '../collect/read-file';

const MAX_BYTES = 1024 * 1024;

export async function mailmapKey(root: string): Promise<string> {
  const [config, replaced] = await Promise.all([
    orEmpty(runGit(root, ['config', '--get-regexp', '^(mailmap\\.|core\\.usereplacerefs)'])),
    orEmpty(runGit(root, ['for-each-ref', '--format=%(refname) %(objectname)', 'refs/replace/'])),
  ]);
  const hash = createHash('sha256')
    .update(SAFE_ARGS.join(' '))
    .update('\0')
    .update(config)
    .update('\0')
    .update(replaced)
    .update('\0');
  const file = readRepoFile(root, '.mailmap', MAX_BYTES, true);
  hash.update(file.kind === 'text' ? file.bytes : file.kind).update('\0');
  for (const line of config.split('\n')) {
    const [key, ...rest] = line.split(' ');
    const value = rest.join(' ');
    if (key === 'mailmap.file') {
      const other = readTextFile(resolve(root, value), MAX_BYTES);
      hash.update(other.kind === 'text' ? other.bytes : other.kind).update('\0');
    } else if (key === 'mailmap.blob') {
      hash
        .update(await orEmpty(runGit(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', value])))
        .update('\0');
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** git's output, or '' when it exits non-zero (exit 1: nothing set, no such object). */
function orEmpty(p: Promise<string>): Promise<string> {
  return p.catch((e) => {
    if (e instanceof GitError) return '';
    throw e;
  });
}
