// Codeowners Plus `.codeowners` text → rules (multimediallc/codeowners-plus, README ".codeowners
// File Spec" and pkg/codeowners/reader.go). Pure: no file access.
//  - each line is `pattern owner…`; owners on one line are alternatives (any one approves);
//  - `&pattern owners` adds a required reviewer group (AND), `?pattern owners` an optional one;
//  - patterns are relative to the file's directory; a leading `/` is dropped and a trailing `/`
//    becomes `/**`, as Codeowners Plus does (with a warning);
//  - `*` alone is the directory's fallback owner (`&*` / `?*` mean every file below: `**/*`);
//  - a line with a pattern but no owner is skipped with a warning by Codeowners Plus: an error here.
import type { Problem, Rule } from '../../model/types';
import { checkOwner } from '../../model/owner-syntax';

export type PlusKind = 'owner' | 'fallback' | 'and' | 'optional';

export interface PlusRule extends Rule {
  file: string;
  /** Directory of the `.codeowners` file ('' for the repository root). */
  dir: string;
  /** The pattern Codeowners Plus matches, relative to `dir` (after its rewrites). */
  relative: string;
  plusKind: PlusKind;
}

export function parsePlusFile(
  text: string,
  file: string,
): { rules: PlusRule[]; errors: Problem[]; warnings: Problem[] } {
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
  const out = { rules: [] as PlusRule[], errors: [] as Problem[], warnings: [] as Problem[] };
  (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    let body = raw.trim();
    if (!body || body.startsWith('#')) return;
    const mark = body[0] === '&' ? 'and' : body[0] === '?' ? 'optional' : null;
    if (mark) body = body.slice(1).trim();
    const [written, ...owners] = body.split(/\s+/);
    const problem = (list: Problem[], message: string) => list.push({ file, line, message });
    if (!owners.length)
      return problem(
        out.errors,
        `'${written}' has no owner: Codeowners Plus skips the line — add an owner after the pattern`,
      );
    const bad = owners.map((o) => checkOwner(o, 'github')).find(Boolean);
    if (bad) return problem(out.errors, `${bad}; the line is skipped`);
    let relative = written;
    if (relative.startsWith('/')) {
      problem(
        out.warnings,
        `leading '/' in '${written}' is ignored: .codeowners patterns are always relative to ${dir || 'the repository root'}`,
      );
      relative = relative.replace(/^\/+/, '');
    }
    if (relative.endsWith('/')) relative += '**';
    const plusKind: PlusKind = mark ?? (relative === '*' ? 'fallback' : 'owner');
    if (relative === '*' && mark) relative = '**/*';
    out.rules.push({
      line,
      pattern: written,
      owners: [...new Set(owners)],
      file,
      dir,
      relative,
      plusKind,
      ...(mark ? { kind: mark } : {}),
    });
  });
  return out;
}

/**
 * Codeowners Plus's order among a directory's owner rules (FileTestCases.Less, applied after
 * reversing the file): no wildcard before wildcard before globstar, later lines first within each.
 */
export function specificity(relative: string): number {
  if (relative.includes('**/') || relative.includes('/**')) return 2;
  return relative.includes('*') ? 1 : 0;
}
