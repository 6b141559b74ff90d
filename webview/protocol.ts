// Messages between the extension host and the dashboard webview, with guards used on both
// sides: the host validates what the page sends (a path inside the workspace, a real line),
// the page validates the report it receives.
import type { Report } from '../analyzer/contract/report';
import { isSnapshotTrend, type SnapshotTrend } from '../analyzer/contract/snapshot-trend';
import { isReport } from './report-guard';

export type WebviewToHost =
  | { type: 'ready' }
  | { type: 'open'; file: string; line: number }
  | { type: 'rendered'; teams: number; violations: number; graph: 'webgl' | 'svg' }
  /** The filters the user picked (null = all): the host sends them back with the next report, so an update keeps them. */
  | { type: 'filter'; cluster: string | null; team: string | null }
  /** The History section drew this many snapshots and team rows (for tests and the output channel). */
  | { type: 'trend-rendered'; snapshots: number; teams: number };

export type DashboardFilter = { cluster: string | null; team: string | null };

/**
 * The report as an object, or (what the extension sends) as its JSON text: a 13 MB report crosses
 * VS Code's message channel and the webview's postMessage faster as one string than as an object
 * graph, and JSON.parse in the page is faster than structured-clone of the object.
 */
export type HostToWebview = (
  { type: 'report'; report: Report; folder: string } | { type: 'report-json'; json: string; folder: string }
) & { filter?: DashboardFilter };

/** The snapshot database's series for the trend views, or why there is none (a clear error for the page to show). */
export type TrendToWebview = { type: 'snapshot-trend'; trend: SnapshotTrend | null; error: string | null };

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** A repository-relative path that cannot escape the workspace folder. */
export function isSafeRelativePath(p: unknown): p is string {
  return (
    typeof p === 'string' &&
    p.length > 0 &&
    p.length < 4096 &&
    !p.startsWith('/') &&
    !/^[a-zA-Z]:/.test(p) &&
    !p.split(/[\\/]/).includes('..')
  );
}

export function isWebviewToHost(x: unknown): x is WebviewToHost {
  if (!isObj(x)) return false;
  switch (x.type) {
    case 'ready':
      return true;
    case 'open':
      return isSafeRelativePath(x.file) && Number.isInteger(x.line) && (x.line as number) >= 1;
    case 'rendered':
      return Number.isInteger(x.teams) && Number.isInteger(x.violations) && (x.graph === 'webgl' || x.graph === 'svg');
    case 'filter':
      return isFilterValue(x.cluster) && isFilterValue(x.team);
    case 'trend-rendered':
      return Number.isInteger(x.snapshots) && Number.isInteger(x.teams);
    default:
      return false;
  }
}

const isFilterValue = (v: unknown) => v === null || (typeof v === 'string' && v.length > 0 && v.length < 256);

/** The report message, with every field of the report the dashboard reads checked (report-guard.ts). */
export function isHostToWebview(x: unknown): x is HostToWebview {
  if (!isObj(x) || typeof x.folder !== 'string') return false;
  if (x.filter !== undefined && !(isObj(x.filter) && isFilterValue(x.filter.cluster) && isFilterValue(x.filter.team)))
    return false;
  return (x.type === 'report' && isReport(x.report)) || (x.type === 'report-json' && typeof x.json === 'string');
}

/** The report a host message carries, checked; undefined when the JSON text is not a valid report. */
export function reportOf(m: HostToWebview): Report | undefined {
  if (m.type === 'report') return m.report;
  try {
    const r: unknown = JSON.parse(m.json);
    return isReport(r) ? r : undefined;
  } catch {
    return undefined;
  }
}

export function isTrendToWebview(x: unknown): x is TrendToWebview {
  return (
    isObj(x) &&
    x.type === 'snapshot-trend' &&
    (x.trend === null ? typeof x.error === 'string' : isSnapshotTrend(x.trend) && x.error === null)
  );
}
