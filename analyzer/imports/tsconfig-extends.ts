// `extends` through workspace packages: TypeScript looks a bare `extends`
// (`tsconfig/base.json`, `@acme/tsconfig`) up in node_modules, which a fresh checkout does not
// have. When the name is a workspace package, the config text is rewritten — as TypeScript
// reads it — to point at the package's file in the repository: the subpath through the
// package's `exports` (https://nodejs.org/api/packages.html#subpath-exports), else the path
// itself, `.json` added, or the directory's `tsconfig.json`.
import { join } from 'node:path';
import { typescript } from './ts-lib';
import { exportTarget, packageName, type WorkspacePackage } from './workspaces';

/** A bare `extends` → the absolute path of the workspace package's config, or null. */
export function workspaceExtends(
  root: string,
  files: Set<string>,
  packages: WorkspacePackage[],
): (spec: string) => string | null {
  const byName = new Map(packages.map((p) => [p.name, p]));
  return (spec) => {
    if (spec.startsWith('.') || spec.startsWith('/')) return null;
    const pkg = byName.get(packageName(spec));
    if (!pkg) return null;
    const sub = `.${spec.slice(pkg.name.length)}`;
    const viaExports = exportTarget(pkg.exports, sub);
    const base = join(pkg.dir, (viaExports ?? sub).replace(/^\.\/?/, ''))
      .split('\\')
      .join('/');
    const rel = [base, `${base}.json`, `${base}/tsconfig.json`].find((c) => files.has(c));
    return rel ? join(root, rel) : null;
  };
}

/** The config text with each workspace-package `extends` replaced by its path; other text as is. */
export function rewriteExtends(file: string, text: string, extendsTo: (spec: string) => string | null): string {
  if (!text.includes('"extends"')) return text;
  const parsed = typescript().parseConfigFileTextToJson(file, text);
  const ext: unknown = parsed.config?.extends;
  if (parsed.error || ext === undefined) return text;
  const swap = (e: unknown) => (typeof e === 'string' ? (extendsTo(e) ?? e) : e);
  const next = Array.isArray(ext) ? ext.map(swap) : swap(ext);
  if (JSON.stringify(next) === JSON.stringify(ext)) return text;
  return JSON.stringify({ ...parsed.config, extends: next });
}
