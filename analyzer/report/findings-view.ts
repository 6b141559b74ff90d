// What every text surface says first: whose report it is (repository and branch),
// over which window, and the findings in rank order — the same words in Markdown, HTML and
// `conway check`, so a lead reading one recognises the others.
import type { Finding, Placement, Report, Violation } from '../contract/report';

/** Findings shown on a surface before it says "showing N of M". */
export const FINDINGS_SHOWN = 50;
/** "Where to act first": the highest-ranked findings across kinds. */
export const ACT_FIRST = 5;

/** "Where to act first": production findings; test findings only when there is no production one. */
export function actFirstFindings(findings: Finding[]): Finding[] {
  const production = findings.filter((f) => f.scope !== 'test');
  return (production.length ? production : findings).slice(0, ACT_FIRST);
}

/** `Conway report — payload (main)`: the repository's directory name and the branch. */
export function reportTitle(r: Report): string {
  const name =
    r.repo.root
      .replace(/[\\/]+$/, '')
      .split(/[\\/]/)
      .pop() || r.repo.root;
  return `Conway report — ${name}${r.repo.branch ? ` (${r.repo.branch})` : r.repo.head ? ` (${r.repo.head.slice(0, 10)})` : ''}`;
}

/** The window in one line: dates asked for, first and last commit in it, and how many. */
export function windowText(r: Report): string {
  const w = r.window;
  const range = `${w.since ?? 'the first commit'} → ${w.until ?? 'HEAD'}`;
  if (!w.commits) return `Window ${range}: no commits in it — every history-based number is "–".`;
  const ends =
    w.first && w.last
      ? `, from ${w.first.sha.slice(0, 10)} (${w.first.date.slice(0, 10)}) to ${w.last.sha.slice(0, 10)} (${w.last.date.slice(0, 10)})`
      : '';
  return `Window ${range}: ${w.commits} commit${w.commits === 1 ? '' : 's'}${ends}.`;
}

/** Ownership coverage in one line (every tracked file, any language), or null for a report without it. */
export function coverageText(r: Report): string | null {
  const c = r.coverage;
  if (!c) return null;
  const n = (x: number) => x.toLocaleString('en-US');
  const share = (a: number, b: number) => (b ? `${Math.round((100 * a) / b)}%` : '–');
  const dirs = c.largestUnowned.slice(0, 5).map((d) => `${d.dir ? `${d.dir}/` : '(root files)'} (${n(d.files)})`);
  return `Ownership coverage: ${n(c.ownedFiles)} of ${n(c.files)} tracked files owned (${share(c.ownedFiles, c.files)}), ${n(c.unownedFiles)} unowned, ${n(c.catchAllOnlyFiles)} owned only by a catch-all rule; ${n(c.unownedChanges)} of the ${n(c.changes)} changes in the window (${share(c.unownedChanges, c.changes)}) went to unowned files.${dirs.length ? ` Largest unowned: ${dirs.join(', ')}.` : ''}`;
}

/** The report's findings; a report written before findings existed gets one per violation. */
export function findingsOf(r: Report): Finding[] {
  return r.findings ?? r.violations.map((v, i) => single(v, i + 1));
}

function single(v: Violation, rank: number): Finding {
  return {
    id: v.fingerprint,
    kind: v.kind,
    title: `${v.file}:${v.line}: ${v.message}`,
    fromTeam: v.fromTeam,
    toTeam: v.toTeam,
    target: v.target,
    count: 1,
    changes: 0,
    rank,
    examples: [{ file: v.file, line: v.line }],
    suggestion: null,
  };
}

/** `showing 50 of 1,204` — said wherever a list is cut. */
export function showing(shown: number, total: number): string {
  return `showing ${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`;
}

export function byKind(findings: Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) (out.get(f.kind) ?? out.set(f.kind, []).get(f.kind)!).push(f);
  return out;
}

/** Where a suggested CODEOWNERS line goes, in words: CODEOWNERS is last-match-wins, so "at the end" is not always right. */
export function placementText(p: Placement | undefined): string | null {
  if (!p) return null;
  if (p.beforeLine !== null)
    return `insert before line ${p.beforeLine} of ${p.file}${p.afterLine !== null ? ` (after line ${p.afterLine})` : ' (before its first rule)'}`;
  return p.afterLine !== null ? `add after line ${p.afterLine} of ${p.file} (its last rule)` : `add to ${p.file}`;
}

/** Whether a finding's suggestion is CODEOWNERS lines (else it is advice in words). */
export function isRuleFix(f: Finding): boolean {
  return f.kind === 'unowned' || f.kind === 'ownership-drift';
}
