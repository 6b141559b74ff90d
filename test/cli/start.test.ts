// dist/cli.js, the executable: runs the bundle through V8's code cache under the cache directory.
// The first run of a command writes the cache; later runs print the same; a corrupt cache file is
// rejected by V8 and only costs a compile; CONWAY_NO_CODE_CACHE=1 writes nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratch } from '../fixtures/scratch';

const CLI = resolve(__dirname, '../../dist/cli.js');
const { tempDir } = scratch();
const run = (cache: string, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [CLI, 'who', '--help'], {
    env: { ...process.env, XDG_CACHE_HOME: cache, ...env },
    encoding: 'utf8',
  });

describe('dist/cli.js', () => {
  it('writes a code cache on the first run, runs the same from it, survives a corrupt one', () => {
    expect(existsSync(CLI), 'build first: npm run build').toBe(true);
    const cache = tempDir();
    const first = run(cache);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('conway who');
    const dir = join(cache, 'conway', 'v8');
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(run(cache).stdout).toBe(first.stdout);
    writeFileSync(join(dir, files[0]), 'not a code cache');
    const corrupt = run(cache);
    expect([corrupt.status, corrupt.stdout]).toEqual([0, first.stdout]);
    const off = tempDir();
    expect(run(off, { CONWAY_NO_CODE_CACHE: '1' }).stdout).toBe(first.stdout);
    expect(existsSync(join(off, 'conway', 'v8'))).toBe(false);
  });
});
