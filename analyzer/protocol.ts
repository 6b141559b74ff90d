// Messages between the extension host and the analyzer worker (a child process running
// dist/worker.js), validated on both sides: the worker is the only place that runs git or
// reads workspace code, so the extension host never blocks on an analysis.
import type { AnalyzeOptions } from './analyze';
import type { ImportEdge } from './model/types';
import { isReadableVersion, type Report, type Violation } from './contract/report';
import type { Review } from './contract/review';
import { isSnapshotTrend, type SnapshotTrend } from './contract/snapshot-trend';

export type WorkerOptions = Omit<AnalyzeOptions, 'signal' | 'onProgress' | 'now' | 'warm' | 'onModel'>;

export type ToWorker =
  | { id: number; type: 'analyze'; root: string; options: WorkerOptions }
  | { id: number; type: 'imports'; root: string; file: string; text: string; options: WorkerOptions }
  | { id: number; type: 'review'; root: string; mode: 'working-tree' | 'staged'; options: WorkerOptions }
  /** The team series of the folder's repository in a snapshot database (`conway.snapshotDb`, an absolute path). */
  | { id: number; type: 'snapshot-trend'; root: string; db: string }
  | { id: number; type: 'cancel'; target: number };

export type FromWorker =
  | { id: number; type: 'report'; report: Report }
  | { id: number; type: 'imports'; edges: ImportEdge[]; violations: Violation[] }
  | { id: number; type: 'review'; review: Review }
  | { id: number; type: 'snapshot-trend'; trend: SnapshotTrend }
  | { id: number; type: 'progress'; phase: string; done?: number; total?: number }
  | { id: number; type: 'error'; message: string };

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isStr = (x: unknown): x is string => typeof x === 'string';
const isId = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;

export function isToWorker(x: unknown): x is ToWorker {
  if (!isObj(x) || !isId(x.id)) return false;
  switch (x.type) {
    case 'analyze':
      return isStr(x.root) && isObj(x.options);
    case 'imports':
      return isStr(x.root) && isStr(x.file) && isStr(x.text) && isObj(x.options);
    case 'review':
      return isStr(x.root) && (x.mode === 'working-tree' || x.mode === 'staged') && isObj(x.options);
    case 'snapshot-trend':
      return isStr(x.root) && isStr(x.db);
    case 'cancel':
      return isId(x.target);
    default:
      return false;
  }
}

export function isFromWorker(x: unknown): x is FromWorker {
  if (!isObj(x) || !isId(x.id)) return false;
  switch (x.type) {
    case 'report':
      return isObj(x.report) && isReadableVersion((x.report as { schemaVersion?: unknown }).schemaVersion);
    case 'imports':
      return Array.isArray(x.edges) && Array.isArray(x.violations);
    case 'review':
      return (
        isObj(x.review) &&
        Array.isArray((x.review as { approvals?: unknown }).approvals) &&
        Array.isArray((x.review as { files?: unknown }).files)
      );
    case 'snapshot-trend':
      return isSnapshotTrend(x.trend);
    case 'progress':
      return isStr(x.phase);
    case 'error':
      return isStr(x.message);
    default:
      return false;
  }
}
