// What a deep import's advice names: the target team's public entry points that exist — its
// declared `publicApi` globs, else the files its packages publish (package.json entry points
// mapped to source) and the existing `index.*` of its rule directories — nearest to the imported
// file first (longest shared directory prefix), at most MAX_NAMED. Guessing `<dir>/index.ts` for
// every directory a team owns named files that did not exist; with nothing to name, it says so.
import type { Ownership } from '../ownership';

const MAX_NAMED = 3;

export type PublicHint = (team: string, target?: string) => string;

export function publicHint(ownership: Ownership, candidates: string[]): PublicHint {
  const byTeam = new Map<string, string[]>();
  for (const f of candidates)
    for (const t of ownership.who(f).teams) (byTeam.get(t) ?? byTeam.set(t, []).get(t)!).push(f);
  // One answer per team and imported file's directory: hundreds of deep imports into one
  // package would otherwise sort the team's entry points once each.
  const memo = new Map<string, string>();
  return (team, target = '') => {
    const key = `${team}\0${target}`;
    return memo.get(key) ?? memo.set(key, hintFor(team, target)).get(key)!;
  };

  function hintFor(team: string, target: string): string {
    const declared = ownership.team(team)?.publicApi;
    if (declared?.length) return `import from ${team}'s public API (${declared.join(', ')}) instead`;
    const own = (byTeam.get(team) ?? []).filter((f) => f !== target);
    if (!own.length)
      return `${team} has no public entry point (no package.json entry, no index file, no publicApi): agree one with ${team}`;
    const dirs = target.split('/').slice(0, -1);
    const near = new Map(own.map((f) => [f, shared(f.split('/'), dirs)]));
    const named = own
      .sort((a, b) => near.get(b)! - near.get(a)! || a.length - b.length || (a < b ? -1 : 1))
      .slice(0, MAX_NAMED);
    return `import from ${team}'s public API (${named.join(', ')}${own.length > MAX_NAMED ? `, ${own.length - MAX_NAMED} more` : ''}) instead`;
  }
}

/** Directory segments a file's path shares with a directory's, from the start. */
function shared(file: string[], dirs: string[]): number {
  let n = 0;
  while (n < file.length - 1 && n < dirs.length && file[n] === dirs[n]) n++;
  return n;
}
