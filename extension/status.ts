// Status bar: the active file's delivery team, short (`secrets-team +2`: the other owners counted),
// or "Unowned" (delivery-team.ts). Tooltip: the delivery team and its score, the review groups and
// other owners, the deciding CODEOWNERS rule, the file's main contributor. Click: the owners, the
// delivery team's members and the rule (conway.showOwners).
import * as vscode from 'vscode';
import type { WhoResult } from '../analyzer/ownership';
import { teamCaveat } from '../analyzer/report/format';
import type { TeamRow } from '../analyzer/contract/report';
import { deliveryTeam, statusText, type DeliveryView } from './delivery-team';
import type { FolderModel } from './folder-model';
import { teamName, type Models } from './models';

const rowsByReport = new WeakMap<object, Map<string, TeamRow>>();

/** The report's teams by id (memoised per report object). */
export function teamRows(model: FolderModel): Map<string, TeamRow> {
  const r = model.report;
  if (!r) return new Map();
  let rows = rowsByReport.get(r);
  if (!rows) rowsByReport.set(r, (rows = new Map(r.teams.map((t) => [t.id, t]))));
  return rows;
}

const rulesByOwnership = new WeakMap<object, Map<string, number>>();

/** Team id → how many CODEOWNERS rules list it (memoised per loaded ownership). */
function ruleCounts(model: FolderModel): Map<string, number> {
  const o = model.ownership!;
  let counts = rulesByOwnership.get(o);
  if (!counts) {
    counts = new Map();
    for (const rule of o.codeowners?.rules ?? [])
      for (const t of new Set(o.teamsOfOwners(rule.owners))) counts.set(t, (counts.get(t) ?? 0) + 1);
    rulesByOwnership.set(o, counts);
  }
  return counts;
}

export function deliveryOf(model: FolderModel, who: WhoResult): DeliveryView {
  return deliveryTeam(who.teams, teamRows(model), ruleCounts(model));
}

export class OwnerStatus implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('conway.owner', vscode.StatusBarAlignment.Left, 100);

  constructor(private readonly models: Models) {
    this.item.name = 'Conway: owner';
    this.item.command = 'conway.showOwners';
  }

  update(editor = vscode.window.activeTextEditor): void {
    const at = this.models.for(editor?.document.uri);
    if (!at || !at.model.ownership) return this.item.hide();
    const { model, path } = at;
    const who = model.ownership!.who(path);
    const view = deliveryOf(model, who);
    this.item.text = `$(organization) ${statusText(view, (id) => teamName(model, id))}`;
    this.item.tooltip = this.tooltip(model, path, who, view);
    this.item.show();
  }

  private tooltip(model: FolderModel, path: string, who: WhoResult, view: DeliveryView): vscode.MarkdownString {
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = false;
    md.supportHtml = false;
    const line = (text: string) => (md.appendText(text), md.appendMarkdown('\n\n'));
    const co = model.ownership!.codeowners?.path ?? 'CODEOWNERS';
    md.appendMarkdown('**Conway** — ');
    line(path);
    const rows = teamRows(model);
    if (view.delivery)
      line(
        `Delivery team: ${teamName(model, view.delivery)} (autonomy ${rows.get(view.delivery)?.autonomy.score ?? '–'})${teamCaveat(rows.get(view.delivery))}`,
      );
    if (view.others.length) line(`Also owned by: ${view.others.map((t) => teamName(model, t)).join(', ')}`);
    if (view.reviewGroups.length) line(`Review groups: ${view.reviewGroups.map((t) => teamName(model, t)).join(', ')}`);
    line(
      who.rule
        ? `Rule: ${who.rule.file ?? co}:${who.rule.line}  ${who.rule.pattern}  ${who.owners.join(' ')}`
        : 'No CODEOWNERS rule matches this file',
    );
    const f = model.file(path);
    if (f?.mainAuthor)
      line(
        `Main contributor: ${f.mainAuthor} · ${f.changes} changes by ${f.authors} author${f.authors === 1 ? '' : 's'}`,
      );
    if (!model.trusted) md.appendText('Restricted mode: ownership only (no git, no imports).');
    md.appendMarkdown('\n\n_Click: owners, members and the rule._');
    return md;
  }

  dispose(): void {
    this.item.dispose();
  }
}
