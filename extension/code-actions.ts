// Quick fixes for Conway diagnostics where the fix is mechanical:
//  - deep-import: import from the other team's public API instead, when that entry re-exports
//    the imported file (checked on the entry's resolved imports);
//  - every violation: open the CODEOWNERS rule of the file.
import { posix } from 'node:path';
import * as vscode from 'vscode';
import { SOURCE } from './diagnostics';
import type { Models } from './models';

export class ConwayActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly models: Models) {}

  async provideCodeActions(
    doc: vscode.TextDocument,
    _range: vscode.Range,
    ctx: vscode.CodeActionContext,
  ): Promise<vscode.CodeAction[]> {
    const at = this.models.for(doc.uri);
    if (!at) return [];
    const out: vscode.CodeAction[] = [];
    for (const d of ctx.diagnostics.filter((x) => x.source === SOURCE)) {
      if (d.code === 'deep-import') {
        const fix = await this.publicApiFix(doc, d, at);
        if (fix) out.push(fix);
      }
      const open = new vscode.CodeAction('Conway: open the CODEOWNERS rule', vscode.CodeActionKind.QuickFix);
      open.command = { command: 'conway.goToRule', title: 'Go to CODEOWNERS rule', arguments: [doc.uri] };
      open.diagnostics = [d];
      out.push(open);
    }
    return out;
  }

  private async publicApiFix(
    doc: vscode.TextDocument,
    d: vscode.Diagnostic,
    at: NonNullable<ReturnType<Models['for']>>,
  ): Promise<vscode.CodeAction | undefined> {
    const res = await at.model.imports(doc);
    const edge = res?.edges.find((e) => e.line === d.range.start.line + 1 && e.to && !/^(npm|node):/.test(e.to));
    const v = res?.violations.find((x) => x.kind === 'deep-import' && x.line === edge?.line);
    if (!edge || !v) return undefined;
    for (const entry of /public API \(([^)]*)\)/.exec(v.message)?.[1].split(', ') ?? []) {
      const uri = vscode.Uri.joinPath(at.model.folder.uri, entry);
      const entryDoc = await vscode.workspace.openTextDocument(uri).then(
        (x) => x,
        () => undefined,
      );
      const entryImports = entryDoc && (await at.model.imports(entryDoc));
      if (
        !entryImports ||
        !entryImports.edges.some((e) => e.to === edge.to && (e.kind === 'reexport' || e.kind === 'type'))
      )
        continue;
      const spec = importPath(at.path, entry);
      const line = doc.lineAt(edge.line - 1);
      const col = line.text.indexOf(edge.specifier);
      if (col < 0) continue;
      const action = new vscode.CodeAction(
        `Conway: import from ${v.toTeam}'s public API (${spec})`,
        vscode.CodeActionKind.QuickFix,
      );
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(
        doc.uri,
        new vscode.Range(edge.line - 1, col, edge.line - 1, col + edge.specifier.length),
        spec,
      );
      action.diagnostics = [d];
      action.isPreferred = true;
      return action;
    }
    return undefined;
  }
}

/** A relative specifier from one repository file to another, without extension or /index. */
export function importPath(from: string, to: string): string {
  let rel = posix
    .relative(posix.dirname(from), to)
    .replace(/\.(d\.)?[mc]?[jt]sx?$/, '')
    .replace(/\/index$/, '');
  if (rel === 'index' || rel === '') rel = '.';
  return rel.startsWith('.') ? rel : `./${rel}`;
}
