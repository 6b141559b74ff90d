// `conway who` and `conway validate` end to end on real temporary git repositories.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../fixtures/cli';
import { makeRepo, type Repo } from '../fixtures/repo';

let repo: Repo;
afterEach(() => repo?.cleanup());

const files = {
  'src/a.ts': 'export const a = 1;\n',
  'src/b/c.ts': 'export const c = 1;\n',
  'docs/intro.md': '# intro\n',
  'docs/deep/x.md': '# x\n',
  'apps/github/x.rb': '',
  'README.md': '# readme\n',
};

describe('conway who', () => {
  it('prints the contract JSON: owners, teams, rule; unowned and rule-less paths', async () => {
    repo = makeRepo([
      { files: { ...files, '.github/CODEOWNERS': '* @org/all\n/src/ @org/a\ndocs/* @writer\n/apps/github\n' } },
    ]);
    const r = await cli([
      'who',
      '--repo',
      repo.dir,
      '--json',
      'src/b/c.ts',
      'docs/deep/x.md',
      'apps/github/x.rb',
      'docs/intro.md',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      codeowners: '.github/CODEOWNERS',
      files: [
        { path: 'src/b/c.ts', owners: ['@org/a'], teams: ['@org/a'], rule: { line: 2, pattern: '/src/' } },
        { path: 'docs/deep/x.md', owners: ['@org/all'], teams: ['@org/all'], rule: { line: 1, pattern: '*' } },
        { path: 'apps/github/x.rb', owners: [], teams: [], rule: { line: 4, pattern: '/apps/github' } },
        { path: 'docs/intro.md', owners: ['@writer'], teams: ['@writer'], rule: { line: 3, pattern: 'docs/*' } },
      ],
    });
  });

  it('reports rule null when nothing matches, and maps owners to team-map teams', async () => {
    repo = makeRepo([
      {
        files: {
          ...files,
          CODEOWNERS: '/src/ @org/a @lead\n',
          'conway.yml': 'teams:\n  alpha:\n    owners: ["@org/a"]\n  leads:\n    owners: ["@lead"]\n',
        },
      },
    ]);
    const r = await cli(['who', '--repo', repo.dir, '--json', 'src/a.ts', 'README.md']);
    const out = JSON.parse(r.stdout);
    expect(out.codeowners).toBe('CODEOWNERS');
    expect(out.files[0]).toEqual({
      path: 'src/a.ts',
      owners: ['@org/a', '@lead'],
      teams: ['alpha', 'leads'],
      rule: { line: 1, pattern: '/src/' },
    });
    expect(out.files[1]).toEqual({ path: 'README.md', owners: [], teams: [], rule: null });
  });

  it('finds CODEOWNERS where GitHub looks first (.github/ before root before docs/)', async () => {
    repo = makeRepo([
      { files: { ...files, CODEOWNERS: '* @root\n', 'docs/CODEOWNERS': '* @docs\n', '.github/CODEOWNERS': '* @gh\n' } },
    ]);
    expect(JSON.parse((await cli(['who', '--repo', repo.dir, '--json', 'x'])).stdout).files[0].owners).toEqual(['@gh']);
    repo.commit({ files: { '.github/CODEOWNERS': null } });
    expect(JSON.parse((await cli(['who', '--repo', repo.dir, '--json', 'x'])).stdout).files[0].owners).toEqual([
      '@root',
    ]);
  });

  it('finds CODEOWNERS where GitLab looks with --flavor gitlab, and --codeowners overrides', async () => {
    repo = makeRepo([
      {
        files: {
          ...files,
          '.gitlab/CODEOWNERS': '* @gl\n',
          '.github/CODEOWNERS': '* @gh\n',
          'other/OWNERS': '* @custom\n',
        },
      },
    ]);
    expect(
      JSON.parse((await cli(['who', '--repo', repo.dir, '--flavor', 'gitlab', '--json', 'x'])).stdout).codeowners,
    ).toBe('.gitlab/CODEOWNERS');
    const custom = JSON.parse(
      (await cli(['who', '--repo', repo.dir, '--codeowners', join(repo.dir, 'other/OWNERS'), '--json', 'x'])).stdout,
    );
    expect(custom).toMatchObject({ codeowners: 'other/OWNERS', files: [{ owners: ['@custom'] }] });
  });

  it('GitLab: owners are the union over sections and every deciding section rule is reported', async () => {
    repo = makeRepo([
      {
        files: {
          ...files,
          '.gitlab/CODEOWNERS': '* @admin\n[Source] @src-team\n/src/\n/src/b/ @b-team\n^[Docs]\n*.md @writers\n',
        },
      },
    ]);
    const out = JSON.parse(
      (await cli(['who', '--repo', repo.dir, '--flavor', 'gitlab', '--json', 'src/b/c.ts', 'README.md'])).stdout,
    );
    expect(out.files[0]).toEqual({
      path: 'src/b/c.ts',
      owners: ['@admin', '@b-team'],
      teams: ['@admin', '@b-team'],
      rule: { line: 1, pattern: '*' },
      sectionRules: [
        { line: 1, pattern: '*' },
        { line: 4, pattern: '/src/b/', section: 'Source' },
      ],
    });
    expect(out.files[1].owners).toEqual(['@admin', '@writers']);
  });

  it('does not load a CODEOWNERS file of 3 MB or more and says so', async () => {
    repo = makeRepo([{ files: { 'a.ts': '' } }]);
    writeFileSync(join(repo.dir, 'CODEOWNERS'), '* @a\n' + '# padding\n'.repeat(330_000));
    const who = JSON.parse((await cli(['who', '--repo', repo.dir, '--json', 'a.ts'])).stdout);
    expect(who.files[0].owners).toEqual([]);
    const v = await cli(['validate', '--repo', repo.dir]);
    expect(v.code).toBe(1);
    expect(v.stdout).toMatch(/CODEOWNERS:0: error: file is 3\.\d MB; GitHub ignores CODEOWNERS files of 3 MB or more/);
  });

  it('gives a clear usage error for a missing path or bad flavor, exit 2', async () => {
    repo = makeRepo([{ files }]);
    expect(await cli(['who', '--repo', repo.dir])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^ERROR: give at least one path/),
    });
    expect(await cli(['who', '--repo', repo.dir, '--flavor', 'svn', 'x'])).toMatchObject({
      code: 2,
      stderr: 'ERROR: --flavor svn: expected github or gitlab\n',
    });
    expect(await cli(['who', '--bogus'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^ERROR: Unknown option '--bogus'/),
    });
  });
});

