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
  for (const f of candidates) for (const t of ownership.who(f).teams) (byTeam.get(t) ?? byTeam.set(t, []).get(t)!).push(f);
  return (team, target = '') => {
    const declared = ownership.team(team)?.publicApi;
    if (declared?.length) return `import from ${team}'s public API (${declared.join(', ')}) instead`;
    const own = (byTeam.get(team) ?? []).filter((f) => f !== target);
    if (!own.length) return `${team} has no public entry point (no package.json entry, no index file, no publicApi): agree one with ${team}`;
    const named = [...own].sort((a, b) => shared(b, target) - shared(a, target) || a.length - b.length || (a < b ? -1 : 1)).slice(0, MAX_NAMED);
    return `import from ${team}'s public API (${named.join(', ')}${own.length > MAX_NAMED ? `, ${own.length - MAX_NAMED} more` : ''}) instead`;
  };
}

/** Directory segments two paths share from the start. */
function shared(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  let n = 0;
  while (n < x.length - 1 && n < y.length - 1 && x[n] === y[n]) n++;
  return n;
}
