// What an analysis needs to know about the repository before it starts — its top level, HEAD's
// commit, whether the clone is shallow, the branch name and, for a relative --since, git's
// reading of the date — in one git call: `git rev-parse` prints its answers in argument order,
//   --show-toplevel  --is-shallow-repository  [--since=…]  HEAD^{commit}  HEAD^@ (its parents)
//   --symbolic-full-name HEAD  ("HEAD" when detached)  --abbrev-ref HEAD  (the short branch name)
// (revisions before the two flags, which change how every later revision is printed).
// Each git process costs a fork of the (large, in the editor's worker) parent, so this saves
// four. Where that call fails — not a repository, a bare repository (no top level), an unborn
// branch (no HEAD commit) — the answers are read one by one as before, with the same results.
import { findRepoRoot, GitError, runGit } from './git';

const OBJECT_ID = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

export interface RepoState {
  root: string;
  /** HEAD's commit; null on an unborn branch (no commits yet). */
  head: string | null;
  /** HEAD's parents (`HEAD^@`), when read: an analysis cached at one of them needs no ancestry check. */
  parents?: string[];
  shallow: boolean;
  /** The checked-out branch (`symbolic-ref --short`); null when HEAD is detached. */
  branch: string | null;
  /** git's reading of a relative --since (`--max-age=<unix time>`), when one was asked for. */
  sinceAnswer?: string;
}

/** `since` is passed to git only when it is relative (see history/window.ts). */
export async function readRepoState(dir: string, since?: string): Promise<RepoState> {
  const sinceArgs = since === undefined ? [] : [`--since=${since}`];
  try {
    const out = await runGit(dir, [
      'rev-parse',
      '--show-toplevel',
      '--is-shallow-repository',
      ...sinceArgs,
      'HEAD^{commit}',
      'HEAD^@',
      '--symbolic-full-name',
      'HEAD',
      '--abbrev-ref',
      'HEAD',
    ]);
    const lines = out.split('\n');
    if (lines.at(-1) === '') lines.pop();
    const [root, shallow] = lines.splice(0, 2);
    const sinceAnswer = since === undefined ? undefined : lines.shift();
    const short = lines.pop();
    const full = lines.pop();
    const [head, ...parents] = lines;
    const wellFormed =
      !!root &&
      (shallow === 'true' || shallow === 'false') &&
      lines.length > 0 &&
      lines.every((l) => OBJECT_ID.test(l)) &&
      !!full &&
      !!short &&
      (since === undefined || /^--max-age=/.test(sinceAnswer ?? ''));
    if (wellFormed)
      return { root, head, parents, shallow: shallow === 'true', branch: full === 'HEAD' ? null : short!, sinceAnswer };
  } catch {
    // answered one by one below, which also turns "not a repository" into a RepoStateError
  }
  const root = await findRepoRoot(dir);
  const [hs, branch, sinceAnswer] = await Promise.all([
    headAndShallow(root),
    runGit(root, ['symbolic-ref', '--quiet', '--short', 'HEAD']).then(
      (s) => s.trim() || null,
      () => null,
    ),
    since === undefined ? undefined : runGit(root, ['rev-parse', ...sinceArgs]).then((s) => s.trim()),
  ]);
  return { root, ...hs, branch, sinceAnswer };
}

/** HEAD's commit and whether the clone is shallow, in one git call (two on an unborn branch). */
export async function headAndShallow(root: string): Promise<{ head: string | null; shallow: boolean }> {
  try {
    const [shallow, head] = (
      await runGit(root, ['rev-parse', '--is-shallow-repository', '--verify', '-q', 'HEAD^{commit}'])
    )
      .trim()
      .split('\n');
    return { head: head || null, shallow: shallow === 'true' };
  } catch (e) {
    if (!(e instanceof GitError)) throw e;
    // unborn branch: no commits yet
    return { head: null, shallow: (await runGit(root, ['rev-parse', '--is-shallow-repository'])).trim() === 'true' };
  }
}
