// The only place that spawns git. Always an argument array (never a shell), output streamed:
// `streamGit` yields decoded text chunks as git writes them and pauses git when the consumer is
// slower (async iteration over stdout applies backpressure), so no log is ever held whole.
// Failures become typed errors: GitError (with git's stderr), MissingObjectError for
// `fatal: unable to read …` (partial clones, broken mirrors), and RepoStateError for the
// expected states a user can fix (not a repository).
// The repository is untrusted: every call — text or bytes — is spawned by `spawnGit` with
// git-safety.ts's settings and environment (and, for commands that read the work tree, the
// overrides of the repository's filter and diff drivers), so its config runs no program,
// changes no answer, and git never fetches or writes.
import { spawn, type ChildProcess } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import { RepoStateError } from '../contract/errors';
import { resolve } from 'node:path';
import { DRIVER_KEYS, driverOverrides, gitEnvironment, readsWorkTree, refreshesIndex, SAFE_ARGS } from './git-safety';
import { repoStateOf } from './git-states';
import { copyIndex, type PrivateIndex } from './private-index';

export class GitError extends Error {
  override name = 'GitError';
  constructor(
    readonly args: string[],
    readonly code: number | null,
    readonly stderr: string,
  ) {
    super(`git ${args.slice(0, 3).join(' ')}… failed (exit ${code}): ${firstLine(stderr)}`);
  }
}

/** git could not read an object the command needed (partial clone, missing blobs). */
export class MissingObjectError extends GitError {
  override name = 'MissingObjectError';
}

export interface GitRun {
  /** Text written to git's stdin, then stdin is closed. */
  stdin?: string;
  signal?: AbortSignal;
  /** Extra environment variables. */
  env?: Record<string, string>;
}

/** Runs git and yields its stdout as UTF-8 text chunks (multi-byte characters never split). */
export async function* streamGit(dir: string, args: string[], run: GitRun = {}): AsyncGenerator<string> {
  const child = await spawnGit(dir, args, run);
  const exit = exitOf(child, args);
  exit.catch(() => undefined); // awaited below; this only stops an early `break` from leaving it unhandled
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of child.stdout!) yield decoder.write(chunk as Buffer);
    const tail = decoder.end();
    if (tail) yield tail;
    await exit;
  } finally {
    if (child.exitCode === null) child.kill();
  }
}

/**
 * The one spawn of git: safe settings, driver overrides where the work tree is read, clean
 * environment — and, for a `git diff` against the work tree, a private copy of the index: git
 * writes refreshed stat data back into the index it used, whatever GIT_OPTIONAL_LOCKS says.
 */
async function spawnGit(dir: string, args: string[], run: GitRun): Promise<ChildProcess> {
  const drivers = readsWorkTree(args) ? await driverArgs(dir) : [];
  const index = refreshesIndex(args) ? await privateIndex(dir) : null;
  const child = spawn('git', [...SAFE_ARGS, ...drivers, ...args], {
    cwd: dir,
    env: { ...gitEnvironment(process.env), ...run.env, ...(index ? { GIT_INDEX_FILE: index.path } : {}) },
    stdio: [run.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    signal: run.signal,
  });
  if (index) child.on('close', index.dispose).on('error', index.dispose);
  if (run.stdin !== undefined) child.stdin!.on('error', () => undefined).end(run.stdin);
  return child;
}

/** A temp copy of the repository's index (none when it has none yet). */
async function privateIndex(dir: string): Promise<PrivateIndex | null> {
  return copyIndex(resolve(dir, (await runGit(dir, ['rev-parse', '--git-path', 'index'])).trim()));
}

/** Runs git and returns all of stdout: only for small outputs (rev-parse, config). */
export async function runGit(dir: string, args: string[], run: GitRun = {}): Promise<string> {
  let out = '';
  for await (const chunk of streamGit(dir, args, run)) out += chunk;
  return out;
}

/** Runs git and returns stdout as bytes (blob contents, whose sizes git gives in bytes). */
export async function runGitBytes(dir: string, args: string[], run: GitRun = {}): Promise<Buffer> {
  const child = await spawnGit(dir, args, run);
  const exit = exitOf(child, args);
  exit.catch(() => undefined);
  const chunks: Buffer[] = [];
  for await (const chunk of child.stdout!) chunks.push(chunk as Buffer);
  await exit;
  return Buffer.concat(chunks);
}

/** Yields stdout line by line (without the newline). */
export async function* gitLines(dir: string, args: string[], run: GitRun = {}): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of streamGit(dir, args, run)) {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop()!;
    yield* lines;
  }
  if (rest) yield rest;
}

/** `-c` arguments turning off the repository's filter and diff drivers (spawned directly: no recursion). */
async function driverArgs(dir: string): Promise<string[]> {
  const child = spawn('git', [...SAFE_ARGS, 'config', '--name-only', '--get-regexp', DRIVER_KEYS], {
    cwd: dir,
    env: gitEnvironment(process.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exit = exitOf(child, ['config']);
  exit.catch(() => undefined);
  let keys = '';
  for await (const chunk of child.stdout!) keys += String(chunk);
  await exit.catch((e) => {
    if (!(e instanceof GitError)) throw e; // exit 1: no driver configured
  });
  return driverOverrides(keys);
}

/** `git config user.email` in a repository ('' when unset): for the editor's "your team". */
export async function userEmail(dir: string): Promise<string> {
  return (await runGit(dir, ['config', 'user.email']).catch(() => '')).trim();
}

/**
 * Resolves the repository's top level (the git dir of a bare repository, unless `workTree` is
 * asked for: then a bare repository is a RepoStateError too), or throws RepoStateError.
 */
export async function findRepoRoot(dir: string, workTree = false): Promise<string> {
  try {
    return (await runGit(dir, ['rev-parse', '--show-toplevel'])).trim();
  } catch (e) {
    if (e instanceof GitError && /work tree/.test(e.stderr)) {
      const gitDir = (await runGit(dir, ['rev-parse', '--absolute-git-dir'])).trim();
      if (!workTree) return gitDir;
      throw new RepoStateError(
        `${gitDir} is a bare repository (no work tree): Conway reads a checkout — clone it (\`git clone ${gitDir} DIR\`) and pass --repo DIR`,
      );
    }
    if (e instanceof GitError || isMissingDir(e)) {
      throw new RepoStateError(`${dir} is not a git repository (run conway inside a clone or pass --repo DIR)`);
    }
    throw e;
  }
}

function exitOf(child: ChildProcess, args: string[]): Promise<void> {
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (s: string) => {
    if (stderr.length < 64_000) stderr += s;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const state = code === 0 ? null : repoStateOf(stderr);
      if (code === 0) resolve();
      else if (state) reject(state);
      else if (
        /fatal: unable to read|missing blob|bad object|from promisor remote|lazy fetching disabled/i.test(stderr)
      )
        reject(new MissingObjectError(args, code, stderr));
      else reject(new GitError(args, code, stderr));
    });
  });
}

function isMissingDir(e: unknown): boolean {
  return (e as NodeJS.ErrnoException)?.code === 'ENOENT' || (e as NodeJS.ErrnoException)?.code === 'ENOTDIR';
}

function firstLine(s: string): string {
  return s.trim().split('\n')[0] ?? '';
}
