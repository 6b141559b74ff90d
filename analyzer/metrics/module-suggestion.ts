// Names and CODEOWNERS suggestions of inferred modules. A module is named by the
// deepest directory that holds at least half of its files (`packages/ui/src/elements`), so a
// lead recognises it; when that is the root or a bare top directory (`packages`), which says
// nothing, by its most frequent deeper directory with its share ("packages/core/src (62% of 840
// files)").
// A suggestion only moves files between delivery teams: owned files of the module whose delivery
// teams do not include the module's major delivery team (at least 75% of its owned files), when
// the evidence holds for their declared unit (module-evidence.ts). Never unowned files (the
// unowned findings give one line per directory for them), never CODEOWNERS or forge files (who
// approves those is a protection rule, as for drift), never to or from a review group: a moved file keeps
// the review groups it had. Suggested lines name only tracked files and directories and prefer
// the fewest rules: a directory is proposed whole when every tracked file under it moves
// (nothing else changes hands), else the files one by one; each line is escaped so it passes
// `conway validate` (model/suggest-line.ts).
import { suggestLine } from '../model/suggest-line';
import { ancestors, countByDirectory } from './directories';
import type { MetricsInput } from './input';
import { enclosedBy, insideModule, workedOnBy, type MoveContext } from './module-evidence';
import { isForgeFile } from './violations/ownership';

/** A suggestion needing more lines is summarised ("N files in M directories"); its lines are in the JSON only. */
export const MAX_SUGGESTED_LINES = 5;
/** The module's major delivery team holds at least this share of its owned files (a file with k teams counts 1/k). */
const MAJOR_SHARE = 0.75;

/** The deepest directory holding at least half of the files; for the root or a top directory, the most frequent deeper one with its share. */
export function moduleName(files: string[]): string {
  const counts = countByDirectory(files);
  let best = '';
  for (const [d, n] of counts) if (2 * n >= files.length && d.length > best.length) best = d;
  if (best.includes('/')) return best;
  // The deepest directory among those with the most files (a descendant with as many files has a longer path).
  let deep = '';
  let most = 0;
  for (const [d, n] of counts)
    if (d.includes('/') && (n > most || (n === most && d.length > deep.length))) [deep, most] = [d, n];
  return deep ? `${deep} (${Math.round((100 * most) / files.length)}% of ${files.length} files)` : best || '.';
}

export interface ModuleMove {
  /** The module's major delivery team, which the files would move to. */
  to: string;
  /** The files that move, and their delivery teams today. */
  files: string[];
  from: string[];
  /** The fewest CODEOWNERS lines that move exactly these files (with the review groups they had). */
  lines: string[];
  /** Changes in the window to the files that move. */
  changes: number;
}

/** The owned files of a module that belong to other delivery teams than its major one, and the lines that move them. */
export type { MoveContext };

export function moduleMove(files: string[], input: MetricsInput, x: MoveContext): ModuleMove | null {
  const movable = files.filter((f) => !isForgeFile(f) && input.deliveryTeamsOf(f).length > 0);
  const to = majorTeam(movable, input);
  const others = to === null ? [] : movable.filter((f) => !input.deliveryTeamsOf(f).includes(to));
  const candidates = others
    .filter(insideModule(files, input, x))
    .filter((f) => enclosedBy(to!, input.moduleOf(f), input, x));
  // Each declared unit is judged on its own history.
  const strays = [...groupBy(candidates, input.moduleOf).values()]
    .filter((unit) => workedOnBy(to!, unit, input, x))
    .flat()
    .sort();
  if (to === null || !strays.length) return null;
  const lines = [...byReviewGroups(strays, input).values()].flatMap((g) =>
    strayRules(g.files, x.tracked, [x.ownerOf(to), ...g.groups.map(x.ownerOf)]),
  );
  const from = [...new Set(strays.flatMap((f) => input.deliveryTeamsOf(f)))];
  return { to, files: strays, from, lines, changes: strays.reduce((n, f) => n + x.changesOf(f), 0) };
}

function majorTeam(movable: string[], input: MetricsInput): string | null {
  const counts = new Map<string, number>();
  for (const f of movable) {
    const teams = input.deliveryTeamsOf(f);
    for (const t of teams) counts.set(t, (counts.get(t) ?? 0) + 1 / teams.length);
  }
  let best: string | null = null;
  let n = 0;
  for (const [t, k] of counts) if (k > n) [best, n] = [t, k];
  return best !== null && n >= MAJOR_SHARE * movable.length ? best : null;
}

/** Files keyed by the review groups that own them too, so each line keeps exactly the groups its files had. */
function byReviewGroups(files: string[], input: MetricsInput): Map<string, { groups: string[]; files: string[] }> {
  const out = new Map<string, { groups: string[]; files: string[] }>();
  for (const f of files) {
    const groups = input.teamsOf(f).filter((t) => input.reviewGroups.has(t));
    const key = groups.join('\0');
    (out.get(key) ?? out.set(key, { groups, files: [] }).get(key)!).files.push(f);
  }
  return out;
}

/** The fewest directory and file rules that hand exactly `strays` to `owners`. */
export function strayRules(strays: string[], tracked: Map<string, number>, owners: string[]): string[] {
  const mine = countByDirectory(strays);
  const covered = new Set<string>();
  const lines: string[] = [];
  for (const f of strays) {
    const dir = ancestors(f).find((d) => d !== '' && mine.get(d) === tracked.get(d));
    const key = dir ?? f;
    if (covered.has(key)) continue;
    covered.add(key);
    lines.push(suggestLine(key, dir !== undefined, owners));
  }
  return lines;
}

function groupBy(files: string[], key: (f: string) => string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of files) (out.get(key(f)) ?? out.set(key(f), []).get(key(f))!).push(f);
  return out;
}

/** The directories the files are in, for a summary ("N files in M directories"). */
export function directoryCount(files: string[]): number {
  return new Set(files.map((f) => f.slice(0, Math.max(0, f.lastIndexOf('/'))))).size;
}
