// The evidence a module suggestion needs before it moves a declared unit (a CODEOWNERS rule's
// directory or a workspace package) to the module's major delivery team (module-suggestion.ts):
// the unit lies mostly in the module, it is a carve-out inside the receiving team's code, and the
// window's history agrees. Each rule keeps a class of suggestion a lead would not act on out.
import { SOURCE_EXTENSIONS } from '../model/source-files';
import type { MetricsInput } from './input';

export interface MoveContext {
  /** Tracked files per directory ('' is the root). */
  tracked: Map<string, number>;
  ownerOf(team: string): string;
  changesOf(file: string): number;
  /** The window's changes to a file per author, and an author's teams (declared or inferred). */
  changesByAuthor(file: string): Iterable<[string, number]>;
  teamsOfPerson(person: string): string[];
  /** enclosedBy's answers per team and unit (a repository's strays share few units). */
  enclosed: Map<string, boolean>;
  /** Tracked source files in a declared module (input.moduleOf: its CODEOWNERS rule's directory or workspace package). */
  declaredSize(module: string): number;
}

/**
 * A file moves only when its declared module (the directory of its CODEOWNERS rule, or its
 * workspace package) lies mostly inside the inferred module — most of its source files, as
 * modules are built from imports and co-changes and rarely hold READMEs or fixtures: the rule's unit of code belongs with
 * the module. A file of a larger unit of its own team's (a package's tests that import another
 * team's code) stays — moving it would split that unit between teams.
 */
export function insideModule(files: string[], input: MetricsInput, x: MoveContext): (file: string) => boolean {
  const inModule = countBy(
    files.filter((f) => SOURCE_EXTENSIONS.test(f)),
    input.moduleOf,
  );
  return (f) => 2 * (inModule.get(input.moduleOf(f)) ?? 0) > x.declaredSize(input.moduleOf(f));
}

/**
 * ... and only when that unit is a carve-out inside the receiving team's code: most source files
 * beside it (under its parent directory, the unit itself left out) are the team's. A sibling
 * unit — another team's package next to the team's package, however coupled — is a
 * reorganisation to decide, not a CODEOWNERS line to paste.
 */
export function enclosedBy(team: string, unit: string, input: MetricsInput, x: MoveContext): boolean {
  const key = `${team}\0${unit}`;
  const hit = x.enclosed.get(key);
  if (hit !== undefined) return hit;
  const parent = unit.includes('/') ? unit.slice(0, unit.lastIndexOf('/') + 1) : '';
  const beside = input.files.filter(
    (f) => f.startsWith(parent) && !f.startsWith(`${unit}/`) && SOURCE_EXTENSIONS.test(f),
  );
  const ok = 2 * beside.filter((f) => input.deliveryTeamsOf(f).includes(team)).length > beside.length;
  x.enclosed.set(key, ok);
  return ok;
}

/**
 * History must agree with the structure: in the window the receiving team's members made more of
 * the changes to a unit's files than the members of the teams that own them now. A carve-out its
 * owners keep working on (a security-sensitive directory given to a few people on purpose) is
 * not proposed; nor are files nobody changed — there is no evidence either way.
 */
export function workedOnBy(team: string, strays: string[], input: MetricsInput, x: MoveContext): boolean {
  const owners = new Set(strays.flatMap((f) => input.deliveryTeamsOf(f)));
  let theirs = 0;
  let ours = 0;
  for (const f of strays) {
    for (const [author, n] of x.changesByAuthor(f)) {
      const teams = x.teamsOfPerson(author);
      if (teams.includes(team)) ours += n;
      else if (teams.some((t) => owners.has(t))) theirs += n;
    }
  }
  return ours > theirs;
}

export function countBy(files: string[], key: (f: string) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of files) {
    const k = key(f);
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}
