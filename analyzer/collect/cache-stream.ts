// Line-by-line reading and atomic writing of the cache files that can outgrow one string
// (a 1M-commit history cache). The cache lives outside the repository (history/cache.ts says
// where); a reader never sees half a file, and the temp file never outlives a failure.
import {
  createReadStream,
  createWriteStream,
  mkdtempSync,
  renameSync,
  rmSync,
  writeFileSync,
  type WriteStream,
} from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { makeDirs, removeQuietly } from './make-dirs';
import { removeStaleTemps, trackTemp } from './temp-files';

/** The file's lines, streamed; an I/O fault surfaces as a rejected iteration. */
export function readLines(file: string): AsyncIterable<string> {
  return createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
}

/** Writes the lines to a temp file beside `file`, then renames it over; throws on failure (temp removed). */
export async function writeLinesAtomic(file: string, lines: Iterable<string>): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  const done = trackTemp(tmp);
  try {
    makeDirs(dirname(file));
    const out = createWriteStream(tmp, 'utf8');
    let failure: Error | undefined;
    out.on('error', (e) => (failure ??= e)); // reported below, never an unhandled 'error' event
    for (const line of lines) {
      if (failure) throw failure;
      if (!out.write(line)) await drainedOrClosed(out);
    }
    out.end();
    if (!out.closed) await once(out, 'close');
    if (failure) throw failure;
    renameSync(tmp, file);
    removeStaleTemps(file);
  } catch (e) {
    removeQuietly(tmp);
    throw e;
  } finally {
    done();
  }
}

/** Writes a small text file atomically (temp + rename: a concurrent run never reads half of it); throws on failure. */
export function writeTextAtomic(file: string, text: string): void {
  const tmp = `${file}.${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** A private temporary copy of a small file, for when the cache directory cannot be written. */
export function writePrivateTemp(prefix: string, name: string, text: string): { file: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(join(dir, name), text);
  return { file: join(dir, name), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Waits for 'drain' (or 'close', after an error) and removes both listeners: racing two
 * `events.once` leaves the loser's listeners behind, one pair per full buffer — Node then warns
 * about a listener leak on every cold run of a large history.
 */
function drainedOrClosed(out: WriteStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}
