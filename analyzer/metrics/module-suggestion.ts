// Names and CODEOWNERS suggestions of inferred modules (issue 10). A module is named by the
// deepest directory that holds at least half of its files (`packages/ui/src/elements`), so a
// lead recognises it. Suggested lines name only tracked files and directories and prefer the
// fewest rules: a directory is proposed whole when every tracked file under it is a stray of
// the module (nothing else changes hands), else the files one by one; each line is escaped
// so it passes `conway validate` (codeowners/suggest-line.ts).
import { suggestLine } from '../codeowners/suggest-line';
import { ancestors, countByDirectory } from './directories';

/** The deepest directory holding at least half of the files ('.' for the root). */
export function moduleName(files: string[]): string {
  const counts = countByDirectory(files);
  let best = '';
  for (const [d, n] of counts) if (2 * n >= files.length && d.length > best.length) best = d;
  return best || '.';
}

/** The fewest directory and file rules that hand exactly `strays` to `owner`. */
export function strayRules(strays: string[], tracked: Map<string, number>, owner: string): string[] {
  const mine = countByDirectory(strays);
  const covered = new Set<string>();
  const lines: string[] = [];
  for (const f of strays) {
    const dir = ancestors(f).find((d) => d !== '' && mine.get(d) === tracked.get(d));
    const key = dir ?? f;
    if (covered.has(key)) continue;
    covered.add(key);
    lines.push(suggestLine(key, dir !== undefined, [owner]));
  }
  return lines;
}
