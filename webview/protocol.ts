// Messages between the extension host and the dashboard webview, with guards used on both
// sides: the host validates what the page sends (a path inside the workspace, a real line),
// the page validates the report it receives.
import type { Report } from '../analyzer/report/types';

export type WebviewToHost =
  | { type: 'ready' }
  | { type: 'open'; file: string; line: number }
  | { type: 'rendered'; teams: number; violations: number; graph: 'webgl' | 'svg' };

export type HostToWebview = { type: 'report'; report: Report; folder: string };

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** A repository-relative path that cannot escape the workspace folder. */
export function isSafeRelativePath(p: unknown): p is string {
  return typeof p === 'string' && p.length > 0 && p.length < 4096 && !p.startsWith('/') && !/^[a-zA-Z]:/.test(p) && !p.split(/[\\/]/).includes('..');
}

export function isWebviewToHost(x: unknown): x is WebviewToHost {
  if (!isObj(x)) return false;
  switch (x.type) {
    case 'ready': return true;
    case 'open': return isSafeRelativePath(x.file) && Number.isInteger(x.line) && (x.line as number) >= 1;
    case 'rendered': return Number.isInteger(x.teams) && Number.isInteger(x.violations) && (x.graph === 'webgl' || x.graph === 'svg');
    default: return false;
  }
}

export function isHostToWebview(x: unknown): x is HostToWebview {
  if (!isObj(x) || x.type !== 'report' || typeof x.folder !== 'string' || !isObj(x.report)) return false;
  const r = x.report as Partial<Report>;
  return r.schemaVersion === 1 && Array.isArray(r.teams) && Array.isArray(r.violations) && Array.isArray(r.clusters) && isObj(r.coupling);
}
