// Finds files with a given name anywhere in the work tree (Codeowners Plus keeps one
// `.codeowners` per directory). Reads directory listings only; links are never followed (a
// committed link may point outside the repository), and dependency and VCS directories are
// skipped: they hold no ownership files of this repository.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const SKIP = new Set(['.git', 'node_modules', '.hg', '.svn']);

/** Repository-relative paths (with `/`) of regular files named `name` (or any of `names`: one walk), sorted. */
export function findFilesNamed(root: string, name: string | readonly string[]): string[] {
  const wanted = new Set(typeof name === 'string' ? [name] : name);
  const out: string[] = [];
  const walk = (rel: string) => {
    let entries;
    try {
      entries = readdirSync(rel ? join(root, rel) : root, { withFileTypes: true });
    } catch {
      return; // unreadable directory: nothing to read there
    }
    for (const e of entries) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory() && !SKIP.has(e.name)) walk(path);
      else if (e.isFile() && wanted.has(e.name)) out.push(path);
    }
  };
  walk('');
  return out.sort();
}
