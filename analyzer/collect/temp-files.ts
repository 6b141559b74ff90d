// The temp files of atomic writes (cache files, the history cache, --out): a temp file beside
// the target, then rename. They never outlive the run that made them:
//  - on SIGINT, SIGTERM or SIGHUP the live ones are removed, then the signal is raised again so
//    the process ends as it would have (the exit status still says which signal);
//  - a run killed harder (SIGKILL, a power cut) leaves its temp file behind: the next write of
//    the same target removes every `<name>.<pid>….tmp` whose process is gone, or that is a day old
//    (a pid can be reused).
import { readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const live = new Set<string>();
let installed = false;

/** Tracks a temp file until the returned function is called (after its rename or removal). */
export function trackTemp(path: string): () => void {
  install();
  live.add(path);
  return () => void live.delete(path);
}

function install(): void {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const p of live) rmSync(p, { force: true });
      live.clear();
      // Alone, this listener replaced the default action: raised again, it ends the process. A host
      // with its own listener (the editor's) decides itself.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}

const DAY_MS = 86_400_000;

/**
 * Removes the stale temp files of `target` left by earlier runs: in its directory, names that
 * start with `prefix` (`conway.json.` for `conway.json.<pid>.tmp`) followed by a pid and end in
 * `.tmp`. Never throws: a temp file that stays only costs disk space.
 */
export function removeStaleTemps(target: string, prefix = `${basename(target)}.`): void {
  const dir = dirname(target);
  try {
    for (const name of readdirSync(dir)) {
      if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
      const pid = Number(/^(\d+)\./.exec(name.slice(prefix.length))?.[1]);
      if (!pid || pid === process.pid) continue;
      const file = join(dir, name);
      if (!isAlive(pid) || Date.now() - statSync(file).mtimeMs > DAY_MS) rmSync(file, { force: true });
    }
  } catch {
    // an unreadable directory: nothing to clean
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}
