// Renames: a file's history follows it to its newest name, so per-file metrics at HEAD include
// the changes made before a rename (git's `-M` gives old and new path per commit).
// Choice: mineHistory returns paths exactly as git reported them (the evidence a user can
// check with `git show`); callers that want HEAD names apply `followRenames` (the analyze
// pipeline does, see MetricsInput.commits). The walk is newest → oldest and time-aware: if
// `a.ts` was renamed to `b.ts` and later a new `a.ts` was created, only the changes older
// than the rename are credited to `b.ts`.
import type { Commit, FileChange } from '../model/types';

/** Returns commits (newest first) whose file paths are the newest names of those files. */
export function followRenames(commits: Commit[]): Commit[] {
  const newest = new Map<string, string>();
  return commits.map((c) => {
    const files = headNames(c.files, newest);
    return files === c.files ? c : { ...c, files };
  });
}

/**
 * One step of the newest → oldest walk: a commit's changes under their newest names (the same
 * list when none was renamed later — on long histories most are shared as is), then this
 * commit's renames recorded for the older commits. `newest` maps old names to newest names.
 */
export function headNames(files: FileChange[], newest: Map<string, string>): FileChange[] {
  const name = (p: string) => newest.get(p) ?? p;
  const out =
    newest.size && files.some((f) => newest.has(f.path))
      ? files.map((f) => (newest.has(f.path) ? { ...f, path: name(f.path) } : f))
      : files;
  for (const f of files) if (f.oldPath !== undefined && f.oldPath !== f.path) newest.set(f.oldPath, name(f.path));
  return out;
}

/** Every path that was renamed at some point → its newest name (last state of the walk). */
export function canonicalPaths(commits: Commit[]): Map<string, string> {
  const newest = new Map<string, string>();
  for (const c of commits) {
    for (const f of c.files) {
      if (f.oldPath !== undefined && f.oldPath !== f.path) newest.set(f.oldPath, newest.get(f.path) ?? f.path);
    }
  }
  return newest;
}
