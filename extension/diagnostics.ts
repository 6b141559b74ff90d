// Violations as diagnostics in the Problems panel: for open files always, for the whole
// workspace on request ("Conway: Show Violations for the Whole Workspace").
import * as vscode from 'vscode';
import type { Violation } from '../analyzer/contract/report';
import type { FolderModel } from './folder-model';
import type { Models } from './models';

export const SOURCE = 'conway';

export class ViolationDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(SOURCE);
  private wholeWorkspace = false;

  constructor(private readonly models: Models) {}

  showWorkspace(): void {
    this.wholeWorkspace = true;
    this.refresh();
  }

  refresh(): void {
    this.collection.clear();
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    for (const model of this.models.all()) {
      const byFile = new Map<string, Violation[]>();
      for (const v of model.allViolations()) (byFile.get(v.file) ?? byFile.set(v.file, []).get(v.file)!).push(v);
      for (const [file, vs] of byFile) {
        const uri = vscode.Uri.joinPath(model.folder.uri, file);
        if (this.wholeWorkspace || open.has(uri.toString()))
          this.collection.set(
            uri,
            vs.map((v) => toDiagnostic(model, v)),
          );
      }
    }
  }

  dispose(): void {
    this.collection.dispose();
  }
}

function toDiagnostic(_model: FolderModel, v: Violation): vscode.Diagnostic {
  const line = Math.max(0, v.line - 1);
  const range = new vscode.Range(line, 0, line, 1000);
  const severity =
    v.kind === 'ownership-drift'
      ? vscode.DiagnosticSeverity.Information
      : v.kind === 'unowned' || v.kind === 'team-cycle'
        ? vscode.DiagnosticSeverity.Warning
        : vscode.DiagnosticSeverity.Error;
  const d = new vscode.Diagnostic(range, v.message, severity);
  d.source = SOURCE;
  d.code = v.kind;
  return d;
}
