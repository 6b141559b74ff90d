// Violations as a GitLab Code Quality report (the `codequality` artifact of a CI job), so merge
// requests show them in the widget and the diff: a JSON array of
// {description, check_name, fingerprint, severity, location {path, lines {begin}}}
// (GitLab docs, "Code Quality: implement a custom tool"). GitLab compares the fingerprints of the
// base and head reports, so the violation's stable fingerprint (never the line) is used; GitLab
// wants one per issue, so a repeat within the report (the same import twice in a file) gets `#n`.
import { violationLevel } from './sarif';
import type { Report } from '../contract/report';

const SEVERITY = { error: 'major', warning: 'minor', note: 'info' } as const;

export function renderCodeQuality(report: Pick<Report, 'violations'>): string {
  const seen = new Map<string, number>();
  const issues = report.violations.map((v) => ({
    description: v.message,
    check_name: `conway/${v.kind}`,
    fingerprint: repeat(seen, v.fingerprint),
    severity: SEVERITY[violationLevel(v.kind)],
    location: { path: v.file, lines: { begin: Math.max(1, v.line) } },
  }));
  return JSON.stringify(issues, null, 2) + '\n';
}

function repeat(seen: Map<string, number>, fingerprint: string): string {
  const n = (seen.get(fingerprint) ?? 0) + 1;
  seen.set(fingerprint, n);
  return n === 1 ? fingerprint : `${fingerprint}#${n}`;
}
