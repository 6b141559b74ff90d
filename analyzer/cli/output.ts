// Writes a command's main output to stdout or, with --out, to a file — atomically (temp file +
// rename), so an interrupted run never leaves half a report where a previous one was.
import { renameSync, writeFileSync } from 'node:fs';
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

export function writeFileAtomic(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    throw new UserError(`cannot write ${path}: ${(e as Error).message}`);
  }
}
