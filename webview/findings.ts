// Violations grouped into findings a lead reads as one item (docs/metrics.md, "Findings"): same kind,
// target and team pair; unowned files by the highest directory whose files are all unowned. A
// report from schemaVersion 1 with findings carries them (`findings`, `violations[].group`); for an older report they
// are grouped here, ranked the same way: by the changes to the files involved, then by count.
import type { Finding, Report, Violation } from '../analyzer/contract/report';

export interface FindingView {
  finding: Finding;
  locations: Violation[];
}

/** The report's findings when every violation points into them; else grouped here. */
export function findingsOf(r: Report): FindingView[] {
  const ids = new Set((r.findings ?? []).map((f) => f.id));
  return r.findings?.length && r.violations.every((v) => v.group !== undefined && ids.has(v.group))
    ? fromReport(r, r.findings)
    : groupOnTheFly(r);
}

function fromReport(r: Report, findings: Finding[]): FindingView[] {
  const byGroup = new Map<string, Violation[]>();
  for (const v of r.violations) if (v.group) push(byGroup, v.group, v);
  return [...findings]
    .sort((a, b) => a.rank - b.rank)
    .map((finding) => ({ finding, locations: byGroup.get(finding.id) ?? [] }));
}

function groupOnTheFly(r: Report): FindingView[] {
  const dirOf = unownedDirectories(r);
  const groups = new Map<string, Violation[]>();
  for (const v of r.violations) push(groups, keyOf(v, dirOf), v);
  const changes = new Map(r.files.map((f) => [f.path, f.changes]));
  const views = [...groups].map(([id, vs]) => ({ finding: toFinding(id, vs, dirOf, changes), locations: vs }));
  views.sort(
    (a, b) =>
      b.finding.changes - a.finding.changes ||
      b.finding.count - a.finding.count ||
      (a.finding.id < b.finding.id ? -1 : 1),
  );
  views.forEach((v, i) => (v.finding.rank = i + 1));
  return views;
}

function keyOf(v: Violation, dirOf: (file: string) => string): string {
  if (v.kind === 'unowned') return `unowned:${dirOf(v.file)}`;
  if (v.kind === 'invalid-codeowners') return `invalid-codeowners:${v.file}`;
  return `${v.kind}:${v.target ?? v.file}:${v.fromTeam ?? '-'}->${v.toTeam ?? '-'}`;
}

function toFinding(
  id: string,
  vs: Violation[],
  dirOf: (file: string) => string,
  changes: Map<string, number>,
): Finding {
  const v = vs[0];
  const target = v.kind === 'unowned' ? dirOf(v.file) : v.kind === 'invalid-codeowners' ? v.file : (v.target ?? v.file);
  const files = new Set(vs.map((x) => x.file));
  return {
    id,
    kind: v.kind,
    title: titleOf(v, target, vs.length),
    fromTeam: v.fromTeam,
    toTeam: v.toTeam,
    target,
    count: vs.length,
    changes: [...files].reduce((s, f) => s + (changes.get(f) ?? 0), 0),
    rank: 0,
    examples: vs.slice(0, 3).map((x) => ({ file: x.file, line: x.line })),
    suggestion: v.kind === 'unowned' ? `add a CODEOWNERS rule for /${target}` : null,
  };
}

function titleOf(v: Violation, target: string, n: number): string {
  const from = v.fromTeam ?? '(no team)';
  const to = v.toTeam ?? '(no team)';
  switch (v.kind) {
    case 'deep-import':
      return `${from} imports internals of ${to}: ${target}`;
    case 'forbidden-dependency':
      return `${from} may not depend on ${to} (${target})`;
    case 'team-cycle':
      return `${from} ↔ ${to} import each other (${target})`;
    case 'unowned':
      return `${target} has no owner (${n} file${n === 1 ? '' : 's'})`;
    case 'ownership-drift':
      return `${to} makes most changes to ${from}'s ${target}`;
    case 'interaction':
      return `${target}: ${v.message}`;
    default:
      return `${target}: rules GitHub rejects`;
  }
}

/** file → the highest ancestor directory (with `/`) under which no file is owned; '' = the root. */
export function unownedDirectories(r: Report): (file: string) => string {
  const owned = new Set<string>();
  for (const f of r.files) if (f.owners.length) for (const d of ancestors(f.path)) owned.add(d);
  return (file) => ancestors(file).find((d) => !owned.has(d)) ?? file.slice(0, file.lastIndexOf('/') + 1);
}

/** `a/b/c.ts` → ['a/', 'a/b/'] (outermost first). */
function ancestors(path: string): string[] {
  const parts = path.split('/').slice(0, -1);
  return parts.map((_, i) => parts.slice(0, i + 1).join('/') + '/');
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
