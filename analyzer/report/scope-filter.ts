// `--scope production|test`: a report, or a gate, about one kind of code only. Violations and
// findings of the other scope are left out, and the notes say how many, so nothing is cut silently.
import { UserError } from '../contract/errors';
import type { Report } from '../contract/report';

export const SCOPES = ['production', 'test'] as const;
export type ScopeFilter = (typeof SCOPES)[number];

export function parseScope(value: unknown): ScopeFilter | undefined {
  if (value === undefined) return undefined;
  if (!SCOPES.includes(value as ScopeFilter))
    throw new UserError(`--scope ${String(value)}: expected production or test`);
  return value as ScopeFilter;
}

export function filterScope(report: Report, scope: ScopeFilter | undefined): Report {
  if (!scope) return report;
  const keep = (s: string | undefined) => (s ?? 'production') === scope;
  const violations = report.violations.filter((v) => keep(v.scope));
  const left = report.violations.length - violations.length;
  const findings = report.findings?.filter((f) => keep(f.scope)).map((f, i) => ({ ...f, rank: i + 1 }));
  const note = `--scope ${scope}: ${left} ${scope === 'production' ? 'test' : 'production'}-code violation${left === 1 ? '' : 's'} left out`;
  return { ...report, violations, ...(findings ? { findings } : {}), notes: [...report.notes, note] };
}
