// `conway review` reads every ownership source from the BASE of the change, as GitHub does
// CODEOWNERS: a Backstage catalog-info.yaml or a Codeowners Plus .codeowners file the change edits
// must not approve the change itself. The work tree is the feature branch (a CI checkout of the
// pull request), so the base's files differ from the disk and come from git.
import { describe, expect, it } from 'vitest';
import { reviewChange } from '../../analyzer/review';
import { cli } from '../fixtures/cli';
import { ANN, CAT } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const { repoOf, tempDir } = scratch();

const group = (name: string, member: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: ${name}\n  annotations:\n    github.com/team-slug: acme/${name}\nspec:\n  type: team\n  children: []\n  members: [${member}]\n`;
const user = (name: string, email: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: ${name}\nspec:\n  profile:\n    email: ${email}\n  memberOf: []\n`;
const component = (name: string, owner: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n  lifecycle: production\n  owner: ${owner}\n`;

describe('review reads ownership sources from the base of the change', () => {
  it("Backstage: a change that gives its component to the author's team still needs the base owner", async () => {
    const repo = repoOf([
      {
        author: ANN,
        date: '2024-01-01T10:00:00Z',
        files: {
          'catalog-info.yaml': [
            group('payments', 'ann'),
            group('web', 'cat'),
            user('ann', 'ann@acme.io'),
            user('cat', 'cat@acme.io'),
          ].join('---\n'),
          'payments/catalog-info.yaml': component('payments-api', 'group:payments'),
          'payments/pay.ts': 'export const pay = 1;\n',
          'web/catalog-info.yaml': component('web-app', 'web'),
          'web/app.ts': 'export const app = 1;\n',
        },
      },
    ]);
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit({
      author: CAT,
      date: '2024-02-01T10:00:00Z',
      files: {
        'payments/catalog-info.yaml': component('payments-api', 'group:web'),
        'payments/pay.ts': 'export const pay = 2;\n',
      },
    });
    // On the head the catalog gives payments/ to web: what the change would approve itself with.
    expect(
      JSON.parse((await cli(['who', '--repo', repo.dir, '--json', 'payments/pay.ts'])).stdout).files[0],
    ).toMatchObject({ owners: ['@acme/web'] });
    const r = await reviewChange(repo.dir, { base: 'main', cacheDir: tempDir() });
    expect(r.approvals.map((a) => [a.owners, a.teams, a.files])).toEqual([
      [['@acme/payments'], ['payments'], ['payments/catalog-info.yaml', 'payments/pay.ts']],
    ]);
    expect(r.files.find((f) => f.path === 'payments/pay.ts')).toMatchObject({
      owners: ['@acme/payments'],
      teams: ['payments'],
    });
  });

  it('Backstage: --ownership catalog reaches review (the CLI passes it through)', async () => {
    const repo = repoOf([
      {
        author: ANN,
        date: '2024-01-01T10:00:00Z',
        files: {
          '.github/CODEOWNERS': '* @acme/platform\n',
          'catalog-info.yaml': [group('payments', 'ann'), user('ann', 'ann@acme.io')].join('---\n'),
          'payments/catalog-info.yaml': component('payments-api', 'payments'),
          'payments/pay.ts': 'export const pay = 1;\n',
        },
      },
    ]);
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit({ author: CAT, date: '2024-02-01T10:00:00Z', files: { 'payments/pay.ts': 'export const pay = 2;\n' } });
    const plain = JSON.parse(
      (await cli(['review', '--repo', repo.dir, '--base', 'main', '--format', 'json', '--no-cache'])).stdout,
    );
    expect(plain.approvals.map((a: { owners: string[] }) => a.owners)).toEqual([['@acme/platform']]); // CODEOWNERS decides where it speaks
    const byCatalog = JSON.parse(
      (
        await cli([
          'review',
          '--repo',
          repo.dir,
          '--base',
          'main',
          '--format',
          'json',
          '--no-cache',
          '--ownership',
          'catalog',
        ])
      ).stdout,
    );
    expect(byCatalog.approvals.map((a: { owners: string[] }) => a.owners)).toEqual([['@acme/payments']]);
  });

  it('Codeowners Plus: an edited .codeowners file is read as the base has it', async () => {
    const repo = repoOf([
      {
        author: ANN,
        date: '2024-01-01T10:00:00Z',
        files: {
          '.codeowners': '* @acme/platform\n',
          'payments/.codeowners': '*.ts @acme/payments\n',
          'payments/pay.ts': 'export const pay = 1;\n',
        },
      },
    ]);
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit({
      author: CAT,
      date: '2024-02-01T10:00:00Z',
      files: { 'payments/.codeowners': '*.ts @acme/web\n', 'payments/pay.ts': 'export const pay = 2;\n' },
    });
    const r = await reviewChange(repo.dir, { base: 'main', cacheDir: tempDir() });
    expect(r.files.find((f) => f.path === 'payments/pay.ts')).toMatchObject({ owners: ['@acme/payments'] });
    expect(r.approvals.map((a) => [a.owners, a.files])).toEqual([
      [['@acme/payments'], ['payments/pay.ts']],
      [['@acme/platform'], ['payments/.codeowners']],
    ]);
  });
});
