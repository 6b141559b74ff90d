// Explorer badges: files owned by another team than the user's own (user's team = git
// config user.email looked up in the team map) and unowned files. Setting: conway.decorations.enabled.
import { statSync } from 'node:fs';
import * as vscode from 'vscode';
import type { Models } from './models';
import { teamName } from './models';
import { decorationsEnabled } from './settings';

export class OwnerDecorations implements vscode.FileDecorationProvider {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri | vscode.Uri[] | undefined>();
  readonly onDidChangeFileDecorations = this.emitter.event;

  constructor(private readonly models: Models) {}

  refresh(): void {
    this.emitter.fire(undefined);
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (!decorationsEnabled() || uri.scheme !== 'file') return undefined;
    const at = this.models.for(uri);
    if (!at?.model.ownership?.codeowners || at.path === '' || at.path.startsWith('.git/') || isDirectory(uri))
      return undefined;
    const who = at.model.ownership.who(at.path);
    if (!who.owners.length) {
      const why = who.rule ? `CODEOWNERS line ${who.rule.line} gives it no owner` : 'no CODEOWNERS rule';
      return {
        badge: '∅',
        tooltip: `Conway: unowned (${why})`,
        color: new vscode.ThemeColor('problemsWarningIcon.foreground'),
      };
    }
    const mine = at.model.userTeams;
    if (!mine.length || who.teams.some((t) => mine.includes(t))) return undefined;
    const names = who.teams.map((t) => teamName(at.model, t)).join(', ');
    return {
      badge: initials(names),
      tooltip: `Conway: owned by ${names}`,
      color: new vscode.ThemeColor('descriptionForeground'),
    };
  }
}

function initials(name: string): string {
  return (
    name
      .replace(/[^A-Za-z0-9 ]/g, ' ')
      .trim()
      .split(/\s+/)
      .map((w) => w[0]?.toUpperCase() ?? '')
      .join('')
      .slice(0, 2) || '•'
  );
}

function isDirectory(uri: vscode.Uri): boolean {
  try {
    return statSync(uri.fsPath).isDirectory();
  } catch {
    return false;
  }
}
