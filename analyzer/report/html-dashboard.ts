// The interactive part of the HTML report: the built dashboard bundle inlined as the page's one
// script, allowed by its SHA-256 hash in the CSP (no 'unsafe-inline' for scripts), and the report
// as JSON in a <script type="application/json"> that the bundle reads (webview/main.ts). A report
// over 1 MB of JSON is embedded gzipped and base64-encoded instead (`application/gzip`; the page
// inflates it with the browser's DecompressionStream): a 200-team report is 13 MB of JSON but
// 2 MB gzipped, and reading and parsing 13 MB of page alone took ≈ 0.5 s of the first paint.
// Without a built bundle the page keeps its static, script-free content.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { readDashboardAssets, type DashboardAssets } from '../collect/dashboard-assets';
import type { Report } from '../contract/report';

export interface InlineDashboard {
  /** CSP source for the inline script: `'sha256-…'`. */
  scriptSource: string;
  style: string;
  /** The report JSON and the script, to append to <body>. */
  scripts: string;
  /** True when the report is large and embedded gzipped. */
  packed: boolean;
}

export function inlineDashboard(
  report: Report,
  assets: DashboardAssets | null = readDashboardAssets(),
): InlineDashboard | null {
  if (!assets) return null;
  const js = toInlineScript(assets.js);
  const embedded = embedReport(report);
  return {
    scriptSource: `'sha256-${createHash('sha256').update(js, 'utf8').digest('base64')}'`,
    style: `<style>${assets.css.replace(/<\/style/gi, '<\\/style')}</style>`,
    scripts: `${embedded.html}\n<script type="module">${js}</script>`,
    packed: embedded.packed,
  };
}

export const GZIP_ABOVE = 1024 * 1024;

/** The report as readable JSON, or gzipped + base64 when large (base64 never contains `<`). */
export function embedReport(report: Report): { html: string; packed: boolean } {
  const json = toInlineJson(report);
  if (json.length <= GZIP_ABOVE)
    return { html: `<script type="application/json" id="conway-report">${json}</script>`, packed: false };
  return {
    html: `<script type="application/gzip" id="conway-report-gzip">${gzipSync(json, { level: 6 }).toString('base64')}</script>`,
    packed: true,
  };
}

/** JSON that cannot end its <script> element or open an HTML comment: every `<` as \u003c. */
export function toInlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * The bundle made safe inside <script>: `</script` and `<!--` would end or confuse the element
 * (HTML script data states), so they get a backslash — equivalent in JS strings and comments,
 * the only places a bundle contains them. The source-map comment goes: the map is not inlined.
 */
export function toInlineScript(js: string): string {
  return js
    .replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n')
    .replace(/<\/(script)/gi, '<\\/$1')
    .replace(/<!--/g, '<\\!--');
}
