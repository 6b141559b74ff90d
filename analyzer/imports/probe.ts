// Extension and index probing over the set of tracked files (no file-system access).

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.d.ts'];

export function probe(files: Set<string>, base: string): string | null {
  if (files.has(base) && /\.[mc]?[jt]sx?$/.test(base)) return base;
  for (const ext of EXTENSIONS) if (files.has(base + ext)) return base + ext;
  for (const ext of EXTENSIONS) if (files.has(`${base}/index${ext}`)) return `${base}/index${ext}`;
  return null;
}
