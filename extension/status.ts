// Status bar: the active file's owning team(s) by display name, or "Unowned". Click: open the
// CODEOWNERS rule. Tooltip: rule, teams with autonomy score, main contributors of the file.
import * as vscode from 'vscode';
import type { WhoResult } from '../analyzer/ownership';
import { teamCaveat } from '../analyzer/report/format';
import type { FolderModel } from './folder-model';
import { teamName, type Models } from './models';

export class OwnerStatus implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('conway.owner', vscode.StatusBarAlignment.Left, 100);

  constructor(private readonly models: Models) {
    this.item.name = 'Conway: owner';
    this.item.command = 'conway.goToRule';
  }

  update(editor = vscode.window.activeTextEditor): void {
    const at = this.models.for(editor?.document.uri);
    if (!at || !at.model.ownership) return this.item.hide();
    const { model, path } = at;
    const who = model.ownership!.who(path);
    const names = who.teams.map((t) => teamName(model, t));
    this.item.text = `$(organization) ${names.length ? names.join(', ') : 'Unowned'}`;
    this.item.tooltip = this.tooltip(at.model, path, who);
    this.item.show();
  }

  private tooltip(model: FolderModel, path: string, who: WhoResult): vscode.MarkdownString {
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = false;
    md.supportHtml = false;
    const co = model.ownership!.codeowners?.path ?? 'CODEOWNERS';
    md.appendMarkdown('**Conway** — ');
    md.appendText(path);
    md.appendMarkdown('\n\n');
    md.appendText(who.rule ? `Rule: ${co}:${who.rule.line}  ${who.rule.pattern}` : 'No CODEOWNERS rule matches this file');
    md.appendMarkdown('\n\n');
    for (const id of who.teams) {
      const row = model.report?.teams.find((t) => t.id === id);
      md.appendText(`Team ${teamName(model, id)}: autonomy ${row?.autonomy.score ?? '–'}${teamCaveat(row)}`);
      md.appendMarkdown('\n\n');
    }
    const f = model.file(path);
    if (f?.mainAuthor) {
      md.appendText(`Main contributor: ${f.mainAuthor} · ${f.changes} changes by ${f.authors} author${f.authors === 1 ? '' : 's'}`);
    }
    if (!model.trusted) md.appendText('\n\nRestricted mode: ownership only (no git, no imports).');
    return md;
  }

  dispose(): void {
    this.item.dispose();
  }
}
