// The interactive part of the HTML report: the built dashboard bundle inlined as the page's one
// script, allowed by its SHA-256 hash in the CSP (no 'unsafe-inline' for scripts), and the report
// as JSON in a <script type="application/json"> that the bundle reads (webview/main.ts).
// Without a built bundle the page keeps its static, script-free content.
import { createHash } from 'node:crypto';
import { readDashboardAssets, type DashboardAssets } from '../collect/dashboard-assets';
import type { Report } from './types';

export interface InlineDashboard {
  /** CSP source for the inline script: `'sha256-…'`. */
  scriptSource: string;
  style: string;
  /** The report JSON and the script, to append to <body>. */
  scripts: string;
}

export function inlineDashboard(report: Report, assets: DashboardAssets | null = readDashboardAssets()): InlineDashboard | null {
  if (!assets) return null;
  const js = toInlineScript(assets.js);
  return {
    scriptSource: `'sha256-${createHash('sha256').update(js, 'utf8').digest('base64')}'`,
    style: `<style>${assets.css.replace(/<\/style/gi, '<\\/style')}</style>`,
    scripts: `<script type="application/json" id="conway-report">${toInlineJson(report)}</script>\n<script type="module">${js}</script>`,
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
  return js.replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n').replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}
