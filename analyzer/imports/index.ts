// The TS/JS import graph of a repository: every tracked source file (generated and vendored
// paths excluded), its imports extracted from the text (extract.ts) and resolved (resolve.ts),
// as ImportEdge records and a graphology multi-graph (files and externals as nodes; edges carry
// kind, line and specifier). A file that cannot be read or tokenized is reported and skipped.
import { MultiDirectedGraph } from 'graphology';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileStamp, pathExists } from '../collect/file-stats';
import { readRepoFile, type ReadResult } from '../collect/read-file';
import { listTrackedFiles, type TrackedIndex } from '../collect/tracked-files';
import { makePathFilter } from '../history/paths';
import type { ImportEdge, Problem } from '../model/types';
import type { WarmContext } from '../model/warm';
import { extractImports } from './extract';
import { createResolver, type Resolve } from './resolve';
import { createConfigIndex } from './tsconfig';
import { importCacheFile, readImportCache, staleTest, writeImportCache, type PersistedImports } from './persist';
import { findWorkspacePackages, type WorkspacePackage } from './workspaces';

import { SOURCE_EXTENSIONS } from '../model/source-files';
export { SOURCE_EXTENSIONS };
/** Files that change how imports resolve. */
export const CONFIG_FILE = /(^|\/)(tsconfig[^/]*\.json|jsconfig\.json|package\.json|pnpm-workspace\.yaml)$/;
const MAX_SOURCE_BYTES = 1024 * 1024;

export interface ImportGraphOptions {
  exclude?: string[];
  /** The tracked files, when the caller already listed them (saves a `git ls-files`). */
  tracked?: string[];
  /**
   * What git's index says about them (listTrackedIndex; its `files` are then the tracked files):
   * a file git finds unmodified keeps its edges while its blob id is the one they were parsed
   * from, without a stat. A long-lived process asks for `modified` when hasWarmImports(root); a
   * one-shot run need not: the disk copy's settled stamps tell an unchanged file by one stat.
   */
  index?: TrackedIndex;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Keep each file's edges on disk under this cache directory (persist.ts), keyed by blob id. */
  cacheDir?: string;
  /** A long-lived process's state (model/warm.ts): the index and each file's edges kept between runs. */
  warm?: WarmContext;
}

export interface ImportGraphResult {
  files: string[];
  edges: ImportEdge[];
  externals: string[];
  unresolved: { file: string; line: number; specifier: string }[];
  parseErrors: Problem[];
  notes: string[];
  workspacePackages: WorkspacePackage[];
  /** Built on first access: the metrics read `edges`; library users get the graphology graph. */
  readonly graph: MultiDirectedGraph;
}

export async function buildImportGraph(root: string, opts: ImportGraphOptions = {}): Promise<ImportGraphResult> {
  const tracked = opts.index?.files ?? opts.tracked ?? (await listTrackedFiles(root, opts.signal));
  const slot = importsWarm(opts.warm, root);
  const warm = warmIndex(root, tracked, opts.exclude ?? [], slot);
  const git = opts.index;
  const index = warm.index;
  let graph: MultiDirectedGraph | undefined;
  const result: ImportGraphResult = {
    files: index.sources,
    edges: [],
    externals: [],
    unresolved: [],
    parseErrors: [],
    notes: index.notes,
    workspacePackages: index.packages,
    get graph() {
      return (graph ??= toGraph(result));
    },
  };
  const disk = opts.cacheDir
    ? { file: importCacheFile(opts.cacheDir, root), configKey: configKeyOf(root, tracked, opts.exclude ?? []) }
    : null;
  const stats = { read: 0, seeded: false };
  // Notes come from reading configs, which reused edges skip: the stored ones hold while the configs are the same.
  let stored: PersistedImports | null = null;
  if (disk && warm.edges.size === 0) {
    const read = readImportCache(disk.file);
    stats.seeded = seedFromDisk(read, disk.configKey, tracked, warm);
    if (read?.configKey === disk.configKey) stored = read;
  }
  for (let i = 0; i < index.sources.length; i++) {
    const file = index.sources[i];
    if (i % 200 === 0) {
      opts.signal?.throwIfAborted();
      opts.onProgress?.(i, index.sources.length);
      // Yield now and then, so a history mined at the same time keeps draining git's output.
      await new Promise((r) => setImmediate(r));
    }
    for (const e of edgesOf(root, file, index, warm.edges, result, git, stats)) result.edges.push(e);
  }
  for (const e of result.edges)
    if (e.to === null) result.unresolved.push({ file: e.from, line: e.line, specifier: e.specifier });
  result.externals = [
    ...new Set(result.edges.map((e) => e.to).filter((t): t is string => t !== null && /^(npm|node):/.test(t))),
  ].sort();
  // With the same configs, the stored notes already cover every config; the grouped notes of this
  // run see only the configs its changed files needed (a partial count), so they are left out.
  result.notes = stored ? [...new Set([...stored.notes, ...index.notes])] : [...index.notes, ...index.groupedNotes()];
  if (disk && (stats.read > 0 || stats.seeded || (stored && stored.notes.length !== result.notes.length)))
    persist(disk.file, disk.configKey, tracked, index.sources, warm.edges, result.notes, slot);
  opts.onProgress?.(index.sources.length, index.sources.length);
  return result;
}

