// The editor tests' workspace: the repository of test/fixtures/boundaries.ts (teams billing,
// core, web; a deep import, a forbidden dependency, a cycle, an unowned file, drift), with a local
// identity so the tests can commit into it.
import { execFileSync } from 'node:child_process';
import { basename, dirname, join } from 'node:path';
import { boundariesRepo } from '../fixtures/boundaries';
import { ANN, BOB, CAT, makeRepo } from '../fixtures/repo';

export function makeWorkspace(): string {
  const repo = boundariesRepo();
  repo.git('config', 'user.name', 'Cat Park');
  repo.git('config', 'user.email', 'cat@acme.io');
  // The whole history of the fixture (the default window, 12 months before HEAD, holds it too).
  repo.write('.vscode/settings.json', JSON.stringify({ 'conway.history.since': 'all' }));
  repo.git('add', '.vscode/settings.json');
  repo.git(
    '-c',
    'user.name=Cat Park',
    '-c',
    'user.email=cat@acme.io',
    'commit',
    '-q',
    '-m',
    'editor settings',
    '--date',
    '2024-02-05T12:00:00Z',
  );
  return repo.dir;
}

/**
 * A repository shaped like opentelemetry-js-contrib or amplify-js (no team map): a catch-all
 * approver pool on every rule, a security review group beside the product team on /secrets/ and
 * /infra/, and product teams. The delivery team of secrets/vault.ts is @acme/secrets-team.
 */
export function makeReviewGroupWorkspace(): string {
  const repo = makeRepo([
    {
      author: ANN,
      date: '2024-01-01T10:00:00Z',
      files: {
        '.github/CODEOWNERS':
          '* @acme/js-approvers\n/secrets/ @acme/js-approvers @acme/security-reviewers @acme/secrets-team\n/infra/ @acme/js-approvers @acme/security-reviewers @acme/infra-team\n/web/ @acme/js-approvers @acme/web-team\n',
        'secrets/vault.ts': 'export const vault = 1;\n',
        'secrets/keys.ts': "import { vault } from './vault';\nexport const keys = vault;\n",
        'infra/deploy.ts': 'export const deploy = 1;\n',
        'infra/dns.ts': 'export const dns = 1;\n',
        'infra/net.ts': 'export const net = 1;\n',
        'web/app.ts': "import { vault } from '../secrets/vault';\nexport const app = vault;\n",
        'README.md': '# shop\n',
        '.vscode/settings.json': JSON.stringify({ 'conway.history.since': '' }),
      },
    },
    // Bob maintains the secrets: enough changes of his own (10, the minimum sample) to be inferred a member.
    ...Array.from({ length: 10 }, (_, i) => ({
      author: BOB,
      date: `2024-01-02T${String(10 + i).padStart(2, '0')}:00:00Z`,
      files: { 'secrets/vault.ts': `export const vault = ${i + 2};\n` },
    })),
    {
      author: CAT,
      date: '2024-01-03T10:00:00Z',
      files: { 'web/app.ts': "import { vault } from '../secrets/vault';\nexport const app = vault + 1;\n" },
    },
  ]);
  return repo.dir;
}

/**
 * The editor workspace with a snapshot database beside it (outside the repository): the CLI took
 * two snapshots, before and after web/page.ts deep-imports core's internals, and the folder's
 * settings point `conway.snapshotDb` at it. Returns the folder; the database is `<folder>.duckdb`.
 */
export function makeSnapshotWorkspace(): string {
  const repo = boundariesRepo();
  const cli = join(__dirname, '../../../dist/cli.js');
  const db = `${repo.dir}.duckdb`;
  const snapshot = (name: string) => {
    const out = join(dirname(repo.dir), `${basename(repo.dir)}-${name}.json`);
    execFileSync(process.execPath, [cli, 'analyze', '--repo', repo.dir, '--since', 'all', '--out', out], {
      stdio: 'ignore',
    });
    execFileSync(process.execPath, [cli, 'snapshot', '--db', db, out], { stdio: 'ignore' });
  };
  snapshot('before');
  repo.commit({
    author: CAT,
    date: '2024-03-01T10:00:00Z',
    files: { 'web/page.ts': "import { db } from '../core/db/internal';\nexport const page = db;\n" },
  });
  snapshot('after');
  repo.write('.vscode/settings.json', JSON.stringify({ 'conway.history.since': 'all', 'conway.snapshotDb': db }));
  return repo.dir;
}
