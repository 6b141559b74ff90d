// The models of all workspace folders (multi-root: one model per folder), and lookups by URI.
import * as vscode from 'vscode';
import type { FolderModel } from './folder-model';

export class Models {
  readonly byFolder = new Map<string, FolderModel>();

  constructor(models: FolderModel[] = []) {
    for (const m of models) this.byFolder.set(m.folder.uri.toString(), m);
  }

  for(uri: vscode.Uri | undefined): { model: FolderModel; path: string } | undefined {
    if (!uri) return undefined;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const model = folder && this.byFolder.get(folder.uri.toString());
    const path = model?.rel(uri);
    return model && path !== null && path !== undefined ? { model, path } : undefined;
  }

  all(): FolderModel[] {
    return [...this.byFolder.values()];
  }
}

export function teamName(model: FolderModel, id: string): string {
  return model.ownership?.team(id)?.name ?? id;
}
