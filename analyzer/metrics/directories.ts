// Directory arithmetic over repository paths, shared by the unowned-directory findings and the
// module suggestions: a file's ancestors and tracked-file counts per directory.

/** '', 'a', 'a/b' for 'a/b/c.ts' — top-down, so the first match is the highest directory. */
export function ancestors(file: string): string[] {
  const out = [''];
  for (let i = file.indexOf('/'); i >= 0; i = file.indexOf('/', i + 1)) out.push(file.slice(0, i));
  return out;
}

/** Files per directory, counting every ancestor ('' is the root). */
export function countByDirectory(files: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of files) for (const d of ancestors(f)) out.set(d, (out.get(d) ?? 0) + 1);
  return out;
}