// A long-lived process (the editor's worker) analyses the same repository again and again. The
// index (resolver, tsconfigs, workspace map) is reused while the tracked files and their configs
// are unchanged, and each file's edges are reused while its content is: after a commit only the
// changed files are read, tokenized and resolved again. A file's content is known unchanged when
//   - git finds it unmodified against an index blob whose bytes are exactly what the edges were
//     parsed from (the blob id is checked against the bytes read), so no stat is needed; or else
//   - its size and mtime are those it had when it was read (one stat).
type Index = ReturnType<typeof createImportIndex>;
// `settled`: the stamp was taken when the file's mtime lay SETTLED_MS in the past, so a later
// rewrite gets another mtime (as git's racy-clean rule, with room for coarse file-system clocks):
// only such stamps are written to the disk copy, where a new process trusts them.
type EdgeCache = Map<string, { stamp: string; settled?: boolean; blob: string | null; edges: ImportEdge[] }>;
const SETTLED_MS = 3000;
type WarmIndex = { tracked: string[]; key: string; index: Index; edges: EdgeCache };
/** What a warm process keeps of one repository's import graph: the index and its delayed disk write. */
type ImportsWarm = { current?: WarmIndex; pendingWrite?: NodeJS.Timeout };

function importsWarm(context: WarmContext | undefined, root: string): ImportsWarm | undefined {
  return context?.slot(root, 'imports', (): ImportsWarm => ({}));
}

/** The index the last analysis of this repository used (or a new one): shared with the editor's hovers. */
export function warmImportIndex(root: string, tracked: string[], exclude: string[], context: WarmContext): Index {
  return warmIndex(root, tracked, exclude, importsWarm(context, root)).index;
}

/** Whether an earlier analysis left edges to reuse, in memory or on disk (then listTrackedIndex with `modified` pays). */
export function hasWarmImports(root: string, cacheDir?: string, context?: WarmContext): boolean {
  return (
    (importsWarm(context, root)?.current?.edges.size ?? 0) > 0 ||
    (cacheDir !== undefined && pathExists(importCacheFile(cacheDir, root)))
  );
}

/**
 * What resolution depends on besides a file's own bytes: the exclusions and the configs' content
 * (hashed as read: the same whether or not git was asked which files are modified, so the first
 * warm run after a cold one agrees with it; configs are few and small).
 */
function configKeyOf(root: string, tracked: string[], exclude: string[]): string {
  const hash = createHash('sha1').update(JSON.stringify(exclude));
  for (const c of tracked) {
    if (!CONFIG_FILE.test(c)) continue;
    const r = readRepoFile(root, c, MAX_SOURCE_BYTES);
    hash.update(`\0${c}\0${r.kind === 'text' ? r.text : r.kind}`);
  }
  return hash.digest('hex');
}

