// Roles follow what a team does: a team that is the only delivery owner of a substantial part of
// the code delivers it, even when it is also listed beside other teams elsewhere (a platform
// team that owns 30 packages alone and co-owns the build files with everyone). A file is
// delivered solely by T when T is its only owner. Files decided by a catch-all rule (`*`, `**`, `/**`) are repository-wide shared
// files, never a team's own. Substantial: at least SOLE_MIN_FILES files and SOLE_SHARE of the
// files any team owns (without catch-all files).
import type { RoleInput } from './role-input';

export const SOLE_MIN_FILES = 20;
export const SOLE_SHARE = 0.05;

const CATCH_ALL = new Set(['*', '**', '/*', '/**', '/']);

/** The detected review groups (`found`) that solely deliver a substantial part of the code. */
export function soleDeliveryOwners(x: RoleInput, found: Set<string>): Set<string> {
  const sole = new Map<string, number>();
  let owned = 0;
  for (const p of x.files) {
    const pattern = x.patternOf?.(p) ?? null;
    if (pattern !== null && CATCH_ALL.has(pattern)) continue;
    const teams = x.teamsOf(p);
    if (!teams.length) continue;
    owned++;
    if (teams.length === 1 && found.has(teams[0])) sole.set(teams[0], (sole.get(teams[0]) ?? 0) + 1);
  }
  const min = Math.max(SOLE_MIN_FILES, SOLE_SHARE * owned);
  return new Set([...sole].filter(([, n]) => n >= min).map(([t]) => t));
}
