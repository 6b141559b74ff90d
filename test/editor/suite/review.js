// The "Conway" section of the Source Control view and "Conway: Review My Changes", in a real VS
// Code on the fixture repository (teams billing, core, web): a staged new file in web/ that
// deep-imports billing's internals, then a saved edit of web/page.ts importing core.
const vscode = require('vscode');
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { assert, waitFor, runTests, log } = require('./runner');

const folder = () => vscode.workspace.workspaceFolders[0].uri;
const git = (...args) => execFileSync('git', args, { cwd: folder().fsPath, encoding: 'utf8' });
const labels = (nodes) => nodes.map((n) => n.label);
let api;

exports.run = () =>
  runTests([
    [
      'activates and finishes the first analysis',
      async () => {
        const ext = await waitFor('the extension', () => vscode.extensions.getExtension('conway.conway'));
        api = await waitFor('activation', async () =>
          ext.isActive ? ext.exports : (await ext.activate(), ext.exports),
        );
        await waitFor('the report', () => api.models.all()[0].report, 120000);
        await waitFor('the first review', () => api.review.reviews.size > 0, 60000);
        assert(
          labels(api.review.getChildren())[0] === 'No changes to review',
          JSON.stringify(labels(api.review.getChildren())),
        );
      },
    ],
    [
      'staging a cross-team import updates the section: who must approve, the new import, the violation',
      async () => {
        fs.writeFileSync(
          path.join(folder().fsPath, 'web/pay.ts'),
          "import { charge } from '../billing/charge';\nexport const pay = charge;\n",
        );
        git('add', 'web/pay.ts');
        const review = await waitFor(
          'a review of the staged file',
          () => {
            const r = [...api.review.reviews.values()][0];
            return typeof r === 'object' && r.files.some((f) => f.path === 'web/pay.ts') && r;
          },
          60000,
        );
        assert(
          JSON.stringify(review.approvals.map((a) => [a.owners, a.files])) === '[[["@acme/web"],["web/pay.ts"]]]',
          JSON.stringify(review.approvals),
        );
        const top = labels(api.review.getChildren());
        log(`SCM section: ${top.join(' | ')}`);
        assert(top[0] === 'Needs approval from: Web', top[0]);
        assert(top.includes('New cross-team imports (1)'), top.join(' | '));
        const imports = api.review.getChildren(
          api.review.getChildren().find((n) => n.label.startsWith('New cross-team')),
        );
        assert(
          imports[0].label === 'Web → Billing' && imports[0].description === 'web/pay.ts:1 imports billing/charge.ts',
          JSON.stringify(imports[0]),
        );
        const rule = api.review.getChildren(api.review.getChildren()[0])[0].children[0];
        assert(rule.label === 'web/pay.ts' && rule.description === '/web/ (CODEOWNERS line 3)', JSON.stringify(rule));
        assert(
          review.violations.new.some((v) => v.kind === 'deep-import' && v.file === 'web/pay.ts'),
          JSON.stringify(review.violations.new),
        );
      },
    ],
    [
      'the section is in the Source Control view (screenshot)',
      async () => {
        await vscode.commands.executeCommand('workbench.view.scm');
        await vscode.commands.executeCommand('conway.review.focus');
        await new Promise((r) => setTimeout(r, 1500));
        log('SCREENSHOT review-scm');
        await new Promise((r) => setTimeout(r, 500));
      },
    ],
    [
      'saving a file refreshes it: an edit of web/page.ts importing core adds the Web → Core import',
      async () => {
        const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), 'web/page.ts'));
        const editor = await vscode.window.showTextDocument(doc);
        await editor.edit((e) => e.insert(new vscode.Position(0, 0), "import { db } from '../core';\n"));
        await doc.save();
        const review = await waitFor(
          'a review with the saved file',
          () => {
            const r = [...api.review.reviews.values()][0];
            return typeof r === 'object' && r.files.some((f) => f.path === 'web/page.ts') && r;
          },
          60000,
        );
        assert(
          review.edges.added.some((e) => e.from === 'web' && e.to === 'core' && e.file === 'web/page.ts'),
          JSON.stringify(review.edges.added),
        );
      },
    ],
    [
      '"Conway: Review My Changes" opens the pull-request comment Markdown',
      async () => {
        const doc = await vscode.commands.executeCommand('conway.reviewChanges');
        const text = doc.getText();
        assert(
          text.startsWith('<!-- conway-review -->\n### Conway review: needs approval from 1 owner group'),
          text.slice(0, 200),
        );
        assert(text.includes('`web/pay.ts:1` deep-import'), text);
        assert(
          vscode.window.activeTextEditor.document === doc && doc.languageId === 'markdown',
          'the Markdown is shown',
        );
      },
    ],
  ]);
