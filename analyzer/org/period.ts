// The periods a scorecard compares: calendar months or quarters in UTC, named so they sort
// (`2026-11`, `2026-Q4`). Every team-work metric that reports per period uses these keys.
export type PeriodKind = 'month' | 'quarter';

export function periodOf(unixSeconds: number, kind: PeriodKind): string {
  const d = new Date(unixSeconds * 1000);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth();
  return kind === 'month' ? `${year}-${String(month + 1).padStart(2, '0')}` : `${year}-Q${Math.floor(month / 3) + 1}`;
}

/** The period before `key` (`2026-Q1` → `2025-Q4`, `2026-01` → `2025-12`). */
export function previousPeriod(key: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(key);
  if (q) return Number(q[2]) === 1 ? `${Number(q[1]) - 1}-Q4` : `${q[1]}-Q${Number(q[2]) - 1}`;
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (!m) throw new Error(`not a period key: ${key}`);
  const month = Number(m[2]);
  return month === 1 ? `${Number(m[1]) - 1}-12` : `${m[1]}-${String(month - 1).padStart(2, '0')}`;
}

/** Unix seconds of the last second of a period (`2026-Q4` → 2026-12-31T23:59:59Z). */
export function periodEnd(key: string): number {
  const q = /^(\d{4})-Q([1-4])$/.exec(key);
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (!q && !m) throw new Error(`not a period key: ${key}`);
  const year = Number((q ?? m)![1]);
  const lastMonth = q ? Number(q[2]) * 3 : Number(m![2]); // 1-based month the period ends in
  return Date.UTC(year, lastMonth, 1) / 1000 - 1;
}
