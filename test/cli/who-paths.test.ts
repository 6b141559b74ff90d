// `conway who` reads paths as every CLI does — relative to the current directory
// (`x`, `./x`, `../x` from a subdirectory), or from the repository root when run from outside it
// with --repo; a directory gets the rule that owns the files under it; an untracked path is
// answered as GitHub would match it, with a warning.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../fixtures/cli';
import { makeRepo } from '../fixtures/repo';

const repo = makeRepo([
  {
    files: {
      CODEOWNERS: '* @root\n/packages/x/ @x\n/packages/x/README.md @docs\n',
      'packages/x/src/index.ts': '',
      'packages/x/src/a.ts': '',
      'packages/x/README.md': '',
      'top.ts': '',
    },
  },
]);
afterAll(() => repo.cleanup());
const owners = (stdout: string) =>
  JSON.parse(stdout).files.map((f: { path: string; owners: string[] }) => `${f.path} ${f.owners.join(' ')}`);

describe('conway who paths', () => {
  it('from a subdirectory: relative, ./ and ../ paths are read from there', async () => {
    const r = await cli(['who', '--json', 'index.ts', './a.ts', '../../../top.ts'], join(repo.dir, 'packages/x/src'));
    expect(owners(r.stdout)).toEqual(['packages/x/src/index.ts @x', 'packages/x/src/a.ts @x', 'top.ts @root']);
    expect(r.stderr).toBe('');
  });

  it('from outside the repository with --repo: ./x is read from the repository root', async () => {
    const r = await cli(['who', '--repo', repo.dir, '--json', './packages/x/src/index.ts'], '/');
    expect(owners(r.stdout)).toEqual(['packages/x/src/index.ts @x']);
  });

  it('a directory gets the rule deciding most files under it, and says how many', async () => {
    const r = await cli(['who', 'packages/x'], repo.dir);
    expect(r.stdout).toBe(
      'packages/x/\n  owners: @x  (team: @x)\n  rule:   CODEOWNERS:2  /packages/x/\n  files:  2 of the 3 tracked files under it (1 other rule decides the rest)\n',
    );
  });

  it('an untracked path: answered as GitHub would, with a warning', async () => {
    const r = await cli(['who', '--json', 'packages/x/new.ts'], repo.dir);
    expect(owners(r.stdout)).toEqual(['packages/x/new.ts @x']);
    expect(r.stderr).toBe(
      'warning: packages/x/new.ts is not tracked by git: answered as GitHub would match it, but no tracked file has this path\n',
    );
  });
});
