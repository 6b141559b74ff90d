// The analyzer off the extension host's thread: a child process (forked by the extension) that
// answers ToWorker messages over IPC. Its one WarmContext (model/warm.ts) holds everything kept
// between requests, per repository root: the history cache entries, the import index (so the
// imports of a file saved in the editor are re-resolved without re-reading the repository), the
// tracked files and the ownership hovers use.
import { basename } from 'node:path';
import { analyzeRepo } from './analyze';
import { listTrackedFiles } from './collect/tracked-files';
import { warmImportIndex } from './imports';
import { WarmContext } from './model/warm';
import { loadOwnership, type Ownership } from './ownership';
import { fileImportViolations, type KeptDelivery } from './pipeline/file-check';
import { isToWorker, type FromWorker, type ToWorker, type WorkerOptions } from './protocol';
import { reviewChange } from './review';
import { teamSeriesOf } from './store/series';

const warm = new WarmContext();
const running = new Map<number, AbortController>();

// Tracked files of a repository: the last analysis's (its report lists every one), or one
// `git ls-files` before the first.
function trackedFilesOf(root: string): Promise<string[]> {
  return warm.slot(root, 'worker-tracked', () => listTrackedFiles(root));
}

// Ownership of a repository, reused by every hover and save until the next analysis (which is
// what the extension asks for when CODEOWNERS or conway.yml is saved).
function ownershipFor(root: string, options: WorkerOptions): Ownership {
  const key = JSON.stringify([options.flavor, options.codeowners, options.teams]);
  const kept = warm.slot(root, 'worker-ownership', () => ({ key: '', ownership: null as Ownership | null }));
  if (kept.key !== key || !kept.ownership)
    Object.assign(kept, { key, ownership: loadOwnership(root, { ...options, warm }) });
  return kept.ownership!;
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
      warm.forget(msg.root, 'worker-tracked'); // files may have changed with HEAD
      warm.forget(msg.root, 'worker-ownership');
      const report = await analyzeRepo(msg.root, {
        ...msg.options,
        warm,
        signal: ctrl.signal,
        onProgress: (p) => send({ id: msg.id, type: 'progress', ...p }),
      });
      send({ id: msg.id, type: 'report', report });
      // The report lists every tracked file: hovers need no `git ls-files` of their own.
      const files = Promise.resolve(report.files.map((f) => f.path));
      warm.slot(msg.root, 'worker-tracked', () => files);
    } else if (msg.type === 'review') {
      const { flavor, codeowners, teams, exclude, cacheDir } = msg.options;
      const review = await reviewChange(msg.root, {
        mode: msg.mode,
        flavor,
        codeowners,
        teams,
        exclude,
        cacheDir,
        signal: ctrl.signal,
        warm,
      });
      send({ id: msg.id, type: 'review', review });
    } else if (msg.type === 'snapshot-trend') {
      // The folder's snapshots: `conway snapshot` names a repository by its directory, as here.
      send({ id: msg.id, type: 'snapshot-trend', trend: await teamSeriesOf(msg.db, basename(msg.root)) });
    } else {
      const files = await trackedFilesOf(msg.root);
      const idx = warmImportIndex(msg.root, files, msg.options.exclude ?? [], warm);
      const edges = idx.resolveFile(msg.file, msg.text);
      const kept = warm.slot(msg.root, 'file-check-delivery', (): KeptDelivery => ({}));
      const violations = fileImportViolations(ownershipFor(msg.root, msg.options), idx.packages, edges, files, kept);
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
process.on('disconnect', () => void warm.flush().finally(() => process.exit(0)));
