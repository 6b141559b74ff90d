// Unowned source files grouped into the fewest CODEOWNERS lines, given rule order. GitHub
// reads CODEOWNERS last-match-wins, so a line `/dir/ @owner` placed before every rule that
// decides a file under dir leaves those files with their rules and owns only what no rule
// matches: a directory takes one line even when narrower rules own parts of it, as long as the
// line goes before the first of them ("insert before line M"). Each unowned file goes to the
// highest directory that can take one line:
//  - not the root (a catch-all is nobody's module) unless no tracked file has a rule;
//  - one team — the one that made most of the window's changes — for every unit of unowned
//    files with history below it (a unit: the highest directory no rule reaches, or a file
//    alone), so the fewest lines do not hand a unit one team works on to another team.
// Both conditions hold for every subdirectory of a directory that meets them, so the highest
// directories are disjoint and their number is the fewest. Files of any language count: the
// line owns them all, and placed before the rules of every matched file it changes no owner.
// GitLab unions the owners of every section that matches, so there a line must not cover a
// matched file at all: only directories whose files are all unmatched take one (at the end).
// Codeowners Plus spreads rules over one `.codeowners` file per directory: the same, no placement.
// The owner proposed is the team that made most of the window's changes to the files, else
// the most common owner of the source files next to the directory (its parent's owned files).
import type { Placement } from '../contract/report';
import { suggestLine } from '../model/suggest-line';
import { ancestors } from './directories';

export interface UnownedDirs {
  /** The directory (or the file itself, when no directory can take one line) that groups a file. */
  dirOf(file: string): string;
  describe(
    dir: string,
    files: string[],
  ): { title: string; target: string; line: string | null; placement: Placement | null };
}

export interface UnownedDirsInput {
  /** Every tracked file, any language. */
  files: string[];
  isSource(path: string): boolean;
  /** The line of the rule that decides the file (with or without owners); null when none matches. */
  ruleLineOf(path: string): number | null;
  /** The team that made most of the window's changes to the file, or null. */
  mainTeamOf(path: string): string | null;
  /** The window's changes to the file. */
  changesOf(path: string): number;
  ownersOf(path: string): string[];
  /** Owners of the team that made most of the window's changes to these files, or null. */
  historyOwners(files: string[]): string[] | null;
  /** The CODEOWNERS file and its rules' line numbers (the insertion point names its neighbours). */
  codeowners: { path: string; ruleLines: number[] };
  /** GitLab: owners are the union over sections, so a line may cover no matched file. */
  unionOfSections: boolean;
  /** Codeowners Plus: rules live in one `.codeowners` file per directory, so a line number in one file says nothing; no placement. */
  rulesInManyFiles?: boolean;
}

const MIXED = '\0mixed';

export function unownedDirs(x: UnownedDirsInput): UnownedDirs {
  let stats: ReturnType<typeof dirStats> | null = null;
  const of = () => (stats ??= dirStats(x));
  const takesLine = (d: string) => {
    const { firstRule, team } = of();
    if (team.get(d) === MIXED) return false;
    return (d !== '' && !x.unionOfSections && !x.rulesInManyFiles) || !firstRule.has(d);
  };
  const dirOf = (file: string) => ancestors(file).find(takesLine) ?? file;
  const describe = (dir: string, files: string[]) => {
    const isDir = dir !== files[0] || files.length > 1;
    const owners = x.historyOwners(files) ?? neighbourOwners(x, dir);
    const where = isDir ? (dir ? `${dir}/` : 'the repository') : dir;
    const title = `${files.length} unowned source file${files.length === 1 ? '' : 's'} in ${where}`;
    const line = owners ? (dir ? suggestLine(dir, isDir, owners) : `* ${owners.join(' ')}`) : null;
    return {
      title,
      target: isDir ? dir || '.' : dir,
      line,
      placement: line && !x.rulesInManyFiles ? placementOf(x, isDir ? of().firstRule.get(dir) : undefined) : null,
    };
  };
  return { dirOf, describe };
}

/**
 * Per directory: the first line of a rule deciding a file below it, and the one team (or MIXED)
 * that made most of the window's changes to each unit of unmatched files below it — a unit is
 * the highest directory with no matched file (or a file alone): one shared directory's unit is
 * judged as a whole, so a team's odd commit to one file of it does not split it.
 */
function dirStats(x: UnownedDirsInput) {
  const firstRule = new Map<string, number>();
  const unmatched: string[] = [];
  for (const f of x.files) {
    const line = x.ruleLineOf(f);
    if (line === null) {
      unmatched.push(f);
      continue;
    }
    for (const d of ancestors(f)) {
      const seen = firstRule.get(d);
      if (seen === undefined || line < seen) firstRule.set(d, line);
    }
  }
  const byUnit = new Map<string, Map<string, number>>();
  for (const f of unmatched) {
    const t = x.mainTeamOf(f);
    if (t === null) continue;
    const unit = ancestors(f).find((d) => !firstRule.has(d)) ?? f;
    const counts = byUnit.get(unit) ?? byUnit.set(unit, new Map()).get(unit)!;
    counts.set(t, (counts.get(t) ?? 0) + Math.max(1, x.changesOf(f)));
  }
  const team = new Map<string, string>();
  for (const [unit, counts] of byUnit) {
    const t = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
    for (const d of [...ancestors(unit), unit]) {
      const seen = team.get(d);
      if (seen === undefined) team.set(d, t);
      else if (seen !== t) team.set(d, MIXED);
    }
  }
  return { firstRule, team };
}

/** Before the first rule deciding a covered file (after the rule above it), else after the last rule. */
function placementOf(x: UnownedDirsInput, before: number | undefined): Placement {
  const lines = x.codeowners.ruleLines;
  if (before === undefined)
    return { file: x.codeowners.path, afterLine: lines.length ? lines[lines.length - 1] : null, beforeLine: null };
  const above = lines.filter((l) => l < before);
  return { file: x.codeowners.path, afterLine: above.length ? above[above.length - 1] : null, beforeLine: before };
}

function neighbourOwners(x: UnownedDirsInput, dir: string): string[] | null {
  const parent = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
  const counts = new Map<string, number>();
  for (const f of x.files) {
    if ((parent && !f.startsWith(parent + '/')) || !x.isSource(f)) continue;
    const owners = x.ownersOf(f);
    if (owners.length) counts.set(owners.join(' '), (counts.get(owners.join(' ')) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [k, n] of counts) if (best === null || n > counts.get(best)!) best = k;
  return best ? best.split(' ') : null;
}
