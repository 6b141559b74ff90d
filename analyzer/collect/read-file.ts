// Reads the few input files Conway needs (CODEOWNERS, conway.yml) with a size limit, so a
// huge or binary file is reported instead of loaded. Never writes.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export type ReadResult =
  /** bytes: what was read; size and mtimeMs: from the same open file's stat. */
  | { kind: 'text'; text: string; bytes: Buffer; size: number; mtimeMs: number }
  | { kind: 'missing' }
  | { kind: 'too-large'; size: number }
  | { kind: 'unreadable'; message: string };

export function readTextFile(absPath: string, maxBytes: number): ReadResult {
  let fd: number;
  try {
    fd = openSync(absPath, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    return { kind: 'unreadable', message: (e as Error).message };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { kind: 'missing' };
    if (stat.size >= maxBytes) return { kind: 'too-large', size: stat.size };
    const buf = Buffer.alloc(stat.size);
    let off = 0;
    while (off < stat.size) {
      const n = readSync(fd, buf, off, stat.size - off, off);
      if (n === 0) break;
      off += n;
    }
    const bytes = buf.subarray(0, off);
    return { kind: 'text', text: bytes.toString('utf8'), bytes, size: stat.size, mtimeMs: stat.mtimeMs };
  } catch (e) {
    return { kind: 'unreadable', message: (e as Error).message };
  } finally {
    closeSync(fd);
  }
}
