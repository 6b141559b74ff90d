// One workspace folder's warm model: the ownership engine (in-process: it only reads CODEOWNERS
// and conway.yml), the last report from the worker, and per-file import rechecks after saves.
// It updates incrementally: HEAD moves → re-analysis (the history cache makes it incremental);
// CODEOWNERS / conway.yml saved → ownership reloaded at once, report refreshed; a source file
// saved → only that file's imports are re-resolved and re-checked.
import { watch, type FSWatcher } from 'node:fs';
import { join, relative } from 'node:path';
import * as vscode from 'vscode';
import { loadOwnership, type Ownership } from '../analyzer/ownership';
import { userEmail } from '../analyzer/analyze';
import type { FileRow, Report, Violation } from '../analyzer/contract/report';
import type { Review } from '../analyzer/contract/review';
import { readHead } from './git-head';
import type { SnapshotTrend } from '../analyzer/contract/snapshot-trend';
import { analysisOptions, ownershipOptions, snapshotDbPath } from './settings';
import type { WorkerClient } from './worker-client';

const IMPORT_KINDS = new Set(['deep-import', 'forbidden-dependency']);

export class FolderModel implements vscode.Disposable {
  ownership: Ownership | undefined;
  ownershipError: string | undefined;
  report: Report | undefined;
  /** The folder's team series from the snapshot database (`conway.snapshotDb`), or why there is none. */
  snapshotTrend: SnapshotTrend | undefined;
  snapshotTrendError: string | undefined;
  head: string | null = null;
  userTeams: string[] = [];
  private files = new Map<string, FileRow>();
  private readonly rechecked = new Map<string, Violation[]>();
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  /** The snapshot series changed (its own event: the dashboard sends it without the report again). */
  private readonly trendEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTrend = this.trendEmitter.event;
  private watcher: FSWatcher | undefined;
  private analyzing: Promise<void> | undefined;

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    private readonly worker: WorkerClient | null,
    private readonly log: vscode.OutputChannel,
  ) {
    this.loadOwnership();
  }

  get root(): string {
    return this.folder.uri.fsPath;
  }

  get trusted(): boolean {
    return this.worker !== null;
  }

  rel(uri: vscode.Uri): string | null {
    const r = relative(this.root, uri.fsPath).split('\\').join('/');
    return r.startsWith('..') ? null : r;
  }

  loadOwnership(): void {
    try {
      this.ownership = loadOwnership(this.root, ownershipOptions(this.folder));
      this.ownershipError = undefined;
    } catch (e) {
      this.ownershipError = (e as Error).message;
      this.log.appendLine(`[${this.folder.name}] ${this.ownershipError}`);
    }
    this.emitter.fire();
  }

  /** Full analysis in the worker; concurrent calls share one run. */
  analyze(progress?: (phase: string) => void, token?: vscode.CancellationToken): Promise<void> {
    if (!this.worker) return Promise.resolve();
    this.analyzing ??= this.runAnalysis(progress, token).finally(() => (this.analyzing = undefined));
    return this.analyzing;
  }

  private async runAnalysis(progress?: (phase: string) => void, token?: vscode.CancellationToken): Promise<void> {
    const started = Date.now();
    const msg = await this.worker!.request(
      { type: 'analyze', root: this.root, options: analysisOptions(this.folder) },
      (p) => progress?.(p.phase),
      token,
    );
    if (msg.type !== 'report') return;
    this.report = msg.report;
    this.head = msg.report.repo.head;
    this.files = new Map(msg.report.files.map((f) => [f.path, f]));
    this.rechecked.clear();
    this.log.appendLine(
      `[${this.folder.name}] analysed ${msg.report.window.commits} commits, ${msg.report.files.length} files in ${Date.now() - started} ms`,
    );
    this.emitter.fire();
    await this.loadSnapshotTrend();
  }

  /** Reads the trend views' series from `conway.snapshotDb` in the worker (after each analysis, and when the setting changes). */
  async loadSnapshotTrend(): Promise<void> {
    const db = snapshotDbPath(this.folder);
    if (!this.worker || !db) {
      if (this.snapshotTrend || this.snapshotTrendError) this.setTrend(undefined, undefined);
      return;
    }
    try {
      const msg = await this.worker.request({ type: 'snapshot-trend', root: this.root, db });
      if (msg.type !== 'snapshot-trend') return;
      this.log.appendLine(
        `[${this.folder.name}] ${msg.trend.snapshots.length} snapshots of ${msg.trend.repository} in ${db}`,
      );
      this.setTrend(msg.trend, undefined);
    } catch (e) {
      this.log.appendLine(`[${this.folder.name}] ${(e as Error).message}`);
      this.setTrend(undefined, (e as Error).message);
    }
  }

  private setTrend(trend: SnapshotTrend | undefined, error: string | undefined): void {
    this.snapshotTrend = trend;
    this.snapshotTrendError = error;
    this.trendEmitter.fire();
  }

  /** Re-resolves one saved source file's imports and re-checks them (no full analysis). */
  async recheck(doc: vscode.TextDocument): Promise<void> {
    const path = this.rel(doc.uri);
    if (!this.worker || !path || !/\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/.test(path)) return;
    const msg = await this.worker.request({
      type: 'imports',
      root: this.root,
      file: path,
      text: doc.getText(),
      options: analysisOptions(this.folder),
    });
    if (msg.type !== 'imports') return;
    this.rechecked.set(path, msg.violations);
    this.emitter.fire();
  }

  /** `conway review` of the working tree (staged, unstaged and untracked changes) against HEAD, in the worker. */
  async review(): Promise<Review | null> {
    if (!this.worker) return null;
    const msg = await this.worker.request({
      type: 'review',
      root: this.root,
      mode: 'working-tree',
      options: analysisOptions(this.folder),
    });
    return msg.type === 'review' ? msg.review : null;
  }

  /** Import edges of a file as it is now (for hovers). */
  async imports(doc: vscode.TextDocument) {
    const path = this.rel(doc.uri);
    if (!this.worker || !path) return null;
    const msg = await this.worker.request({
      type: 'imports',
      root: this.root,
      file: path,
      text: doc.getText(),
      options: analysisOptions(this.folder),
    });
    return msg.type === 'imports' ? msg : null;
  }

  violationsFor(path: string): Violation[] {
    const all = (this.report?.violations ?? []).filter((v) => v.file === path);
    const fresh = this.rechecked.get(path);
    return fresh ? [...all.filter((v) => !IMPORT_KINDS.has(v.kind)), ...fresh] : all;
  }

  allViolations(): Violation[] {
    const paths = new Set([...(this.report?.violations ?? []).map((v) => v.file), ...this.rechecked.keys()]);
    return [...paths].flatMap((p) => this.violationsFor(p));
  }

  file(path: string): FileRow | undefined {
    return this.files.get(path);
  }

  /** Watches .git for HEAD moves (commit, checkout, pull) and re-analyses when HEAD changes. */
  watchHead(): void {
    if (!this.worker || this.watcher) return;
    let timer: NodeJS.Timeout | undefined;
    try {
      this.watcher = watch(join(this.root, '.git'), () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          const head = readHead(this.root);
          if (head && head !== this.head) {
            this.log.appendLine(`[${this.folder.name}] HEAD moved to ${head.slice(0, 10)}: updating`);
            this.head = head;
            void this.analyze().catch((e) => this.log.appendLine(String(e)));
          }
        }, 300);
      });
    } catch {
      this.log.appendLine(`[${this.folder.name}] cannot watch .git: HEAD changes need "Conway: Analyze Workspace"`);
    }
  }

  /** The user's teams: their git email (git config user.email) looked up in the team map. */
  async loadUserTeams(): Promise<void> {
    if (!this.worker || !this.ownership) return;
    // Through the analyzer's git runner: the hook environment and the repository's config are neutralised there.
    const email = (await userEmail(this.root)).toLowerCase();
    this.userTeams = email
      ? this.ownership.teamMap.teams.filter((t) => t.members.some((m) => m.toLowerCase() === email)).map((t) => t.id)
      : [];
    this.emitter.fire();
  }

  dispose(): void {
    this.watcher?.close();
    this.emitter.dispose();
    this.trendEmitter.dispose();
  }
}
