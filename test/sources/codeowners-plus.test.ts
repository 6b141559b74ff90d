// Codeowners Plus on a built repository: who owns what by its documented precedence (specific
// file > wildcard > globstar > parent directories' rules > the directory's fallback > parents'
// fallbacks), `&` groups as extra owners and extra required approvals, `?` as optional reviewers,
// relative patterns, codeowners.toml `ignore`, and the bot-only CODEOWNERS named as such.
import { describe, expect, it } from 'vitest';
import { cli } from '../fixtures/cli';
import { plusRepo } from '../fixtures/codeowners-plus';
import { scratch } from '../fixtures/scratch';

const { repoOf } = scratch();

async function who(dir: string, ...paths: string[]) {
  const r = await cli(['who', '--repo', dir, '--json', ...paths]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout).files as {
    path: string;
    owners: string[];
    rule: { file: string; line: number } | null;
    optional?: { owners: string[] };
  }[];
}

describe('Codeowners Plus ownership', () => {
  it('resolves owners by its precedence, relative to each .codeowners directory', async () => {
    const repo = plusRepo(repoOf);
    const files = await who(
      repo.dir,
      'README.md',
      'apps/web/src/index.ts',
      'apps/web/README.md',
      'apps/web/config.json',
      'apps/web/data.json',
      'apps/web/legacy/old.ts',
      'vendor/lib.js',
    );
    const owners = Object.fromEntries(files.map((f) => [f.path, f.owners]));
    expect(owners).toEqual({
      'README.md': ['@acme/docs'],
      'apps/web/src/index.ts': ['@acme/web'], // the nearest fallback: no owner rule of any ancestor matches
      'apps/web/README.md': ['@acme/docs'], // a parent's globstar rule beats the directory's own fallback
      'apps/web/config.json': ['@acme/web-config'], // a specific name beats the later globstar line
      'apps/web/data.json': ['@acme/json'],
      'apps/web/legacy/old.ts': ['@acme/legacy'], // `/legacy/` read as legacy/** relative to apps/web
      'vendor/lib.js': [], // codeowners.toml ignore
    });
    expect(files[1].rule).toEqual({ file: 'apps/web/.codeowners', line: 1, pattern: '*' });
  });

  it('adds & groups to the owners and ? groups as optional reviewers', async () => {
    const repo = plusRepo(repoOf);
    const [api, sql] = await who(repo.dir, 'apps/web/api/users.ts', 'db/migrations/001.sql');
    expect(api.owners).toEqual(['@acme/web', '@acme/security']);
    expect(sql.owners).toEqual(['@acme/platform', '@acme/dba']);
    expect(sql.optional?.owners).toEqual(['@acme/data']);
    const text = (await cli(['who', '--repo', repo.dir, 'db/migrations/001.sql'])).stdout;
    expect(text).toContain('.codeowners:3  & **/migrations/**');
    expect(text).toContain('optional: @acme/data  (told, not required)');
  });

  it('validate names each .codeowners file and line, and the bot-only CODEOWNERS', async () => {
    const repo = plusRepo(repoOf);
    const r = await cli(['validate', '--repo', repo.dir, '--json']);
    const { errors, warnings } = JSON.parse(r.stdout);
    expect(r.code).toBe(1);
    expect(errors).toEqual([
      { file: 'apps/web/.codeowners', line: 6, message: expect.stringContaining("'oops' has no owner") },
    ]);
    expect(warnings).toEqual(
      expect.arrayContaining([
        {
          file: '.github/CODEOWNERS',
          line: 0,
          message: expect.stringContaining(
            'only hands every file to @acme-bot: Conway reads the 2 .codeowners files (Codeowners Plus)',
          ),
        },
        {
          file: 'apps/web/.codeowners',
          line: 4,
          message: expect.stringContaining("leading '/' in '/legacy/' is ignored"),
        },
      ]),
    );
  });

  it('review requires the primary group and every & group; ? groups are optional', async () => {
    const repo = plusRepo(repoOf);
    const r = await cli(['review', '--repo', repo.dir, '--base', 'main', '--format', 'json']);
    const approvals = JSON.parse(r.stdout).approvals.map(
      (a: { owners: string[]; files: string[]; optional: boolean }) => [a.owners.join(' '), a.files.sort(), a.optional],
    );
    expect(approvals).toEqual([
      ['@acme/dba', ['db/migrations/002.sql'], false],
      ['@acme/docs', ['apps/web/README.md'], false],
      ['@acme/platform', ['db/migrations/002.sql'], false],
      ['@acme/security', ['apps/web/api/users.ts'], false],
      ['@acme/web', ['apps/web/api/users.ts'], false],
      ['@acme/data', ['db/migrations/002.sql'], true],
    ]);
  });

  it('--codeowners .codeowners reads Codeowners Plus, not GitHub rules (no invalid lines, AND kept)', async () => {
    const repo = plusRepo(repoOf);
    const [api] = await who(repo.dir, 'apps/web/api/users.ts');
    const r = await cli([
      'who',
      '--repo',
      repo.dir,
      '--codeowners',
      `${repo.dir}/.codeowners`,
      '--json',
      'apps/web/api/users.ts',
    ]);
    expect(JSON.parse(r.stdout).files[0].owners).toEqual(api.owners);
  });
});

describe('Codeowners Plus in the metrics', () => {
  it('analyze counts & owners as owners of their files; the primary owner stays a delivery team', async () => {
    const repo = plusRepo(repoOf);
    const report = JSON.parse((await cli(['analyze', '--repo', repo.dir, '--format', 'json', '--no-cache'])).stdout);
    const team = (id: string) => report.teams.find((t: { id: string }) => t.id === id);
    expect(team('@acme/security')).toMatchObject({ files: 1, changes: 2 }); // apps/web/api/users.ts, changed on main and on the branch
    expect(team('@acme/dba')).toMatchObject({ files: 2 }); // both migrations
    expect(team('@acme/platform').role).toBe('team');
    expect(report.files.find((f: { path: string }) => f.path === 'vendor/lib.js').owners).toEqual([]);
  });
});
