// "Conway" in the Source Control view: what the working tree and staged changes need before
// they land — "Needs approval from: payments, search" with the CODEOWNERS rule of each file, new
// imports between teams, teams affected through imports and new violations — from `conway
// review --working-tree` run in the worker. Refreshed when a file is saved and when git's index
// changes (stage, unstage, commit), debounced. "Conway: Review My Changes" opens the same
// Markdown a pull-request comment would show.
import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { renderReviewMarkdown } from '../analyzer/report/review-markdown';
import type { Review } from '../analyzer/contract/review';
import type { FolderModel } from './folder-model';
import { teamName, type Models } from './models';

export interface ReviewNode {
  label: string;
  description?: string;
  tooltip?: string;
  icon?: string;
  open?: { folder: FolderModel; path: string; line: number };
  children?: ReviewNode[];
}

export class ReviewTree implements vscode.TreeDataProvider<ReviewNode>, vscode.Disposable {
  readonly reviews = new Map<FolderModel, Review | string>();
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private timer: NodeJS.Timeout | undefined;
  private readonly watchers: FSWatcher[] = [];
  private running: Promise<void> | undefined;

  constructor(private readonly models: Models) {}

  /** Re-runs the review soon (saves and index changes come in bursts). */
  schedule(delay = 400): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  async refresh(): Promise<void> {
    await this.running;
    this.running = this.runAll().finally(() => (this.running = undefined));
    await this.running;
  }

  private async runAll(): Promise<void> {
    for (const m of this.models.all().filter((x) => x.trusted)) {
      try {
        const r = await m.review();
        if (r) this.reviews.set(m, r);
      } catch (e) {
        this.reviews.set(m, (e as Error).message);
      }
    }
    this.emitter.fire();
  }

  /** git rewrites .git/index on every stage, unstage and commit. */
  watchIndex(): void {
    for (const m of this.models.all().filter((x) => x.trusted)) {
      try {
        this.watchers.push(watch(join(m.root, '.git'), (_e, name) => name === 'index' && this.schedule()));
      } catch {
        // not a plain .git directory (worktree, submodule): saves still refresh the view
      }
    }
  }

  getTreeItem(n: ReviewNode): vscode.TreeItem {
    const item = new vscode.TreeItem(
      n.label,
      n.children?.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
    );
    item.description = n.description;
    item.tooltip = n.tooltip;
    if (n.icon) item.iconPath = new vscode.ThemeIcon(n.icon);
    if (n.open) {
      const uri = vscode.Uri.joinPath(n.open.folder.folder.uri, n.open.path);
      item.command = {
        command: 'vscode.open',
        title: 'Open',
        arguments: [uri, { selection: new vscode.Range(n.open.line - 1, 0, n.open.line - 1, 0) }],
      };
    }
    return item;
  }

  getChildren(n?: ReviewNode): ReviewNode[] {
    if (n) return n.children ?? [];
    const entries = [...this.reviews];
    if (!entries.length) return [{ label: 'Reviewing your changes…', icon: 'loading~spin' }];
    const nodes = entries.map(([m, r]) =>
      typeof r === 'string' ? [{ label: `Conway review failed: ${r}`, icon: 'error' }] : reviewNodes(m, r),
    );
    return entries.length === 1
      ? nodes[0]
      : entries.map(([m], i) => ({ label: m.folder.name, icon: 'repo', children: nodes[i] }));
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.watchers.forEach((w) => w.close());
    this.emitter.dispose();
  }
}

/** The tree of one folder's review (exported for tests of the wording). */
export function reviewNodes(m: FolderModel, r: Review): ReviewNode[] {
  if (!r.files.length) return [{ label: 'No changes to review', icon: 'check' }];
  const name = (t: string) => teamName(m, t);
  const required = r.approvals.filter((a) => !a.optional);
  const approvals: ReviewNode = {
    label: required.length
      ? `Needs approval from: ${[...new Set(required.flatMap((a) => a.teams))].map(name).join(', ')}`
      : 'No code-owner approval needed',
    icon: required.length ? 'organization' : 'check',
    children: r.approvals.map((a) => ({
      label: a.owners.join(' '),
      description:
        `${a.optional ? 'optional' : a.approvals > 1 ? `${a.approvals} approvals` : ''}${a.section ? ` [${a.section}]` : ''}`.trim() ||
        undefined,
      icon: 'person',
      children: a.files.map((f) => ({
        label: f,
        description: ruleOf(r, f),
        icon: 'file',
        open: { folder: m, path: f, line: 1 },
      })),
    })),
  };
  const nodes = [approvals];
  const added = r.edges.added;
  if (added.length)
    nodes.push({
      label: `New cross-team imports (${added.length})`,
      icon: 'arrow-swap',
      children: added.map((e) => ({
        label: `${name(e.from)} → ${name(e.to)}`,
        description: `${e.file}:${e.line} imports ${e.target}`,
        open: { folder: m, path: e.file, line: e.line },
      })),
    });
  if (r.affectedTeams.length)
    nodes.push({
      label: `Affected consumer teams: ${r.affectedTeams.map((t) => name(t.team)).join(', ')}`,
      icon: 'references',
      children: r.affectedTeams.flatMap((t) =>
        t.via.map((v) => ({
          label: name(t.team),
          description: `${v.file}:${v.line} imports ${v.target}`,
          open: { folder: m, path: v.file, line: v.line },
        })),
      ),
    });
  if (r.violations.new.length)
    nodes.push({
      label: `New violations (${r.violations.new.length})`,
      icon: 'warning',
      children: r.violations.new.map((v) => ({
        label: v.kind,
        description: `${v.file}:${v.line}`,
        tooltip: v.message,
        open: { folder: m, path: v.file, line: v.line },
      })),
    });
  return nodes;
}

function ruleOf(r: Review, path: string): string {
  const f = r.files.find((x) => x.path === path) ?? r.files.find((x) => x.oldPath === path);
  const rule = f?.oldPath === path ? f.previous?.rule : f?.rule;
  return rule ? `${rule.pattern} (CODEOWNERS line ${rule.line})` : 'no rule';
}

export function registerReview(ctx: vscode.ExtensionContext, models: Models): ReviewTree {
  const tree = new ReviewTree(models);
  ctx.subscriptions.push(
    tree,
    vscode.window.registerTreeDataProvider('conway.review', tree),
    vscode.workspace.onDidSaveTextDocument(() => tree.schedule()),
    vscode.commands.registerCommand('conway.reviewChanges', async () => {
      const m = models.for(vscode.window.activeTextEditor?.document.uri)?.model ?? models.all().find((x) => x.trusted);
      const review = m && (await m.review());
      if (!review)
        return void vscode.window.showInformationMessage('Conway: reviewing changes needs a trusted git workspace.');
      const doc = await vscode.workspace.openTextDocument({
        language: 'markdown',
        content: renderReviewMarkdown(review),
      });
      await vscode.window.showTextDocument(doc, { preview: false });
      return doc;
    }),
    vscode.commands.registerCommand('conway.refreshReview', () => tree.refresh()),
  );
  return tree;
}