describe('conway validate', () => {
  it('reports errors and warnings with file and line, exit 1 on errors', async () => {
    repo = makeRepo([
      {
        files: {
          ...files,
          '.github/CODEOWNERS': [
            '* @org/all',
            '/src/ @org/a',
            '!*.md @org/docs',
            '/nothing/here/ @org/a',
            '/src/b/ @org/a',
            '/src/ @org/b',
            '/docs/ @bob',
            'docs/ @org/b',
            'x.ts notanowner',
          ].join('\n'),
          'conway.yml': 'teams:\n  all:\n    owners: ["@org/all"]\n  a:\n    owners: ["@org/a"]\n',
        },
      },
    ]);
    const before = readFileSync(join(repo.dir, '.github/CODEOWNERS'), 'utf8');
    const r = await cli(['validate', '--repo', repo.dir, '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.errors.map((e: { line: number; message: string }) => [e.line, e.message.split(':')[0]])).toEqual([
      [3, "'!*.md'"],
      [6, "unknown team '@org/b'"],
      [9, "owner 'notanowner' is not valid"],
    ]);
    expect(out.warnings.map((w: { line: number; message: string }) => [w.line, w.message])).toEqual([
      [
        2,
        "'/src/' is fully shadowed: every file it matches is decided by later rule on line 6 — remove it or move it below",
      ],
      [4, "'/nothing/here/' matches no tracked file — fix the pattern or remove the rule"],
      [
        5,
        "'/src/b/' is fully shadowed: every file it matches is decided by later rule on line 6 — remove it or move it below",
      ],
      [6, "duplicate pattern '/src/' (also on line 2); the later line wins — remove one"],
      [
        7,
        "'/docs/' is fully shadowed: every file it matches is decided by later rule on line 8 — remove it or move it below",
      ],
      [7, "owner '@bob' is not in conway.yml: add it to a team's owners (or members) to count it"],
    ]);
    expect(readFileSync(join(repo.dir, '.github/CODEOWNERS'), 'utf8')).toBe(before);
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('exits 0 on a clean repository and reports team-map errors with their lines', async () => {
    repo = makeRepo([{ files: { ...files, CODEOWNERS: '* @org/a\n' } }]);
    expect((await cli(['validate', '--repo', repo.dir])).code).toBe(0);
    mkdirSync(join(repo.dir, 'x'), { recursive: true });
    writeFileSync(join(repo.dir, 'conway.yml'), 'teams:\n  a:\n    owner: ["@org/a"]\n');
    const r = await cli(['validate', '--repo', repo.dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("conway.yml:3: error: unknown key in team 'a' 'owner' — did you mean 'owners'?");
    expect(r.stdout).toContain("conway.yml:2: error: team 'a' has no owners");
  });

  it('exits 2 with one clear line for an unreadable --teams path', async () => {
    repo = makeRepo([{ files }]);
    expect(await cli(['validate', '--repo', repo.dir, '--teams', 'nope.yml'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^ERROR: .*nope\.yml: no such file \(given with --teams\)\n$/),
    });
  });
});
