// States of a repository and arguments that used to give a misleading answer: each now gets a
// clear error (what is wrong, how to fix it) or the answer for exactly what was asked.
import { execFileSync } from 'node:child_process';
import { chownSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../fixtures/cli';
import { gitEnv } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const { repoOf, tempDir } = scratch('conway-states-');

describe('repository states', () => {
  it('a committed .gitmodules with update = !cmd: a clear error naming .gitmodules, not a bug in Conway', async () => {
    const r = repoOf([
      {
        files: {
          'a.ts': 'export {};\n',
          '.gitmodules': '[submodule "s"]\n\tpath = s\n\turl = ./s\n\tupdate = !touch /tmp/x\n',
        },
      },
    ]);
    r.git('update-index', '--add', '--cacheinfo', `160000,${r.git('rev-parse', 'HEAD').trim()},s`);
    r.git('-c', 'user.name=Ann', '-c', 'user.email=ann@acme.io', 'commit', '-qm', 'submodule'); // not commit(): its `add -A` drops the gitlink
    for (const args of [['analyze'], ['check'], ['review', '--working-tree']]) {
      const out = await cli([...args, '--repo', r.dir, '--no-cache']);
      expect(out.code).toBe(2);
      expect(out.stderr).toMatch(/^ERROR: \.gitmodules: the submodule "s" has an `update` value git refuses/);
    }
  });

  it('a bare repository: analyze and review say so instead of 0 files or an internal error', async () => {
    const r = repoOf([{ files: { CODEOWNERS: '* @a/b\n', 'a.ts': 'export {};\n' } }]);
    const bare = join(tempDir(), 'b.git');
    execFileSync('git', ['clone', '-q', '--bare', r.dir, bare], { env: gitEnv() });
    for (const args of [['analyze'], ['review', '--base', 'main']]) {
      const out = await cli([...args, '--repo', bare, '--no-cache']);
      expect(out.code).toBe(2);
      expect(out.stderr).toMatch(
        /^ERROR: .*b\.git is a bare repository \(no work tree\): Conway reads a checkout — clone it/,
      );
    }
  });

  it('a repository owned by another user: says so and how to trust it, not "not a git repository"', async () => {
    const r = repoOf([{ files: { 'a.ts': 'export {};\n' } }]);
    const saved = process.env.GIT_CONFIG_GLOBAL;
    process.env.GIT_CONFIG_GLOBAL = '/dev/null'; // no safe.directory from the machine's own config
    chownSync(r.dir, 12345, 12345);
    try {
      const out = await cli(['analyze', '--repo', r.dir, '--no-cache']);
      expect(out.code).toBe(2);
      expect(out.stderr).toMatch(
        /^ERROR: ".*" is owned by another user, and git refuses to read such a repository \(safe\.directory\) — if you trust it, run `git config --global --add safe\.directory /,
      );
    } finally {
      chownSync(r.dir, process.getuid!(), process.getgid!());
      if (saved === undefined) delete process.env.GIT_CONFIG_GLOBAL;
      else process.env.GIT_CONFIG_GLOBAL = saved;
    }
  });
});

describe('arguments read exactly as given', () => {
  it.each([
    ['0', /--since 0: a bare number is not a date/],
    ['@0', /--since @0: a bare number is not a date/],
    ['2024-13-45', /--since 2024-13-45: month 13 does not exist/],
    ['2023-02-29', /--since 2023-02-29: 2023-02 has no day 29 \(the month has 28 days\)/],
  ])('--since %s is rejected with the reason', async (since, message) => {
    const r = repoOf([{ files: { 'a.ts': 'export {};\n' } }]);
    const out = await cli(['analyze', '--repo', r.dir, '--no-cache', '--since', since]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(message);
  });

  it("who 'dir/back\\slash/f.ts' answers for that path, not for dir/back/slash/f.ts", async () => {
    const r = repoOf([
      {
        files: {
          CODEOWNERS: '/dir/back/ @acme/wrong\n/dir/back\\\\slash/ @acme/right\n',
          'dir/back\\slash/f.ts': 'export {};\n',
          'dir/back/slash/f.ts': 'export {};\n',
        },
      },
    ]);
    const out = await cli(['who', '--repo', r.dir, '--json', 'dir/back\\slash/f.ts']);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).files[0]).toMatchObject({ path: 'dir/back\\slash/f.ts', owners: ['@acme/right'] });
  });

  it('a source file over 1 MB is skipped with the note docs/security.md promises', async () => {
    const r = repoOf([
      { files: { 'big.ts': `export const x = '${'x'.repeat(1024 * 1024)}';\n`, 'a.ts': "import './big';\n" } },
    ]);
    const out = await cli(['analyze', '--repo', r.dir, '--no-cache']);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).notes).toContain(
      `big.ts: skipped: ${1024 * 1024 + 21} bytes (over 1 MB, probably generated)`,
    );
  });
});

describe('control characters on the terminal', () => {
  const RAW = /[\x00-\x09\x0b-\x1f\x7f]/;

  it('people and the init draft escape an author name with ESC and CR', async () => {
    const evil = 'Mallory\x1b]0;pwned\x07\rteams x';
    const r = repoOf([
      {
        author: { name: evil, email: 'm@acme.io' },
        files: { CODEOWNERS: '/src/ @acme/core\n', 'src/a.ts': 'export {};\n' },
      },
    ]);
    const people = await cli(['people', '--repo', r.dir, '--no-cache']);
    expect(people.code).toBe(0);
    expect(people.stdout).not.toMatch(RAW);
    expect(people.stdout).toContain('Mallory\\033]0;pwned\\a\\rteams x');
    const init = await cli(['init', '--repo', r.dir, '--no-cache']);
    expect(init.code).toBe(0);
    expect(init.stdout).not.toMatch(RAW);
  });

  it('error lines for --base and --since, and who warnings, escape control characters', async () => {
    const r = repoOf([{ files: { 'a.ts': 'export {};\n' } }]);
    const base = await cli(['review', '--repo', r.dir, '--base', 'x\x1b[31m']);
    expect(base.code).toBe(2);
    expect(base.stderr).toContain('ERROR: --base x\\033[31m');
    const since = await cli(['analyze', '--repo', r.dir, '--since', 'last\x1b[31mweek']);
    expect(since.stderr).not.toMatch(RAW);
    const who = await cli(['who', '--repo', r.dir, 'no\x1b[31m.ts']);
    expect(who.stderr).toContain('warning: "no\\033[31m.ts" is not tracked');
  });

  it('baseline JSON errors do not echo the file', async () => {
    const r = repoOf([
      { files: { 'a.ts': 'export {};\n', 'conway-baseline.json': '{"version": 1, "fingerprints": [x\x1b[31m]}' } },
    ]);
    const out = await cli(['check', '--repo', r.dir, '--no-cache']);
    expect(out.code).toBe(2);
    expect(out.stderr).not.toMatch(RAW);
  });
});

describe('nothing is written into the repository by a run interrupted or not', () => {
  it('the tree stays clean after every command', async () => {
    const r = repoOf([{ files: { CODEOWNERS: '* @a/b\n', 'a.ts': 'export {};\n' } }]);
    mkdirSync(join(r.dir, 'sub'));
    writeFileSync(join(r.dir, 'sub/.keep'), '');
    r.git('add', '-A');
    for (const args of [['analyze', '--no-cache'], ['review', '--working-tree'], ['who', 'a.ts'], ['validate']])
      await cli([...args, '--repo', r.dir]);
    expect(r.git('status', '--porcelain', '--ignored')).toBe('A  sub/.keep\n');
  });
});
