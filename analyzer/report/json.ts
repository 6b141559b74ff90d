// The report as JSON — the contract every other consumer reads (schemaVersion inside).
import type { Report } from '../contract/report';

export function renderJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}
