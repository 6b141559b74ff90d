// Findings of a report: the pipeline's side of metrics/findings.ts — the window's
// changes per file, the unowned-directory grouping over the tracked source files, and the owner
// a suggested CODEOWNERS line names (the team that made most of the changes).
import { withCoOwners } from '../model/suggest-line';
import { SOURCE_EXTENSIONS } from '../model/source-files';
import { countByDirectory } from '../metrics/directories';
import { groupFindings } from '../metrics/findings';
import type { MetricsInput } from '../metrics/input';
import { strayRules } from '../metrics/module-suggestion';
import { unownedDirs } from '../metrics/unowned-dirs';
import type { Ownership } from '../ownership';
import type { Finding, FileRow, Violation } from '../contract/report';

/** Groups and ranks the violations (metrics/findings.ts); sets each violation's `group`. */
export function findingsOf(
  violations: Violation[],
  input: MetricsInput,
  ownership: Ownership,
  rows: Omit<FileRow, 'owners' | 'ruleLine'>[],
  weightOf?: (v: Violation) => number,
): Finding[] {
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
  const rules = ownership.codeowners?.rules.filter((r) => !r.file) ?? [];
  const dirs = unownedDirs({
    files: input.files,
    isSource: (p) => SOURCE_EXTENSIONS.test(p),
    ruleLineOf: (p) => ownership.who(p).rule?.line ?? null,
    mainTeamOf: (p) => byPath.get(p)?.mainTeam ?? null,
    changesOf: (p) => byPath.get(p)?.changes ?? 0,
    ownersOf: (p) => ownership.who(p).owners,
    historyOwners,
    codeowners: {
      path: ownership.codeowners?.path ?? 'CODEOWNERS',
      ruleLines: [...new Set(rules.map((r) => r.line))].sort((a, b) => a - b),
    },
    unionOfSections: ownership.flavor === 'gitlab',
    rulesInManyFiles: ownership.codeowners?.source === 'codeowners-plus',
  });
  const perDir = countByDirectory(input.files);
  // Drift hands files to `owner` and keeps the co-owners (review groups) their rules list: files
  // whose kept owners differ get lines of their own.
  const ruleLines = (files: string[], owner: string) => {
    const byOwners = new Map<string, string[]>();
    for (const f of files) {
      const w = ownership.who(f);
      const key = withCoOwners(
        w.owners,
        w.teams.flatMap((t) => (input.reviewGroups.has(t) ? [] : (ownership.team(t)?.owners ?? [t]))),
        owner,
      ).join(' ');
      (byOwners.get(key) ?? byOwners.set(key, []).get(key)!).push(f);
    }
    return [...byOwners].flatMap(([owners, group]) => strayRules(group, perDir, owners.split(' ')));
  };
  return groupFindings({
    violations,
    changesOf: (p) => byPath.get(p)?.changes ?? 0,
    unownedDirs: dirs,
    ownerOf,
    ruleLines,
    weightOf,
  });
}
