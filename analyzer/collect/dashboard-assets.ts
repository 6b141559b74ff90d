// Reads the built dashboard (dist/webview/dashboard.{js,css}, made by esbuild.mjs) so the HTML
// report can inline it. At runtime this code is bundled into dist/cli.js, dist/worker.js or
// dist/extension.js, all next to dist/webview/; from the sources (vitest) it sits two levels
// below the repository root, where the build puts dist/webview/ after `npm run build`.
import { join } from 'node:path';
import { readTextFile } from './read-file';

export interface DashboardAssets {
  js: string;
  css: string;
}

const CANDIDATES = [join(__dirname, 'webview'), join(__dirname, '..', '..', 'dist', 'webview')];
const MAX_BYTES = 16 * 1024 * 1024;
let cached: DashboardAssets | null | undefined;

/** The built dashboard, or null when it has not been built (the HTML report then stays static). */
export function readDashboardAssets(): DashboardAssets | null {
  if (cached !== undefined) return cached;
  cached = null;
  for (const dir of CANDIDATES) {
    const js = readTextFile(join(dir, 'dashboard.js'), MAX_BYTES);
    const css = readTextFile(join(dir, 'dashboard.css'), MAX_BYTES);
    if (js.kind === 'text' && css.kind === 'text') return (cached = { js: js.text, css: css.text });
  }
  return cached;
}
