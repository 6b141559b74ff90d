// The repository's own config (`.git/config`) neither runs a program nor changes an answer, in
// every command: each key below is set in turn, every command runs, and (1) no marker file
// appears — each program would create one — and (2) every command prints what it prints without
// the key. `review` (base, --staged, --working-tree) reads the work tree with `git diff`, where
// filter drivers run; it must not rewrite .git/index either.
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../fixtures/cli';
import { ANN, BOB, makeRepo, type Repo } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const { tempDir } = scratch('conway-config-');

const COMMANDS: string[][] = [
  ['analyze', '--no-cache'],
  ['check', '--no-cache', '--json'],
  ['review', '--base', 'main', '--format', 'json', '--no-cache'],
  ['review', '--staged', '--format', 'json', '--no-cache'],
  ['review', '--working-tree', '--format', 'json', '--no-cache'],
  ['who', '--json', 'src/a.ts', 'src/café.ts'],
  ['validate', '--json'],
  ['people', '--no-cache', '--json'],
  ['init'],
];

/** A branch off main with a rename, a non-ASCII name, staged and unstaged edits and `* filter=evil diff=evil`. */
function hostileRepo(): Repo {
  const r = makeRepo([
    {
      files: {
        CODEOWNERS: '* @acme/core\nsrc/b.ts @acme/web\n',
        '.gitattributes': '* filter=evil diff=evil\n',
        'src/a.ts': "import './b';\nexport const a = 1;\n",
        'src/b.ts': 'export const b = 1;\n',
      },
    },
    {
      author: BOB,
      files: { 'src/b.ts': "import './a';\nexport const b = 2;\n", 'src/café.ts': 'export const c = 1;\n' },
    },
  ]);
  r.git('checkout', '-q', '-b', 'feature');
  r.commit({
    author: ANN,
    renames: [['src/café.ts', 'src/crème.ts']],
    files: { 'src/a.ts': "import './b';\nimport './crème';\nexport const a = 2;\n" },
  });
  r.write('src/b.ts', "import './a';\nexport const b = 3;\n");
  r.git('add', 'src/b.ts');
  r.write('src/a.ts', "import './b';\nexport const a = 3;\n");
  r.write('src/new.ts', "import './a';\n");
  return r;
}

/** Each makes git run `touch <marker>` when honoured (a hook for core.hooksPath is planted). */
function programKeys(marker: string, hooks: string): [string, string][] {
  const run = `touch ${marker}; false`;
  writeFileSync(join(hooks, 'post-index-change'), `#!/bin/sh\n${run}\n`, { mode: 0o755 });
  return [
    ['filter.evil.clean', `touch ${marker}; cat`],
    ['filter.evil.process', run],
    ['filter.evil.required', 'true'],
    ['diff.evil.textconv', run],
    ['diff.evil.command', run],
    ['diff.external', run],
    ['core.fsmonitor', run],
    ['core.hooksPath', hooks],
    ['core.pager', run],
    ['log.showSignature', 'true'],
    ['gpg.program', run],
  ];
}

/** Each changes what git prints when honoured (ORDER: a diff.orderFile planted in .git). */
const RESULT_KEYS: [string, string][] = [
  ['i18n.logOutputEncoding', 'UTF-16'],
  ['log.showRoot', 'false'],
  ['core.quotepath', 'true'],
  ['color.ui', 'always'],
  ['color.diff', 'always'],
  ['diff.noprefix', 'true'],
  ['diff.relative', 'true'],
  ['diff.renameLimit', '1'],
  ['diff.algorithm', 'patience'],
  ['diff.orderFile', 'ORDER'],
  ['core.ignoreStat', 'true'],
];

/** What a command prints, without the moment it ran. */
async function outputs(r: Repo): Promise<string[]> {
  const out: string[] = [];
  for (const args of COMMANDS) {
    const res = await cli([...args, '--repo', r.dir]);
    out.push(`${args.join(' ')} → ${res.code}\n${res.stdout.replace(/"generatedAt": "[^"]*"/g, '')}`);
  }
  return out;
}

describe('the repository config runs nothing and changes nothing', () => {
  let repo: Repo;
  let expected: string[];
  beforeAll(async () => {
    repo = hostileRepo();
    expected = await outputs(repo);
    return () => repo.cleanup();
  });

  it('the plain run is a real one: every command succeeds or reports findings', () => {
    for (const o of expected) expect(o).toMatch(/ → [01]\n/);
    expect(expected[0]).toContain('"path": "src/crème.ts"');
  });

  it('program-running keys: no marker, the same answers, .git/index untouched', async () => {
    const dir = tempDir();
    const marker = join(dir, 'ran');
    const keys = programKeys(marker, dir);
    for (const [k, v] of keys) repo.git('config', k, v);
    // CODEOWNERS' content is unchanged but its stat data is not: `git diff` would refresh the index.
    utimesSync(join(repo.dir, 'CODEOWNERS'), new Date(), new Date(Date.now() + 60_000));
    const index = join(repo.dir, '.git/index');
    const before = { bytes: readFileSync(index), mtime: statSync(index).mtimeMs };
    try {
      expect(await outputs(repo)).toEqual(expected);
      expect(existsSync(marker)).toBe(false);
      expect(readFileSync(index).equals(before.bytes)).toBe(true);
      expect(statSync(index).mtimeMs).toBe(before.mtime);
    } finally {
      for (const [k] of keys) repo.git('config', '--unset-all', k);
    }
  });

  for (const [key, value] of RESULT_KEYS) {
    it(`${key}=${value}: the same answers`, async () => {
      const order = join(repo.dir, '.git/order');
      writeFileSync(order, 'src/b.ts\nCODEOWNERS\n');
      repo.git('config', key, value === 'ORDER' ? order : value);
      try {
        expect(await outputs(repo)).toEqual(expected);
      } finally {
        repo.git('config', '--unset-all', key);
      }
    });
  }
});
