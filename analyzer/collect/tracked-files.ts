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

export async function listTrackedIndex(repoDir: string, opts: { modified?: boolean; signal?: AbortSignal } = {}): Promise<TrackedIndex> {
  const files: string[] = [];
  const blobs = new Map<string, string>();
  const modified = opts.modified ? new Set<string>() : null;
  // "<tag> <mode> <id> <stage>\t<path>"
  const take = (entry: string) => {
    const tab = entry.indexOf('\t');
    if (tab < 0) return;
    const path = entry.slice(tab + 1);
    const tag = entry[0];
    if (tag === 'C' || tag === 'c') {
      modified?.add(path);
      return;
    }
    files.push(path);
    if (tag === 'H' && entry.startsWith(' 100', 1) && entry[tab - 1] === '0' && entry[tab - 2] === ' ') {
      blobs.set(path, entry.slice(entry.indexOf(' ', 2) + 1, tab - 2));
    }
  };
  let rest = '';
  const args = ['-c', 'core.quotepath=off', 'ls-files', '-z', '-c', '-s', '-v', ...(opts.modified ? ['-m'] : [])];
  for await (const chunk of streamGit(repoDir, args, { signal: opts.signal })) {
    const parts = (rest + chunk).split('\0');
    rest = parts.pop()!;
    for (const p of parts) if (p) take(p);
  }
  if (rest) take(rest);
  return { files, blobs, modified };
}
