// Reading a revision without checking it out (for `conway review`): its commit, the merge base
// of two refs, its file list (`git ls-tree -r`), the changes between two states
// (`git diff --name-status -z -M`) and blob contents (`git cat-file --batch`, one process for
// all of them). Nothing here writes into the repository.
import { UserError } from '../contract/errors';
import type { ChangeStatus } from '../contract/review';
import { GitError, runGit, runGitBytes } from './git';

const QUOTE_OFF = ['-c', 'core.quotepath=off'];

export type { ChangeStatus };

export interface Change {
  path: string;
  status: ChangeStatus;
  /** Renames and copies: the path before. */
  oldPath?: string;
}

/** The commit a ref names, or a UserError saying which ref is unknown. */
export async function resolveCommit(root: string, ref: string, flag: string): Promise<string> {
  try {
    return (await runGit(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim();
  } catch (e) {
    if (e instanceof GitError)
      throw new UserError(
        `${flag} ${ref}: no such commit or branch in ${root} (fetch it first, e.g. \`git fetch origin ${ref}\`)`,
      );
    throw e;
  }
}

/** The default base: the branch's upstream, else main, master, origin/main, origin/master. */
export async function defaultBaseRef(root: string): Promise<string> {
  const upstream = await runGit(root, ['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}']).catch(
    () => '',
  );
  if (upstream.trim()) return upstream.trim();
  for (const ref of ['main', 'master', 'origin/main', 'origin/master']) {
    const ok = await runGit(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).then(
      () => true,
      () => false,
    );
    if (ok) return ref;
  }
  throw new UserError(
    `no base to compare with: the branch has no upstream and there is no main or master branch — pass --base REF`,
  );
}

export async function mergeBase(root: string, a: string, b: string): Promise<string> {
  try {
    return (await runGit(root, ['merge-base', a, b])).trim();
  } catch (e) {
    if (e instanceof GitError)
      throw new UserError(
        `${a.slice(0, 12)} and ${b.slice(0, 12)} have no common ancestor (a shallow clone? fetch with more depth, e.g. \`git fetch --deepen=200\`)`,
      );
    throw e;
  }
}

/** Every file of a commit, sorted as git sorts them. */
export async function listTree(root: string, rev: string): Promise<string[]> {
  const out = await runGit(root, [...QUOTE_OFF, 'ls-tree', '-r', '-z', '--name-only', '--full-tree', rev]);
  return out.split('\0').filter(Boolean);
}

/** Untracked, not ignored files of the work tree. */
export async function listUntracked(root: string): Promise<string[]> {
  const out = await runGit(root, [...QUOTE_OFF, 'ls-files', '-z', '--others', '--exclude-standard']);
  return out.split('\0').filter(Boolean);
}

/** `git diff --name-status -z` with the given revisions/flags, parsed. */
export async function diffChanges(root: string, args: string[], renames = true): Promise<Change[]> {
  const out = await runGit(root, [
    ...QUOTE_OFF,
    'diff',
    '--name-status',
    '-z',
    '--no-ext-diff',
    '--no-textconv',
    renames ? '-M' : '--no-renames',
    ...args,
  ]);
  return parseNameStatus(out);
}

const STATUS: Record<string, ChangeStatus> = {
  A: 'added',
  M: 'modified',
  D: 'deleted',
  R: 'renamed',
  C: 'copied',
  T: 'type-changed',
};

/** `R100\0old\0new\0M\0path\0…` → changes (unmerged entries count as modified). */
export function parseNameStatus(out: string): Change[] {
  const parts = out.split('\0');
  const changes: Change[] = [];
  for (let i = 0; i + 1 < parts.length;) {
    const code = parts[i][0];
    if (!code) break;
    const status = STATUS[code] ?? 'modified';
    if (status === 'renamed' || status === 'copied') {
      changes.push({ path: parts[i + 2], status, oldPath: parts[i + 1] });
      i += 3;
    } else {
      changes.push({ path: parts[i + 1], status });
      i += 2;
    }
  }
  return changes;
}

/** Contents of `rev:path` objects (or `:path` for the index), null when missing or not a blob. */
export async function readBlobs(root: string, specs: string[]): Promise<Map<string, Buffer | null>> {
  const out = new Map<string, Buffer | null>();
  if (!specs.length) return out;
  // One spec per line: a path with a newline cannot be asked for this way; it reads as missing.
  const asked = specs.filter((s) => !s.includes('\n'));
  const bytes = await runGitBytes(root, ['cat-file', '--batch'], { stdin: asked.join('\n') + '\n' });
  let at = 0;
  for (const spec of asked) {
    const nl = bytes.indexOf(10, at);
    const header = bytes.toString('utf8', at, nl);
    at = nl + 1;
    const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!m) {
      out.set(spec, null);
      continue;
    }
    const size = Number(m[2]);
    out.set(spec, m[1] === 'blob' ? bytes.subarray(at, at + size) : null);
    at += size + 1;
  }
  return out;
}
