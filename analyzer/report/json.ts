// The report as JSON — the contract every other consumer reads (schemaVersion inside).
import type { Report } from './types';

export function renderJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}
