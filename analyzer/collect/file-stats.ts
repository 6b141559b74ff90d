// What the layers above collect/ may ask about a file without reading it: whether it is there,
// whether it changed since last seen (size + mtime), and its real path. Every answer survives
// a file system fault: a missing or unreadable file is an answer, never an exception.
import { existsSync, realpathSync, statSync } from 'node:fs';

/** `size:mtimeMs`, or `missing`: equal stamps mean the file was not rewritten in between. */
export function fileStamp(abs: string): string {
  try {
    const s = statSync(abs);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

/** True for a regular file only: a directory or FIFO where a file belongs is not one (a FIFO would block a read). */
export function isRegularFile(abs: string): boolean {
  try {
    return statSync(abs).isFile();
  } catch {
    return false;
  }
}

export function pathExists(abs: string): boolean {
  return existsSync(abs);
}

/** The path with every link resolved; throws like `realpath(3)` when it does not exist. */
export function realPath(abs: string): string {
  return realpathSync(abs);
}
