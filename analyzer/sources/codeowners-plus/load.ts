// Codeowners Plus as an ownership source: detected by a `.codeowners` file at the root or a
// `codeowners.toml` (its configuration file); then every `.codeowners` file of the tree is read,
// each rule keeping its own file and line. The result is a ParsedCodeowners like any other, so
// `who`, `validate`, `review` and every metric use the same matcher model.
import { readRepoFile } from '../../collect/read-file';
import { findFilesNamed } from '../../collect/find-named';
import { CODEOWNERS_MAX_BYTES } from '../../codeowners/load';
import type { ParsedCodeowners } from '../../codeowners/parse';
import type { Problem } from '../../model/types';
import { parsePlusFile, type PlusRule } from './parse';

export const PLUS_FILE = '.codeowners';
export const PLUS_CONFIG = 'codeowners.toml';

/** True when the repository uses Codeowners Plus (a root `.codeowners` or `codeowners.toml`). */
export function usesCodeownersPlus(root: string): boolean {
  return [PLUS_FILE, PLUS_CONFIG].some((f) => readRepoFile(root, f, CODEOWNERS_MAX_BYTES).kind !== 'missing');
}

export function loadCodeownersPlus(root: string): ParsedCodeowners {
  const read = (path: string) => {
    const r = readRepoFile(root, path, CODEOWNERS_MAX_BYTES, true);
    return r.kind === 'text' ? r.text : null;
  };
  return parseCodeownersPlus(findFilesNamed(root, PLUS_FILE), read);
}

/** From the list of `.codeowners` paths and a reader (the work tree, or a revision's blobs for review). */
export function parseCodeownersPlus(files: string[], read: (path: string) => string | null): ParsedCodeowners {
  const out: ParsedCodeowners = {
    path: files.includes(PLUS_FILE) ? PLUS_FILE : (files[0] ?? PLUS_FILE),
    flavor: 'github',
    rules: [],
    sections: [],
    errors: [],
    warnings: [],
    source: 'codeowners-plus',
    files: [],
  };
  for (const file of files) {
    const text = read(file);
    if (text === null) {
      out.errors.push({
        file,
        line: 0,
        message: 'cannot read the file (a link, not a regular file, or 3 MB or more): its rules are not applied',
      });
      continue;
    }
    const parsed = parsePlusFile(text, file);
    out.files!.push(file);
    out.rules.push(...parsed.rules);
    out.errors.push(...parsed.errors);
    out.warnings.push(...parsed.warnings);
  }
  const config = read(PLUS_CONFIG);
  if (config !== null) out.ignore = readIgnore(config, out.warnings);
  return out;
}

/**
 * `ignore = ["dir", …]` of codeowners.toml: the only setting that changes who owns a file (the
 * others tune enforcement). A small reader, not a TOML parser: an `ignore` it cannot read is a warning.
 */
function readIgnore(text: string, warnings: Problem[]): string[] {
  const m = /^\s*ignore\s*=\s*\[([^\]]*)\]/m.exec(text);
  if (!m) {
    if (/^\s*ignore\s*=/m.test(text))
      warnings.push({
        file: PLUS_CONFIG,
        line: lineOf(text, /^\s*ignore\s*=/m),
        message: '\'ignore\' is not a list of quoted directories on one or more lines — write ignore = ["dir"]',
      });
    return [];
  }
  return [...m[1].matchAll(/"([^"]*)"|'([^']*)'/g)]
    .map((q) => (q[1] ?? q[2]).replace(/^\.?\/+|\/+$/g, ''))
    .filter(Boolean);
}

function lineOf(text: string, re: RegExp): number {
  const at = re.exec(text)?.index ?? 0;
  return text.slice(0, at).split('\n').length;
}

export type { PlusRule };
