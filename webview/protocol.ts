// Messages between the extension host and the dashboard webview, with guards used on both
// sides: the host validates what the page sends (a path inside the workspace, a real line),
// the page validates the report it receives.
import type { Report } from '../analyzer/report/types';
import { isReport } from './report-guard';

export type WebviewToHost =
  | { type: 'ready' }
  | { type: 'open'; file: string; line: number }
  | { type: 'rendered'; teams: number; violations: number; graph: 'webgl' | 'svg' }
  /** The filters the user picked (null = all), so the host can restore or mirror them. */
  | { type: 'filter'; cluster: string | null; team: string | null };

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
    case 'filter': return isFilterValue(x.cluster) && isFilterValue(x.team);
    default: return false;
  }
}

const isFilterValue = (v: unknown) => v === null || (typeof v === 'string' && v.length > 0 && v.length < 256);

/** The report message, with every field of the report the dashboard reads checked (report-guard.ts). */
export function isHostToWebview(x: unknown): x is HostToWebview {
  return isObj(x) && x.type === 'report' && typeof x.folder === 'string' && isReport(x.report);
}
