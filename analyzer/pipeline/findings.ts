// Findings of a report: the pipeline's side of metrics/findings.ts — the window's
// changes per file, the unowned-directory grouping over the tracked source files, and the owner
// a suggested CODEOWNERS line names (the team that made most of the changes).
import { SOURCE_EXTENSIONS } from '../model/source-files';
import { countByDirectory } from '../metrics/directories';
import { groupFindings } from '../metrics/findings';
import type { MetricsInput } from '../metrics/input';
import { strayRules } from '../metrics/module-suggestion';
import { unownedDirs } from '../metrics/unowned-dirs';
import type { Ownership } from '../ownership';
import type { Finding, FileRow, Violation } from '../contract/report';

/** Groups and ranks the violations (metrics/findings.ts); sets each violation's `group`. */
export function findingsOf(violations: Violation[], input: MetricsInput, ownership: Ownership, rows: Omit<FileRow, 'owners' | 'ruleLine'>[]): Finding[] {
  const byPath = new Map(rows.map((f) => [f.path, f]));
  const ownerOf = (t: string) => ownership.team(t)?.owners[0] ?? t;
  const historyOwners = (files: string[]) => {
    const byTeam = new Map<string, number>();
    for (const f of files) {
      const row = byPath.get(f);
      if (row?.mainTeam) byTeam.set(row.mainTeam, (byTeam.get(row.mainTeam) ?? 0) + row.changes);
    }
    const best = [...byTeam].sort((a, b) => b[1] - a[1])[0];
    return best && !best[0].startsWith('person:') ? [ownerOf(best[0])] : null;
  };
  const dirs = unownedDirs({
    sources: input.files.filter((f) => SOURCE_EXTENSIONS.test(f)),
    isUnowned: (p) => ownership.who(p).rule === null,
    ownersOf: (p) => ownership.who(p).owners,
    historyOwners,
  });
  const perDir = countByDirectory(input.files);
  const ruleLines = (files: string[], owner: string) => strayRules(files, perDir, [owner]);
  return groupFindings({ violations, changesOf: (p) => byPath.get(p)?.changes ?? 0, unownedDirs: dirs, ownerOf, ruleLines });
}
