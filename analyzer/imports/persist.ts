// The import graph's disk cache: each source file's resolved edges,
// keyed by the git blob id they were parsed from, under the user's cache directory (next to the
// history cache, analyzer/history/cache.ts) — never in the repository. A one-shot `conway check`,
// `analyze` or `review` then reads, tokenizes and resolves only the files whose blob changed.
//
// Resolution depends on more than a file's bytes, so the cache also keeps what it was resolved
// against: the configs (tsconfig/jsconfig/package.json/pnpm-workspace.yaml, by blob id) and the
// tracked file list. When the configs differ every stored import is resolved again (reading and
// tokenizing are still saved); when only the file list differs, an import is resolved again if
// it was unresolved, its target is gone, or a new file has its target's stem (`a/b.ts` added
// beside `a/b/index.ts` or `a/b.js` can take over `./b`).
// Any fault reading the file is a miss: a broken cache only costs a rebuild.
import { createHash } from 'node:crypto';
import { realPath } from '../collect/file-stats';
import { writeCacheFile } from '../collect/make-dirs';
import { readTextFile } from '../collect/read-file';
import { join } from 'node:path';
import type { ImportEdge } from '../model/types';

// 3: JavaScript importers resolve to runtime files, not the .d.ts beside them. 4: each file's
// stamp (size and mtime when read), so a new process knows an unchanged file by one stat.
const VERSION = 4;

export interface PersistedImports {
  configKey: string;
  tracked: string[];
  /**
   * The notes the graph was built with (tsconfig `extends` that could not be followed, …). They
   * come from reading configs, which a warm run skips: kept here so it reports what a cold run does.
   */
  notes: string[];
  /**
   * path → blob id and the edges parsed from it; `stamp`: the file's `size:mtimeMs` when it was
   * read, kept only when its mtime was already well in the past then (index.ts), '' otherwise.
   */
  files: Map<string, { blob: string; edges: ImportEdge[]; stamp: string }>;
}

type Row = [string, string, [string | null, string, number, ImportEdge['kind']][], string];

export function importCacheFile(cacheDir: string, root: string): string {
  let real = root;
  try {
    real = realPath(root);
  } catch {
    // a root that cannot be resolved is cached under its name
  }
  return join(
    cacheDir,
    'imports',
    `${createHash('sha256')
      .update(JSON.stringify([VERSION, real]))
      .digest('hex')
      .slice(0, 32)}.json`,
  );
}

export function readImportCache(file: string): PersistedImports | null {
  try {
    // A regular file only (a FIFO would block), below V8's longest string.
    const r = readTextFile(file, 512 * 1024 * 1024);
    if (r.kind !== 'text') return null;
    const data = JSON.parse(r.text) as {
      v: number;
      configKey: string;
      tracked: string[];
      notes: string[];
      files: Row[];
    };
    if (
      data.v !== VERSION ||
      typeof data.configKey !== 'string' ||
      !Array.isArray(data.tracked) ||
      !Array.isArray(data.files)
    )
      return null;
    if (!Array.isArray(data.notes) || !data.notes.every((n) => typeof n === 'string')) return null;
    const files = new Map<string, { blob: string; edges: ImportEdge[]; stamp: string }>();
    for (const [path, blob, edges, stamp] of data.files) {
      files.set(path, {
        blob,
        edges: edges.map(([to, specifier, line, kind]) => ({ from: path, to, specifier, line, kind })),
        stamp: typeof stamp === 'string' ? stamp : '',
      });
    }
    return { configKey: data.configKey, tracked: data.tracked, notes: data.notes, files };
  } catch {
    return null;
  }
}

/** Written whole (collect/make-dirs.ts), so a reader never sees half a cache. */
export function writeImportCache(file: string, data: PersistedImports): void {
  const rows: Row[] = [...data.files].map(([path, f]) => [
    path,
    f.blob,
    f.edges.map((e) => [e.to, e.specifier, e.line, e.kind]),
    f.stamp,
  ]);
  writeCacheFile(
    file,
    JSON.stringify({ v: VERSION, configKey: data.configKey, tracked: data.tracked, notes: data.notes, files: rows }),
  );
}

/** Which stored imports must be resolved again for the current configs and file list. */
export function staleTest(
  stored: PersistedImports,
  configKey: string,
  tracked: string[],
  trackedSet: Set<string>,
): (e: ImportEdge) => boolean {
  if (stored.configKey !== configKey) return () => true;
  const before = new Set(stored.tracked);
  const addedStems = new Set(tracked.filter((f) => !before.has(f)).map(stem));
  if (!addedStems.size && stored.tracked.length === tracked.length) return () => false; // same files, same configs: same answers
  // A bare specifier that was a package may now name an added file through baseUrl: `utils/x` → src/utils/x.ts.
  const tails = new Set([...addedStems].flatMap((s) => s.split('/').map((_, i, parts) => parts.slice(i).join('/'))));
  return (e) => {
    if (e.to === null) return true;
    if (e.to.startsWith('npm:')) return tails.has(e.specifier);
    return !e.to.startsWith('node:') && (!trackedSet.has(e.to) || addedStems.has(stem(e.to)));
  };
}

/** `a/b/index.ts`, `a/b.ts`, `a/b.d.ts` → `a/b`. */
function stem(path: string): string {
  return path.replace(/(\.d)?\.[cm]?[jt]sx?$/, '').replace(/\/index$/, '');
}
