// Writes a command's main output to stdout or, with --out, to a file. A regular file (or a new
// one) is replaced atomically — a temp file beside it, then rename — so an interrupted run never
// leaves half a report where a previous one was. Anything else is written through, never
// replaced: a symlink's target (atomically when that is a regular file), a device (/dev/null,
// /dev/stdout) or a pipe as it is; a directory is refused. The temp file is created exclusively
// (a planted link is never followed) and removed on every failure and on a signal; stale ones of
// killed runs are removed by the next write (collect/temp-files.ts).
import {
  closeSync,
  existsSync,
  lstatSync,
  openSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../contract/errors';
import { removeStaleTemps, trackTemp } from '../collect/temp-files';
import type { Io } from './command';

export function writeOutput(text: string, out: string | undefined, io: Io): void {
  if (!out) {
    io.stdout(text.endsWith('\n') ? text : text + '\n');
    return;
  }
  writeFileAtomic(resolve(io.cwd, out), text);
  io.stderr(`wrote ${out}\n`);
}

/** Fails before a long analysis, not after it, when the output's directory is missing. */
export function checkOutDir(path: string): void {
  const dir = dirname(path);
  if (!existsSync(dir))
    throw new UserError(`cannot write ${path}: the directory ${dir} does not exist; create it first (mkdir -p ${dir})`);
}

export function writeFileAtomic(path: string, text: string): void {
  checkOutDir(path);
  try {
    const target = writeTarget(path);
    if (target.replace) replaceAtomically(target.path, text);
    else writeFileSync(target.path, text);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`cannot write ${path}: ${(e as Error).message}`);
  }
}

/** Where to write, and whether by temp file + rename (only over a regular file or nothing). */
function writeTarget(path: string): { path: string; replace: boolean } {
  const link = statOrNull(path, lstatSync);
  if (!link) return { path, replace: true };
  if (link.isSymbolicLink()) {
    const real = statOrNull(path, statSync);
    // A dangling link: writing through creates its target, as `>` in a shell would.
    if (!real) return { path, replace: false };
    if (real.isDirectory()) throw new UserError(`cannot write ${path}: it links to a directory — give a file name`);
    return real.isFile() ? { path: realpathSync(path), replace: true } : { path, replace: false };
  }
  if (link.isDirectory()) throw new UserError(`cannot write ${path}: it is a directory — give a file name`);
  return { path, replace: link.isFile() };
}

function replaceAtomically(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const done = trackTemp(tmp);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o666);
    const bytes = Buffer.from(text);
    for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
    removeStaleTemps(path, `.${basename(path)}.`);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // never created, or already gone
    }
    throw e;
  } finally {
    done();
  }
}

function statOrNull(path: string, stat: typeof lstatSync): ReturnType<typeof lstatSync> | null {
  try {
    return stat(path);
  } catch {
    return null;
  }
}