/** Fills an empty edge cache from the disk copy; true when anything had to be resolved again. */
function seedFromDisk(
  stored: PersistedImports | null,
  configKey: string,
  tracked: string[],
  warm: { index: Index; edges: EdgeCache },
): boolean {
  if (!stored) return false;
  const trackedSet = new Set(tracked);
  const stale = staleTest(stored, configKey, tracked, trackedSet);
  let changed = stored.configKey !== configKey;
  for (const [path, { blob, edges }] of stored.files) {
    if (!trackedSet.has(path)) continue;
    const fresh = edges.map((e) => (stale(e) ? { ...e, to: warm.index.resolve(path, e.specifier) } : e));
    if (fresh.some((e, i) => e.to !== edges[i].to)) changed = true;
    // A settled stamp from the disk copy: one stat tells the file is the one its edges came from.
    warm.edges.set(path, { stamp: stored.files.get(path)!.stamp, settled: true, blob, edges: fresh });
  }
  return changed || stored.tracked.length !== tracked.length;
}

// A one-shot CLI run writes at once; a long-lived process (the editor's worker) a moment later,
// so the write is not on the path from a commit to its report.
function persist(
  file: string,
  configKey: string,
  tracked: string[],
  sources: string[],
  edges: EdgeCache,
  notes: string[],
  warm: ImportsWarm | undefined,
): void {
  const write = () => {
    const files = new Map<string, { blob: string; edges: ImportEdge[]; stamp: string }>();
    for (const f of sources) {
      const hit = edges.get(f);
      if (hit?.blob) files.set(f, { blob: hit.blob, edges: hit.edges, stamp: hit.settled ? hit.stamp : '' });
    }
    writeImportCache(file, { configKey, tracked, notes, files });
  };
  if (!warm) return write();
  clearTimeout(warm.pendingWrite);
  warm.pendingWrite = setTimeout(write, 300).unref();
}

function warmIndex(root: string, tracked: string[], exclude: string[], warm: ImportsWarm | undefined): WarmIndex {
  const configs = warm ? tracked.filter((f) => CONFIG_FILE.test(f)) : [];
  const key = warm ? JSON.stringify([exclude, configs.map((c) => fileStamp(join(root, c)))]) : '';
  const cached = warm?.current;
  if (cached?.key === key && sameList(cached.tracked, tracked)) return cached;
  const fresh: WarmIndex = { tracked, key, index: createImportIndex(root, tracked, exclude), edges: new Map() };
  if (warm) warm.current = fresh;
  return fresh;
}

