// The extension's settings → analyzer options, per workspace folder.
import * as vscode from 'vscode';
import type { WorkerOptions } from '../analyzer/protocol';
import { isAbsolute, join } from 'node:path';
import type { OwnershipOptions } from '../analyzer/ownership';

export function ownershipOptions(folder: vscode.WorkspaceFolder): OwnershipOptions {
  const c = vscode.workspace.getConfiguration('conway', folder.uri);
  return {
    flavor: c.get<'github' | 'gitlab'>('codeownersFlavor', 'github'),
    codeowners: c.get<string>('codeownersPath') || undefined,
    teams: c.get<string>('teamsPath') || undefined,
  };
}

export function analysisOptions(folder: vscode.WorkspaceFolder): WorkerOptions {
  const c = vscode.workspace.getConfiguration('conway', folder.uri);
  return {
    ...ownershipOptions(folder),
    since: c.get<string>('history.since') || undefined,
    exclude: c.get<string[]>('exclude', []),
    metrics: {
      minRevs: c.get<number>('coupling.minRevs', 5),
      minShared: c.get<number>('coupling.minShared', 5),
      minDegree: c.get<number>('coupling.minDegree', 30),
      maxChangesetSize: c.get<number>('coupling.maxChangesetSize', 30),
    },
  };
}

export function decorationsEnabled(): boolean {
  return vscode.workspace.getConfiguration('conway').get<boolean>('decorations.enabled', true);
}

/**
 * The snapshot database for the dashboard's trend views (`conway.snapshotDb`, relative to the
 * folder), or undefined. Never read in an untrusted workspace: a workspace setting must not make
 * Conway open a file outside it (the setting is also a restricted configuration).
 */
export function snapshotDbPath(folder: vscode.WorkspaceFolder): string | undefined {
  if (!vscode.workspace.isTrusted) return undefined;
  const p = vscode.workspace.getConfiguration('conway', folder.uri).get<string>('snapshotDb', '').trim();
  if (!p) return undefined;
  return isAbsolute(p) ? p : join(folder.uri.fsPath, p);
}
