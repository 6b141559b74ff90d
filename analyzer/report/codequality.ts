// Violations as a GitLab Code Quality report (the `codequality` artifact of a CI job), so merge
// requests show them in the widget and the diff: a JSON array of
// {description, check_name, fingerprint, severity, location {path, lines {begin}}}
// (GitLab docs, "Code Quality: implement a custom tool"). GitLab compares the fingerprints of the
// base and head reports, so the violation's stable fingerprint (never the line) is used.
import { violationLevel } from './sarif';
import type { Report } from '../contract/report';

const SEVERITY = { error: 'major', warning: 'minor', note: 'info' } as const;

export function renderCodeQuality(report: Pick<Report, 'violations'>): string {
  const issues = report.violations.map((v) => ({
    description: v.message,
    check_name: `conway/${v.kind}`,
    fingerprint: v.fingerprint,
    severity: SEVERITY[violationLevel(v.kind)],
    location: { path: v.file, lines: { begin: Math.max(1, v.line) } },
  }));
  return JSON.stringify(issues, null, 2) + '\n';
}
