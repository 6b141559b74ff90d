// The commands of the Conway menu. Each acts on the active file's folder (multi-root aware).
import * as vscode from 'vscode';
import { memberLabel, teamCaveat } from '../analyzer/report/format';
import { renderMarkdown } from '../analyzer/report/markdown';
import { Dashboard } from './dashboard';
import type { ViolationDiagnostics } from './diagnostics';
import type { FolderModel } from './folder-model';
import { teamName, type Models } from './models';
import { showOwners } from './owners-pick';

export function registerCommands(
  ctx: vscode.ExtensionContext,
  models: Models,
  diagnostics: ViolationDiagnostics,
  analyzeAll: () => Promise<void>,
): void {
  const active = (uri?: vscode.Uri) =>
    models.for(uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri);
  const modelOf = (uri?: vscode.Uri): FolderModel | undefined => active(uri)?.model ?? models.all()[0];
  const reg = (id: string, f: (...a: never[]) => unknown) =>
    ctx.subscriptions.push(vscode.commands.registerCommand(id, f));

  reg('conway.whoOwns', async (uri?: vscode.Uri) => {
    const at = active(uri);
    if (!at?.model.ownership)
      return vscode.window.showInformationMessage('Conway: open a file of a workspace folder first.');
    const who = at.model.ownership.who(at.path);
    const teams = who.teams.map((t) => teamName(at.model, t)).join(', ');
    const text = who.owners.length
      ? `${at.path} is owned by ${teams} (${who.owners.join(' ')})`
      : `${at.path} is unowned`;
    const rule = who.rule
      ? ` — ${who.rule.file ?? at.model.ownership.codeowners?.path}:${who.rule.line} ${who.rule.pattern}`
      : '';
    // Not awaited: the command answers at once; the message stays until the user closes it.
    void vscode.window.showInformationMessage(text + rule, ...(who.rule ? ['Go to Rule'] : [])).then((pick) => {
      if (pick)
        void vscode.commands.executeCommand('conway.goToRule', vscode.Uri.joinPath(at.model.folder.uri, at.path));
    });
    return who;
  });
  reg('conway.showOwners', (uri?: vscode.Uri) => {
    const at = active(uri);
    if (!at?.model.ownership)
      return vscode.window.showInformationMessage('Conway: open a file of a workspace folder first.');
    return showOwners(at.model, at.path);
  });
  reg('conway.analyze', () => analyzeAll());
  reg('conway.openDashboard', (uri?: vscode.Uri) => {
    const model = modelOf(uri);
    if (!model) return undefined;
    if (!model.trusted)
      return vscode.window.showWarningMessage('Conway: the dashboard needs a trusted workspace (it runs git).');
    return Dashboard.show(ctx.extensionUri, model);
  });
  reg('conway.goToRule', async (uri?: vscode.Uri) => {
    const at = active(uri);
    const co = at?.model.ownership?.codeowners;
    if (!at || !co) return vscode.window.showInformationMessage('Conway: no CODEOWNERS file in this folder.');
    const rule = at.model.ownership!.who(at.path).rule;
    const line = Math.max(0, (rule?.line ?? 1) - 1);
    // Codeowners Plus and catalog rules live in files of their own (`rule.file`).
    return vscode.window.showTextDocument(vscode.Uri.joinPath(at.model.folder.uri, rule?.file ?? co.path), {
      selection: new vscode.Range(line, 0, line, 0),
    });
  });
  reg('conway.showTeam', async (id?: string) => {
    const model = modelOf();
    if (!model?.ownership) return undefined;
    const teamId =
      typeof id === 'string'
        ? id
        : (
            await vscode.window.showQuickPick(
              model.ownership.teamMap.teams.map((t) => ({ label: t.name, description: t.id, id: t.id })),
            )
          )?.id;
    const row = model.report?.teams.find((t) => t.id === teamId);
    if (!teamId) return undefined;
    const a = row?.autonomy;
    const msg = `${teamName(model, teamId)}: autonomy ${a?.score ?? '–'} (delivery ${fmt(a?.deliveryIndependence)}, integrity ${fmt(a?.ownershipIntegrity)}, dependency ${fmt(a?.dependencyIndependence)}), ${row?.files ?? 0} files, members: ${row?.members.map(memberLabel).join(', ') || '–'}${teamCaveat(row)}`;
    void vscode.window.showInformationMessage(msg);
    return row ?? null;
  });
  reg('conway.copyReport', async () => {
    const model = modelOf();
    if (!model?.report)
      return vscode.window.showInformationMessage('Conway: no analysis yet — run "Conway: Analyze Workspace".');
    await vscode.env.clipboard.writeText(renderMarkdown(model.report));
    return vscode.window.showInformationMessage('Conway: ownership report copied as Markdown.');
  });
  reg('conway.checkWorkspace', () => diagnostics.showWorkspace());
}

function fmt(x: number | null | undefined): string {
  return x === null || x === undefined ? '–' : `${Math.round(x * 100)}%`;
}
