// One reporter per format (dependency-cruiser's pattern): name → (report) => text.
import { renderCodeQuality } from './codequality';
import { renderHtml } from './html';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import { renderSarif } from './sarif';
import type { Report } from '../contract/report';

// A Map: the format is user input, and `toString` must be unknown, not Object.prototype's.
const reporters = new Map<string, (r: Report) => string>([
  ['json', renderJson],
  ['md', renderMarkdown],
  ['html', renderHtml],
  ['sarif', renderSarif],
  ['codequality', renderCodeQuality],
]);

export const reportFormats = [...reporters.keys()];

export function renderReport(format: string, report: Report): string {
  const r = reporters.get(format);
  if (!r) throw new Error(`unknown report format ${format}`);
  return r(report);
}
