// The analyzer off the extension host's thread: a child process (forked by the extension) that
// answers ToWorker messages over IPC. It keeps one import index per repository warm, so the
// imports of a file saved in the editor are re-resolved without re-reading the repository.
import { analyzeRepo } from './analyze';
import { listTrackedFiles } from './collect/tracked-files';
import { flushCacheWrites, keepCacheWarm } from './history/cache';
import { warmImportIndex } from './imports';
import { loadOwnership, type Ownership } from './ownership';
import { fileImportViolations } from './pipeline/file-check';
import { isToWorker, type FromWorker, type ToWorker, type WorkerOptions } from './protocol';
import { reviewChange } from './review';

keepCacheWarm();
const running = new Map<number, AbortController>();
// Tracked files per repository: the last analysis's (its report lists every one), or one
// `git ls-files` before the first. The import index itself is the one the analysis keeps warm
// (analyzer/imports), so hovers and analyses resolve with the same caches.
const trackedFiles = new Map<string, Promise<string[]>>();
// Ownership per repository, reused by every hover and save until the next analysis (which is
// what the extension asks for when CODEOWNERS or conway.yml is saved).
const ownerships = new Map<string, { key: string; ownership: Ownership }>();

function ownershipFor(root: string, options: WorkerOptions): Ownership {
  const key = JSON.stringify([options.flavor, options.codeowners, options.teams]);
  const hit = ownerships.get(root);
  if (hit?.key === key) return hit.ownership;
  const ownership = loadOwnership(root, options);
  ownerships.set(root, { key, ownership });
  return ownership;
}

function send(msg: FromWorker): void {
  process.send?.(msg);
}

async function handle(msg: ToWorker): Promise<void> {
  if (msg.type === 'cancel') return void running.get(msg.target)?.abort();
  const ctrl = new AbortController();
  running.set(msg.id, ctrl);
  try {
    if (msg.type === 'analyze') {
      trackedFiles.delete(msg.root); // files may have changed with HEAD
      ownerships.delete(msg.root);
      const report = await analyzeRepo(msg.root, { ...msg.options, signal: ctrl.signal, onProgress: (p) => send({ id: msg.id, type: 'progress', ...p }) });
      send({ id: msg.id, type: 'report', report });
      // The report lists every tracked file: hovers need no `git ls-files` of their own.
      trackedFiles.set(msg.root, Promise.resolve(report.files.map((f) => f.path)));
    } else if (msg.type === 'review') {
      const { flavor, codeowners, teams, exclude, cacheDir } = msg.options;
      const review = await reviewChange(msg.root, { mode: msg.mode, flavor, codeowners, teams, exclude, cacheDir, signal: ctrl.signal });
      send({ id: msg.id, type: 'review', review });
    } else {
      let tracked = trackedFiles.get(msg.root);
      if (!tracked) trackedFiles.set(msg.root, (tracked = listTrackedFiles(msg.root)));
      const files = await tracked;
      const idx = warmImportIndex(msg.root, files, msg.options.exclude ?? []);
      const edges = idx.resolveFile(msg.file, msg.text);
      const violations = fileImportViolations(ownershipFor(msg.root, msg.options), idx.packages, edges, files);
      send({ id: msg.id, type: 'imports', edges, violations });
    }
  } catch (e) {
    send({ id: msg.id, type: 'error', message: (e as Error).message });
  } finally {
    running.delete(msg.id);
  }
}

process.on('message', (msg) => {
  if (isToWorker(msg)) void handle(msg);
  else send({ id: 0, type: 'error', message: 'malformed message ignored' });
});
// The history cache's disk copy is written just after each update: finish it before leaving.
process.on('disconnect', () => void flushCacheWrites().finally(() => process.exit(0)));