function sameList(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function edgesOf(
  root: string,
  file: string,
  index: Index,
  cache: EdgeCache,
  result: ImportGraphResult,
  git: TrackedIndex | undefined,
  stats: { read: number },
): ImportEdge[] {
  const hit = cache.get(file);
  const blob = git?.blobs.get(file);
  if (hit?.blob != null && hit.blob === blob && git!.modified !== null && !git!.modified.has(file)) return hit.edges;
  const abs = join(root, file); // only now: a join per unchanged file is ~9 MB of garbage per update on 10k files
  if (hit && hit.stamp === fileStamp(abs)) return hit.edges;
  const readAt = Date.now();
  const read = readRepoFile(root, abs, MAX_SOURCE_BYTES);
  stats.read++;
  if (read.kind !== 'text') {
    result.parseErrors.push({ file, line: 0, message: skipReason(read) });
    // Counted in graph.parseErrors; a link out of the repository and a file over the cap are also said, as a note.
    const note = `${file}: ${skipReason(read)}`;
    if ((read.kind === 'outside' || read.kind === 'too-large') && !result.notes.includes(note)) result.notes.push(note);
    return [];
  }
  const stamp = `${read.size}:${read.mtimeMs}`;
  const settled = readAt - read.mtimeMs > SETTLED_MS;
  // The very bytes the edges were parsed from (a touched file, or a stamp too fresh to keep): no new parse.
  if (hit?.blob && blobId(read.bytes, hit.blob.length) === hit.blob) {
    cache.set(file, { ...hit, stamp, settled });
    return hit.edges;
  }
  try {
    const edges = index.resolveFile(file, read.text);
    cache.set(file, {
      stamp,
      settled,
      blob: blob !== undefined && blobId(read.bytes, blob.length) === blob ? blob : null,
      edges,
    });
    return edges;
  } catch (e) {
    result.parseErrors.push({ file, line: 0, message: `could not be tokenized: ${(e as Error).message}` });
    return [];
  }
}

function skipReason(read: Exclude<ReadResult, { kind: 'text' }>): string {
  if (read.kind === 'too-large') return `skipped: ${read.size} bytes (over 1 MB, probably generated)`;
  if (read.kind === 'outside') return `skipped: a link to ${read.target}, outside the repository`;
  return read.kind === 'unreadable' ? `could not be read: ${read.message}` : 'could not be read';
}

/** git's object id of a blob with these bytes (SHA-1, or SHA-256 in a repository that uses it). */
function blobId(bytes: Buffer, hexLength: number): string {
  return createHash(hexLength === 64 ? 'sha256' : 'sha1')
    .update(`blob ${bytes.length}\0`)
    .update(bytes)
    .digest('hex');
}

/** Reads a repository-relative file's text (null when absent): the disk, or a revision's blobs. */
export type ReadRel = (rel: string) => string | null;

/**
 * The warm part of the graph for the editor: resolve one file's imports after a save. `read`
 * replaces the disk for configs and package manifests (`conway review` resolves a revision
 * that is not checked out).
 */
export function createImportIndex(root: string, tracked: string[], exclude: string[] = [], read?: ReadRel) {
  const files = new Set(tracked);
  const keep = makePathFilter({ exclude });
  const sources = tracked.filter((f) => SOURCE_EXTENSIONS.test(f) && keep(f));
  const notes: string[] = [];
  const readRel =
    read ??
    ((rel: string) => {
      const r = readRepoFile(root, rel, MAX_SOURCE_BYTES);
      const note = r.kind !== 'text' && r.kind !== 'missing' ? `${rel}: ${skipReason(r)}` : null;
      if (note && !notes.includes(note)) notes.push(note);
      return r.kind === 'text' ? r.text : null;
    });
  const readJson = (rel: string) => {
    try {
      const t = files.has(rel) ? readRel(rel) : null;
      return t ? (JSON.parse(t) as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  };
  const packages = findWorkspacePackages(files, readJson, (rel) => (files.has(rel) ? readRel(rel) : null), notes);
  const configs = createConfigIndex(root, files, notes, packages, read);
  const resolve: Resolve = createResolver(root, files, configs, packages, readRel);
  return {
    sources,
    notes,
    /** Notes grouped by kind (config-notes.ts), over the configs read so far: added to `notes` once the graph is built. */
    groupedNotes: configs.notes,
    packages,
    /** Target of one specifier imported by `from` (what resolveFile does per import). */
    resolve,
    resolveFile(file: string, text: string): ImportEdge[] {
      return extractImports(text, /\.[jt]sx$/.test(file)).map((r) => ({
        from: file,
        to: resolve(file, r.specifier),
        specifier: r.specifier,
        line: r.line,
        kind: r.kind,
      }));
    },
  };
}

function toGraph(r: Omit<ImportGraphResult, 'graph'>): MultiDirectedGraph {
  const g = new MultiDirectedGraph();
  for (const f of r.files) g.mergeNode(f, { type: 'file' });
  for (const x of r.externals) g.mergeNode(x, { type: 'external' });
  for (const e of r.edges) {
    if (e.to === null) continue;
    g.mergeNode(e.to, { type: /^(npm|node):/.test(e.to) ? 'external' : 'file' });
    g.addEdge(e.from, e.to, { kind: e.kind, line: e.line, specifier: e.specifier });
  }
  return g;
}
