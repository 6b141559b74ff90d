// Finds and reads the Backstage catalog: every `catalog-info.yaml` (or `.yml`) in the work
// tree, or `--catalog FILE` / `--catalog DIR` (every .yaml/.yml file under DIR — an
// organization's catalog repository), which may lie outside the repository. Paths of files in
// the repository are repository-relative, as rules and problems name them.
import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { findFilesNamed } from '../../collect/find-named';
import { readRepoFile, readTextFile } from '../../collect/read-file';
import { UserError } from '../../errors';
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
  const files = given ? explicitFiles(root, given) : CATALOG_FILES.flatMap((n) => findFilesNamed(root, n)).sort();
  if (!files.length) return null;
  const out: Catalog = { files: [], entities: [], errors: [] };
  for (const { abs, name } of files.map((f) => (given ? { abs: f, name: display(root, f) } : { abs: join(root, f), name: f }))) {
    const r = given ? readTextFile(abs, MAX_BYTES) : readRepoFile(root, name, MAX_BYTES, true);
    if (r.kind !== 'text') {
      out.errors.push({ file: name, line: 0, message: `cannot read the catalog file (${r.kind}): its entities are not used` });
      continue;
    }
    const parsed = parseCatalogFile(r.text, name);
    out.files.push(name);
    out.entities.push(...parsed.entities);
    out.errors.push(...parsed.errors);
  }
  return out;
}

function explicitFiles(root: string, given: string): string[] {
  const abs = isAbsolute(given) ? given : join(root, given);
  let st;
  try {
    st = statSync(abs);
  } catch {
    throw new UserError(`--catalog ${given}: no such file or directory`);
  }
  if (!st.isDirectory()) return [abs];
  const found = yamlUnder(abs);
  if (!found.length) throw new UserError(`--catalog ${given}: no .yaml or .yml files in the directory`);
  return found;
}

function yamlUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory() && e.name !== 'node_modules' && e.name !== '.git') return yamlUnder(p);
    return e.isFile() && /\.ya?ml$/.test(e.name) ? [p] : [];
  }).sort();
}

function display(root: string, abs: string): string {
  const rel = relative(root, abs).split('\\').join('/');
  return rel.startsWith('..') || isAbsolute(rel) ? abs : rel;
}
