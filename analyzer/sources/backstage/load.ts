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
  const files = given ? explicitFiles(root, given) : findFilesNamed(root, CATALOG_FILES);
  if (!files.length) return null;
  const out: Catalog = { files: [], entities: [], errors: [] };
  const queue = files.map((f) => (given ? { abs: f, name: display(root, f) } : { abs: join(root, f), name: f }));
  const seen = new Set(queue.map((q) => q.name));
  for (let i = 0; i < queue.length; i++) {
    const { abs, name } = queue[i];
    const r = given ? readTextFile(abs, MAX_BYTES) : readRepoFile(root, name, MAX_BYTES, true);
    if (r.kind !== 'text') {
      out.errors.push({
        file: name,
        line: 0,
        message: `cannot read the catalog file (${r.kind}): its entities are not used`,
      });
      continue;
    }
    const parsed = parseCatalogFile(r.text, name);
    if (!given)
      for (const t of locationTargets(parsed.entities, name))
        if (!seen.has(t) && seen.add(t)) queue.push({ abs: join(root, t), name: t });
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
