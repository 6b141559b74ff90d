// Reads the input files Conway needs (CODEOWNERS, conway.yml, configs, sources) under the rules
// of the security model (docs/security.md). Never writes.
//  - regular files only: opened non-blocking, so a FIFO never hangs the open, then refused by
//    fstat like a device or a socket (`/dev/zero` would otherwise be read forever);
//  - a size cap on the regular file's size (devices, which report size 0 and never end, are refused);
//  - readRepoFile: the file must lie inside the repository after following links — a committed
//    symlink to /etc/passwd or ~/.npmrc is refused with the place it points to, never read —
//    and not inside a git directory (any `.git` component: the repository's own, a submodule's
//    under .git/modules, a nested clone's), which holds credentials (`http.<url>.extraheader`,
//    tokens in remote URLs) and is no file of the repository: such a link is "outside" too.
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';

export type ReadResult =
  /** bytes: what was read; size and mtimeMs: from the same open file's stat. */
  | { kind: 'text'; text: string; bytes: Buffer; size: number; mtimeMs: number }
  | { kind: 'missing' }
  | { kind: 'too-large'; size: number }
  | { kind: 'unreadable'; message: string }
  /** A link (the file itself or a directory above it) that resolves outside the repository. */
  | { kind: 'outside'; target: string };

export const NOT_REGULAR = 'not a regular file (a FIFO, device or socket) — Conway reads regular files only';

export function readTextFile(absPath: string, maxBytes: number): ReadResult {
  return readWith(absPath, maxBytes, 0) as ReadResult; // without O_NOFOLLOW there is no 'link'
}

/** Opens with extra flags (O_NOFOLLOW: a link is ELOOP, reported as 'link'), then reads as readTextFile. */
function readWith(absPath: string, maxBytes: number, flags: number): ReadResult | { kind: 'link' } {
  let fd: number;
  try {
    fd = openSync(absPath, constants.O_RDONLY | constants.O_NONBLOCK | flags);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' && flags) return { kind: 'link' };
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP') return { kind: 'missing' };
    return { kind: 'unreadable', message: (e as Error).message };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { kind: 'missing' };
    if (!stat.isFile()) return { kind: 'unreadable', message: NOT_REGULAR };
    if (stat.size >= maxBytes) return { kind: 'too-large', size: stat.size };
    const bytes = readUpTo(fd, stat.size);
    return { kind: 'text', text: stripBom(bytes.toString('utf8')), bytes, size: stat.size, mtimeMs: stat.mtimeMs };
  } catch (e) {
    return { kind: 'unreadable', message: (e as Error).message };
  } finally {
    closeSync(fd);
  }
}

/**
 * A file of the repository at `root` (rel: repository-relative, or absolute). `parents`: also
 * check the directories above it (for fixed locations such as `.github/CODEOWNERS`, where
 * `.github` itself may be a committed link); tracked files need only their own check, as git
 * never checks a file out below a symlink.
 */
export function readRepoFile(root: string, rel: string, maxBytes: number, parents = false): ReadResult {
  const abs = isAbsolute(rel) ? rel : join(root, rel);
  if (!parents) {
    // The common case, a plain tracked file, costs one open: O_NOFOLLOW fails only on a link.
    const r = readWith(abs, maxBytes, constants.O_NOFOLLOW);
    if (r.kind !== 'link') return r;
  }
  const target = escapes(root, abs);
  return target === null ? readTextFile(abs, maxBytes) : { kind: 'outside', target };
}

/** Where abs really points when that is outside root; null when it stays inside (or does not exist). */
export function escapes(root: string, abs: string): string | null {
  try {
    const real = realpathSync.native(abs);
    return inside(realRoot(root), real) ? null : real;
  } catch {
    // missing, or a dangling link: nothing is read from it; a dangling link's directory may still escape
    try {
      const dir = realpathSync.native(dirname(abs));
      return inside(realRoot(root), dir) ? null : dir;
    } catch {
      return null;
    }
  }
}

// Asked only for links and fixed-location inputs (a handful per run): no memo to keep.
function realRoot(root: string): string {
  try {
    return realpathSync.native(root);
  } catch {
    return root;
  }
}

function inside(root: string, real: string): boolean {
  const rel = relative(root, real);
  if (rel === '') return true;
  return !rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel) && !inGitDir(rel);
}

/** A `.git` component (case-insensitive: macOS and Windows file systems fold case, as git does). */
function inGitDir(rel: string): boolean {
  return rel.split(sep).some((part) => part.toLowerCase() === '.git');
}

/** The file's bytes as fstat sized them (a regular file; the caller checked size < cap): one read for a typical source. */
function readUpTo(fd: number, size: number): Buffer {
  const buf = Buffer.alloc(size);
  let off = 0;
  while (off < size) {
    const n = readSync(fd, buf, off, size - off, off);
    if (n === 0) break;
    off += n;
  }
  return buf.subarray(0, off);
}

/** A UTF-8 byte order mark is not part of the first line (CODEOWNERS rule 1, a YAML key). */
function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
