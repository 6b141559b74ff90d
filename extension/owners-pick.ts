// "Conway: Show Owners of This File" (the status bar's click): a quick pick with the delivery team,
// its members (and how each was found), the review groups and other owners, and the deciding
// CODEOWNERS rule. Picking the rule opens it; picking a team shows its numbers.
import * as vscode from 'vscode';
import type { FolderModel } from './folder-model';
import { teamName } from './models';
import { deliveryOf, teamRows } from './status';

type Item = vscode.QuickPickItem & { team?: string; rule?: boolean };

export function ownerItems(model: FolderModel, path: string): Item[] {
  const who = model.ownership!.who(path);
  const view = deliveryOf(model, who);
  const rows = teamRows(model);
  const team = (id: string, role: string): Item => {
    const row = rows.get(id);
    return {
      label: `$(organization) ${teamName(model, id)}`,
      description: `${role} · autonomy ${row?.autonomy.score ?? '–'} · ${row?.members.length ?? 0} members`,
      detail: id,
      team: id,
    };
  };
  const sep = (label: string): Item => ({ label, kind: vscode.QuickPickItemKind.Separator });
  const items: Item[] = [];
  if (view.delivery) {
    items.push(sep('Delivery team'), team(view.delivery, 'delivery team'));
    const members = rows.get(view.delivery)?.members ?? [];
    items.push(sep(`Members of ${teamName(model, view.delivery)}`));
    if (!members.length)
      items.push({
        label: '$(info) No members known',
        detail:
          'The team map lists none, and no author made enough of their own changes in its files to be inferred a member (--member-share, default 25% of their changes, and --min-sample of them).',
      });
    for (const m of members.slice(0, 30))
      items.push({
        label: `$(person) ${m.name}`,
        description: m.person,
        detail: m.inferred
          ? `inferred from history${m.ownShare !== undefined ? `: ${Math.round(m.ownShare * 100)}% of their own changes` : ''}`
          : 'listed in the team map',
      });
  }
  if (view.others.length || view.reviewGroups.length)
    items.push(
      sep('Other owners'),
      ...view.others.map((t) => team(t, 'owner')),
      ...view.reviewGroups.map((t) => team(t, 'review group')),
    );
  const co = model.ownership!.codeowners?.path ?? 'CODEOWNERS';
  items.push(
    sep('Rule'),
    who.rule
      ? {
          label: `$(go-to-file) ${who.rule.file ?? co}:${who.rule.line}`,
          description: `${who.rule.pattern} ${who.owners.join(' ')}`,
          rule: true,
        }
      : { label: '$(circle-slash) No CODEOWNERS rule matches this file' },
  );
  return items;
}

/** Shows the pick without waiting for it and returns its items (so callers and tests can read them). */
export function showOwners(model: FolderModel, path: string): Item[] {
  const items = ownerItems(model, path);
  void vscode.window
    .showQuickPick(items, { title: `Owners of ${path}`, matchOnDescription: true, matchOnDetail: true })
    .then((pick) => {
      if (pick?.rule)
        void vscode.commands.executeCommand('conway.goToRule', vscode.Uri.joinPath(model.folder.uri, path));
      else if (pick?.team) void vscode.commands.executeCommand('conway.showTeam', pick.team);
    });
  return items;
}
