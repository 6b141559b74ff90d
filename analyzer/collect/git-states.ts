// Repository states that stop every git command and that its owner can fix, recognised in
// git's stderr and said in words (git.ts turns a failing command into one of these).
import { RepoStateError } from '../contract/errors';

/**
 * States of the repository that stop every git command and that its owner can fix, in words:
 * git refuses a repository owned by another user (safe.directory), and a `.gitmodules` whose
 * `update` is a command (`!cmd`, allowed only in .git/config) fails every command that reads it.
 */
export function repoStateOf(stderr: string): RepoStateError | null {
  const owner = /detected dubious ownership in repository at '([^'\n]*)'/.exec(stderr);
  if (owner) {
    return new RepoStateError(
      `${JSON.stringify(owner[1])} is owned by another user, and git refuses to read such a repository (safe.directory) — if you trust it, run \`git config --global --add safe.directory ${owner[1]}\`, or run Conway as the repository's owner`,
    );
  }
  const sub = /invalid value for 'submodule\.(.*)\.update'/.exec(stderr);
  if (sub) {
    return new RepoStateError(
      `.gitmodules: the submodule ${JSON.stringify(sub[1])} has an \`update\` value git refuses (a \`!command\` is allowed only in .git/config, never in a committed .gitmodules), so git cannot read the history — fix or remove that line of .gitmodules`,
    );
  }
  return null;
}
