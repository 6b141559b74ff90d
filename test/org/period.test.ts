import { describe, expect, it } from 'vitest';
import { periodOf, previousPeriod } from '../../analyzer/org/period';

describe('periods', () => {
  it('names UTC months and quarters so they sort', () => {
    const lastSecondOfMarch = Date.UTC(2026, 2, 31, 23, 59, 59) / 1000;
    expect(periodOf(lastSecondOfMarch, 'month')).toBe('2026-03');
    expect(periodOf(lastSecondOfMarch, 'quarter')).toBe('2026-Q1');
    expect(periodOf(lastSecondOfMarch + 1, 'quarter')).toBe('2026-Q2');
  });
  it('steps back across a year', () => {
    expect(previousPeriod('2026-Q1')).toBe('2025-Q4');
    expect(previousPeriod('2026-01')).toBe('2025-12');
    expect(previousPeriod('2026-11')).toBe('2026-10');
  });
});

describe('periodEnd', () => {
  it('is the last second of the month or quarter, across a year', async () => {
    const { periodEnd } = await import('../../analyzer/org/period');
    expect(periodEnd('2026-Q1')).toBe(Date.UTC(2026, 2, 31, 23, 59, 59) / 1000);
    expect(periodEnd('2026-Q4')).toBe(Date.UTC(2026, 11, 31, 23, 59, 59) / 1000);
    expect(periodEnd('2024-02')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59) / 1000);
    expect(() => periodEnd('2026-W1')).toThrow(/not a period key/);
  });
});
