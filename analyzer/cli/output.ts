// Writes a command's main output to stdout or, with --out, to a file — atomically (temp file +
// rename), so an interrupted run never leaves half a report where a previous one was.
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve, basename, join } from 'node:path';
import { UserError } from '../errors';
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
  if (!existsSync(dir)) throw new UserError(`cannot write ${path}: the directory ${dir} does not exist; create it first (mkdir -p ${dir})`);
}

export function writeFileAtomic(path: string, text: string): void {
  checkOutDir(path);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    throw new UserError(`cannot write ${path}: ${(e as Error).message}`);
  }
}
