// Files git tracks at HEAD's index (`git ls-files -z`): NUL-separated so names with spaces,
// quotes or newlines survive. Streamed; the list itself is what callers need.
import { streamGit } from './git';

export async function listTrackedFiles(repoDir: string, signal?: AbortSignal): Promise<string[]> {
  const files: string[] = [];
  let rest = '';
  for await (const chunk of streamGit(repoDir, ['-c', 'core.quotepath=off', 'ls-files', '-z'], { signal })) {
    const parts = (rest + chunk).split('\0');
    rest = parts.pop()!;
    for (const p of parts) if (p) files.push(p);
  }
  if (rest) files.push(rest);
  return files;
}

/**
 * The tracked files with what git's index knows about them, from the same single `git ls-files`:
 * `-s` gives each entry's blob id, `-v` tags it (H cached, S skip-worktree, M unmerged; lowercase
 * when marked assume-unchanged) and `-m` adds a C entry for each file whose work-tree content
 * differs from the index — git decides that from the stat data it keeps (and by content for
 * racily-clean entries), so nobody has to stat every file to learn which ones changed.
 */
export interface TrackedIndex {
  /** Exactly `git ls-files` (an unmerged path once per stage). */
  files: string[];
  /** Blob id of each regular file (mode 100644/100755) at stage 0 with no skip-worktree or assume-unchanged bit. */
  blobs: Map<string, string>;
  /** The files git found modified in the work tree (including deleted); null when not asked for. */
  modified: Set<string> | null;
}

export async function listTrackedIndex(
  repoDir: string,
  opts: { modified?: boolean; signal?: AbortSignal } = {},
): Promise<TrackedIndex> {
  const files: string[] = [];
  const blobs = new Map<string, string>();
  const modified = opts.modified ? new Set<string>() : null;
  // Entries "<tag> <mode> <id> <stage>\t<path>\0", read where they lie in git's output (no
  // string per entry): the mode always has 6 digits, so the id starts at offset 9.
  const take = (s: string, start: number, end: number) => {
    const tab = s.indexOf('\t', start + 9); // the first: a path may contain tabs
    if (tab < 0 || tab >= end) return;
    const path = s.slice(tab + 1, end);
    const tag = s[start];
    if (tag === 'C' || tag === 'c') {
      modified?.add(path);
      return;
    }
    files.push(path);
    if (tag === 'H' && s.startsWith(' 100', start + 1) && s[tab - 1] === '0' && s[tab - 2] === ' ')
      blobs.set(path, s.slice(start + 9, tab - 2));
  };
  let buf = '';
  // -m compares work-tree content: git.ts turns the repository's filter drivers off for it.
  const args = ['-c', 'core.quotepath=off', 'ls-files', '-z', '-c', '-s', '-v', ...(opts.modified ? ['-m'] : [])];
  for await (const chunk of streamGit(repoDir, args, { signal: opts.signal })) {
    buf = buf ? buf + chunk : chunk;
    let start = 0;
    for (let end = buf.indexOf('\0'); end >= 0; end = buf.indexOf('\0', start)) {
      take(buf, start, end);
      start = end + 1;
    }
    buf = buf.slice(start);
  }
  if (buf) take(buf, 0, buf.length);
  return { files, blobs, modified };
}
