// The Teams view (cluster → team → its members and modules → files, each with its score) and the
// Violations view grouped like the report (kind → finding, ranked → locations; click opens the
// file at the line).
import * as vscode from 'vscode';
import { teamCaveat } from '../analyzer/report/format';
import type { TeamRow, Violation } from '../analyzer/contract/report';
import { findingsOf, type FindingView } from '../webview/findings';
import type { FolderModel } from './folder-model';
import type { Models } from './models';

type Node = {
  label: string;
  description?: string;
  tooltip?: string;
  children?: () => Node[];
  open?: { model: FolderModel; file: string; line: number };
  contextValue?: string;
};

abstract class Tree implements vscode.TreeDataProvider<Node> {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  constructor(protected readonly models: Models) {}
  refresh(): void {
    this.emitter.fire(undefined);
  }
  getTreeItem(n: Node): vscode.TreeItem {
    const item = new vscode.TreeItem(
      n.label,
      n.children ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.description = n.description;
    item.tooltip = n.tooltip;
    item.contextValue = n.contextValue;
    if (n.open) {
      item.resourceUri = vscode.Uri.joinPath(n.open.model.folder.uri, n.open.file);
      item.command = {
        command: 'vscode.open',
        title: 'Open',
        arguments: [item.resourceUri, { selection: new vscode.Range(n.open.line - 1, 0, n.open.line - 1, 0) }],
      };
    }
    return item;
  }
  getChildren(n?: Node): Node[] {
    return n?.children ? n.children() : this.roots();
  }
  abstract roots(): Node[];
}

const score = (s: number | null | undefined) =>
  s === null || s === undefined ? 'autonomy –' : `autonomy ${s.toFixed(1)}`;

export class TeamsTree extends Tree {
  roots(): Node[] {
    return this.models.all().flatMap((m) => {
      const r = m.report;
      if (!r)
        return m.ownership
          ? [
              {
                label: m.folder.name,
                description: m.trusted ? 'analysing…' : 'restricted mode',
                children: () =>
                  teamsOf(
                    m,
                    m.ownership!.teamMap.teams.map((t) => t.id),
                  ),
              },
            ]
          : [];
      const clustered = r.clusters.map((c): Node => ({
        label: c.id,
        description: score(c.autonomy.score),
        contextValue: 'cluster',
        children: () => teamsOf(m, c.teams),
      }));
      const loose = r.teams.filter((t) => !t.cluster).map((t) => t.id);
      return [...clustered, ...(loose.length ? [{ label: '(no cluster)', children: () => teamsOf(m, loose) }] : [])];
    });
  }
}

function teamsOf(m: FolderModel, ids: string[]): Node[] {
  return ids.map((id) => {
    const row = m.report?.teams.find((t) => t.id === id);
    const a = row?.autonomy;
    return {
      label: m.ownership?.team(id)?.name ?? id,
      description: `${score(a?.score)} · ${plural(row?.members.length ?? 0, 'member')} · ${plural(row?.files ?? 0, 'file')}${row?.role === 'review-group' ? ' · review group' : ''}`,
      tooltip: a
        ? `delivery ${pct(a.deliveryIndependence)}, integrity ${pct(a.ownershipIntegrity)}, dependency ${pct(a.dependencyIndependence)}${teamCaveat(row)}`
        : undefined,
      contextValue: 'team',
      children: () => [...(row ? [membersNode(row)] : []), ...modulesOf(m, id)],
    };
  });
}

function membersNode(row: TeamRow): Node {
  const source = row.membership ? ` · ${row.membership}` : '';
  if (!row.members.length)
    return {
      label: 'Members',
      description: `none${source}`,
      tooltip:
        'The team map lists no members for this team, and no author made enough of their own changes in its files to be inferred a member (--member-share, default 25% of their changes, and --min-sample of them).',
    };
  return {
    label: 'Members',
    description: `${row.members.length}${source}`,
    contextValue: 'members',
    children: () =>
      row.members.map((p) => ({
        label: p.name,
        description: `${p.person} · ${p.changes} changes${p.inferred ? ' · inferred' : ''}`,
        tooltip: p.inferred
          ? `inferred from history${p.ownShare !== undefined ? `: ${pct(p.ownShare)} of their own changes are to this team's files` : ''}`
          : 'listed in the team map',
      })),
  };
}

function modulesOf(m: FolderModel, team: string): Node[] {
  const files = (m.report?.files ?? []).filter((f) => f.teams.includes(team));
  const mods = [...new Set(files.map((f) => f.module))].sort();
  return mods.map((mod) => {
    const row = m.report?.declaredModules.find((d) => d.id === mod);
    const inMod = files.filter((f) => f.module === mod);
    return {
      label: mod,
      description: `${inMod.length} files · ${row?.changes ?? 0} changes · fragmentation ${row?.fragmentation ?? '–'}`,
      children: () =>
        inMod.map((f) => ({
          label: f.path.slice(mod.length + 1) || f.path,
          description: `${f.changes} changes${f.mainAuthor ? ` · ${f.mainAuthor}` : ''}`,
          open: { model: m, file: f.path, line: 1 },
        })),
    };
  });
}

export class ViolationsTree extends Tree {
  roots(): Node[] {
    const all = this.models
      .all()
      .flatMap((m) =>
        m.report ? findingsOf({ ...m.report, violations: m.allViolations() }).map((f) => ({ m, f })) : [],
      );
    const kinds = [...new Set(all.map((x) => x.f.finding.kind))].sort();
    return kinds.map((k) => {
      const of = all.filter((x) => x.f.finding.kind === k);
      const locations = of.reduce((n, x) => n + x.f.finding.count, 0);
      return {
        label: k,
        description: `${of.length} finding${of.length === 1 ? '' : 's'} · ${locations} location${locations === 1 ? '' : 's'}`,
        children: () => of.map((x) => findingNode(x.m, x.f)),
      };
    });
  }
}

const LOCATIONS = 200;

function findingNode(m: FolderModel, { finding: f, locations }: FindingView): Node {
  return {
    label: f.title,
    description: `#${f.rank} · ${f.count} location${f.count === 1 ? '' : 's'} · ${f.changes} changes`,
    tooltip: f.suggestion ?? locations[0]?.message,
    contextValue: 'finding',
    children: () => [
      ...locations.slice(0, LOCATIONS).map((v) => violationNode(m, v)),
      ...(locations.length > LOCATIONS
        ? [{ label: `… and ${locations.length - LOCATIONS} more`, description: 'see the dashboard or the JSON report' }]
        : []),
    ],
  };
}

function violationNode(m: FolderModel, v: Violation): Node {
  return {
    label: `${v.file}:${v.line}`,
    description: v.toTeam ? `→ ${v.toTeam}` : undefined,
    tooltip: v.message,
    open: { model: m, file: v.file, line: v.line },
  };
}

function pct(x: number | null): string {
  return x === null ? '–' : `${Math.round(x * 100)}%`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
