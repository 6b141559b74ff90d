// Findings: the violations a lead reads, grouped and ranked. One finding per kind +
// target + team pair (the same deep import from forty files is one thing to fix); unowned files
// per directory (unowned-dirs.ts); test and production locations apart (metrics/scope.ts).
// Production findings rank before test findings; within each, by impact — the window's changes to the files
// involved, then the number of locations — as CodeScene ranks hotspots by change frequency
// (Tornhill, "Your Code as a Crime Scene", ch. 4). Every violation keeps its place in the JSON
// and SARIF and points to its finding with `group`.
import { createHash } from 'node:crypto';
import type { Finding, Violation } from '../contract/report';
import type { UnownedDirs } from './unowned-dirs';

export interface FindingsInput {
  violations: Violation[];
  /** Changes in the window to a file (0 for a file without history in it). */
  changesOf(path: string): number;
  unownedDirs: UnownedDirs;
  /** The CODEOWNERS owner that stands for a team. */
  ownerOf(team: string): string;
  /** The fewest CODEOWNERS lines handing exactly these files to an owner (module-suggestion.ts). */
  ruleLines(files: string[], owner: string): string[];
  /** interaction findings: their rank key (the pair's cross-team changes, shared change sets and imports). */
  weightOf?(v: Violation): number;
}

export function groupFindings(x: FindingsInput): Finding[] {
  const groups = new Map<string, { key: string[]; members: Violation[] }>();
  for (const v of x.violations) {
    const key =
      v.kind === 'unowned'
        ? [v.kind, x.unownedDirs.dirOf(v.file)]
        : [v.kind, v.target ?? '', v.fromTeam ?? '', v.toTeam ?? '', ...(v.scope === 'test' ? ['test'] : [])];
    const id = `${v.kind}:${createHash('sha1').update(key.join('\0')).digest('hex').slice(0, 12)}`;
    (groups.get(id) ?? groups.set(id, { key, members: [] }).get(id)!).members.push(v);
    v.group = id;
  }
  const findings = [...groups].map(([id, g]) => toFinding(id, g.key, g.members, x));
  findings.sort(
    (a, b) =>
      Number(a.scope === 'test') - Number(b.scope === 'test') ||
      b.changes - a.changes ||
      b.count - a.count ||
      (a.id < b.id ? -1 : 1),
  );
  findings.forEach((f, i) => (f.rank = i + 1));
  return findings;
}

function toFinding(id: string, key: string[], vs: Violation[], x: FindingsInput): Finding {
  const v = vs[0];
  const files = new Set(vs.map((w) => w.file));
  if (v.target && v.kind !== 'team-cycle' && v.kind !== 'invalid-codeowners' && v.kind !== 'interaction')
    files.add(v.target);
  // An interaction's impact is the pair's cross-team work, not the changes to conway.yml.
  const changes =
    v.kind === 'interaction' ? (x.weightOf?.(v) ?? 0) : [...files].reduce((n, f) => n + x.changesOf(f), 0);
  const unowned =
    v.kind === 'unowned'
      ? x.unownedDirs.describe(
          key[1],
          vs.map((w) => w.file),
        )
      : null;
  const testOnly = vs.every((w) => w.scope === 'test');
  return {
    id,
    kind: v.kind,
    title: `${unowned?.title ?? title(v, vs.length)}${testOnly ? ' (test code)' : ''}`,
    fromTeam: v.fromTeam,
    toTeam: v.toTeam,
    ...(v.cut ? { cut: v.cut } : {}),
    ...(v.scope ? { scope: vs.some((w) => w.scope !== 'test') ? ('production' as const) : ('test' as const) } : {}),
    target: unowned ? unowned.target : (v.target ?? (v.kind === 'ownership-drift' ? null : v.file)),
    count: vs.length,
    changes,
    rank: 0,
    examples: vs.slice(0, 3).map((w) => ({ file: w.file, line: w.line })),
    suggestion: unowned ? unowned.line : suggestion(vs, x),
    ...(unowned?.placement ? { placement: unowned.placement } : {}),
  };
}

function title(v: Violation, n: number): string {
  const places = n === 1 ? '1 place' : `${n} places`;
  switch (v.kind) {
    case 'deep-import':
      return `${v.fromTeam} imports ${v.target}, internal to ${v.toTeam}, from ${places}`;
    case 'forbidden-dependency':
      return `${v.fromTeam} depends on ${v.toTeam} (not in its dependsOn) through ${v.target}, from ${places}`;
    case 'team-cycle':
      return `teams ${v.target} depend on each other in a cycle${
        v.cut?.length
          ? `: cut ${v.cut
              .slice(0, 3)
              .map((c) => `${c.from} → ${c.to} (${c.edges})`)
              .join(', ')}${v.cut.length > 3 ? ` and ${v.cut.length - 3} more` : ''}`
          : ''
      }`;
    case 'ownership-drift':
      return `${v.toTeam} makes most changes to ${n === 1 ? v.file : `${n} files`} owned by ${v.fromTeam}`;
    case 'invalid-codeowners':
      return `${v.file}:${v.line}: ${v.message}`;
    case 'interaction':
      return v.message.slice(0, v.message.lastIndexOf(': ')) || v.message;
    default:
      return `${v.file}: ${v.message}`;
  }
}

/** Import findings: the advice in words; drift: the fewest CODEOWNERS lines handing the files over, when they are few enough to paste. */
function suggestion(vs: Violation[], x: FindingsInput): string | null {
  const v = vs[0];
  // Import findings: the message's advice after its first ': ' ("import from …'s public API (…) instead, or …").
  if (v.kind === 'deep-import') return v.message.slice(v.message.indexOf(': ') + 2) || null;
  if (v.kind === 'forbidden-dependency') return v.message.slice(v.message.lastIndexOf('): ') + 3) || null;
  if (v.kind === 'team-cycle') return v.message.slice(v.message.indexOf('. Cut ') + 2) || null;
  if (v.kind === 'interaction') return v.message.slice(v.message.lastIndexOf(': ') + 2) || null;
  if (v.kind !== 'ownership-drift' || !v.toTeam) return null;
  const lines = x.ruleLines(
    vs.map((w) => w.file),
    x.ownerOf(v.toTeam),
  );
  return lines.length <= 10 ? lines.join('\n') : null;
}
