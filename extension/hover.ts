// Hover on an import line: who owns the imported file; a cross-team import says so; a
// violation says which rule it breaks and what to do. Edges come from the worker, resolved on
// the document's current text, so the hover is right before the file is even saved.
import * as vscode from 'vscode';
import type { Models } from './models';
import { teamName } from './models';

export class ImportHover implements vscode.HoverProvider {
  constructor(private readonly models: Models) {}

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover | undefined> {
    const at = this.models.for(doc.uri);
    if (!at?.model.ownership || !/\b(import|require|export)\b/.test(doc.lineAt(pos.line).text)) return undefined;
    const res = await at.model.imports(doc);
    if (!res) return undefined;
    const own = at.model.ownership;
    const edges = res.edges.filter((e) => e.line === pos.line + 1 && e.to && !/^(npm|node):/.test(e.to));
    if (!edges.length) return undefined;
    const md = new vscode.MarkdownString();
    md.isTrusted = false;
    const fromTeams = own.who(at.path).teams;
    for (const e of edges) {
      const to = own.who(e.to!);
      const names = to.teams.map((t) => teamName(at.model, t));
      md.appendMarkdown('**Conway** — ');
      md.appendText(`${e.to} is owned by ${names.length ? names.join(', ') : 'nobody (unowned)'}`);
      md.appendMarkdown('\n\n');
      const cross = to.teams.length > 0 && fromTeams.length > 0 && !to.teams.some((t) => fromTeams.includes(t));
      if (cross) {
        md.appendText(
          `Cross-team import: ${fromTeams.map((t) => teamName(at.model, t)).join(', ')} → ${names.join(', ')}`,
        );
        md.appendMarkdown('\n\n');
      }
      for (const v of res.violations.filter((x) => x.line === e.line && x.target === e.to)) {
        md.appendMarkdown(`**${v.kind}**: `);
        md.appendText(v.message);
        md.appendMarkdown('\n\n');
      }
    }
    return new vscode.Hover(md, doc.lineAt(pos.line).range);
  }
}
