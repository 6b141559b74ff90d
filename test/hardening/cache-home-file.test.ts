// XDG_CACHE_HOME pointing at a regular file: every cache (history, imports, the CLI's code cache)
// is a miss, never a crash — with and without --no-cache, as a real process (the code cache is
// written at exit).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shell } from '../fixtures/cli-process';
import { makeRepo } from '../fixtures/repo';

const repo = makeRepo([
  {
    files: {
      CODEOWNERS: '/a/ @o/a\n',
      'a/x.ts': "import { y } from '../b/y';\nexport const x = y;\n",
      'b/y.ts': 'export const y = 1;\n',
    },
  },
]);
afterAll(() => repo.cleanup());

describe('a cache home that is a file', () => {
  it.each([[''], ['--no-cache']])('analyze %s exits 0 with the report and no stack trace', (flag) => {
    const file = join(mkdtempSync(join(tmpdir(), 'conway-cachehome-')), 'not-a-dir');
    writeFileSync(file, 'x');
    const r = shell(`$CONWAY analyze --repo "${repo.dir}" ${flag}`, { XDG_CACHE_HOME: file });
    expect(r.stderr).not.toMatch(/internal error|ENOTDIR|at .*\.js:\d+/);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).coverage.files).toBe(3);
  });
});
