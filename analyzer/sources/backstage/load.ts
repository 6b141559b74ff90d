// Finds and reads the Backstage catalog: every `catalog-info.yaml` (or `.yml`) in the work
// tree and the files its `kind: Location` entities list in `spec.target(s)` (relative paths
// inside the repository; URLs are not fetched), or `--catalog FILE` / `--catalog DIR` (every .yaml/.yml file under DIR — an
// organization's catalog repository), which may lie outside the repository. Paths of files in
// the repository are repository-relative, as rules and problems name them.
import { filesUnder, userPathKind } from '../../collect/user-paths';
import { isAbsolute, join, posix, relative } from 'node:path';
import { findFilesNamed } from '../../collect/find-named';
import { readRepoFile, readTextFile } from '../../collect/read-file';
import { UserError } from '../../contract/errors';
import type { Problem } from '../../model/types';
import { parseCatalogFile, type CatalogEntity } from './parse';

export const CATALOG_FILES = ['catalog-info.yaml', 'catalog-info.yml'];
const MAX_BYTES = 16 * 1024 * 1024;

export interface Catalog {
  files: string[];
  entities: CatalogEntity[];
  errors: Problem[];
}

/** The catalog, or null when there is none (an explicit --catalog must exist). */
export function loadCatalog(root: string, given?: string): Catalog | null {
  if (given) {
    const files = explicitFiles(root, given);
    return readCatalog(
      files.map((f) => display(root, f)),
      false,
      (name) => readTextFile(isAbsolute(name) ? name : join(root, name), MAX_BYTES),
    );
  }
  return readCatalog(findFilesNamed(root, CATALOG_FILES).sort(), true, (name) =>
    readRepoFile(root, name, MAX_BYTES, true),
  );
}

/**
 * The catalog of one revision of the repository (`review` reads each side's): its tracked
 * catalog-info files, and the Location targets they list, through the side's reader.
 */
export function catalogAt(tracked: string[], read: (path: string) => string | null): Catalog | null {
  const files = tracked.filter((p) => CATALOG_FILES.includes(p.slice(p.lastIndexOf('/') + 1))).sort();
  return readCatalog(files, true, (name) => {
    const text = read(name);
    return text === null ? { kind: 'missing' } : { kind: 'text', text };
  });
}

/** The catalog files named, in order, with the Location targets of repository files followed. */
function readCatalog(
  files: string[],
  follow: boolean,
  read: (name: string) => { kind: 'text'; text: string } | { kind: string },
): Catalog | null {
  if (!files.length) return null;
  const out: Catalog = { files: [], entities: [], errors: [] };
  const queue = [...files];
  const seen = new Set(queue);
  for (let i = 0; i < queue.length; i++) {
    const name = queue[i];
    const r = read(name);
    if (!('text' in r)) {
      out.errors.push({
        file: name,
        line: 0,
        message: `cannot read the catalog file (${r.kind}): its entities are not used`,
      });
      continue;
    }
    const parsed = parseCatalogFile(r.text, name);
    if (follow) for (const t of locationTargets(parsed.entities, name)) if (!seen.has(t) && seen.add(t)) queue.push(t);
    out.files.push(name);
    out.entities.push(...parsed.entities);
    out.errors.push(...parsed.errors);
  }
  return out;
}

/** Relative `spec.target` / `spec.targets` of Location entities, as repository paths (none that leave it). */
function locationTargets(entities: CatalogEntity[], file: string): string[] {
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
  return entities
    .filter((e) => e.kind.toLowerCase() === 'location')
    .flatMap((e) => [e.spec.target, ...(Array.isArray(e.spec.targets) ? e.spec.targets : [])])
    .filter((t): t is string => typeof t === 'string' && !/^[a-z]+:/i.test(t))
    .map((t) => posix.normalize(posix.join(dir, t)))
    .filter((t) => !t.startsWith('..') && !posix.isAbsolute(t));
}

function explicitFiles(root: string, given: string): string[] {
  const abs = isAbsolute(given) ? given : join(root, given);
  const kind = userPathKind(abs);
  if (!kind) throw new UserError(`--catalog ${given}: no such file or directory`);
  if (kind === 'file') return [abs];
  const found = filesUnder(abs, /\.ya?ml$/);
  if (!found.length) throw new UserError(`--catalog ${given}: no .yaml or .yml files in the directory`);
  return found;
}

function display(root: string, abs: string): string {
  const rel = relative(root, abs).split('\\').join('/');
  return rel.startsWith('..') || isAbsolute(rel) ? abs : rel;
}
