// A broken or stale cache only costs a re-mine — never a wrong answer.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mineHistory } from '../../analyzer/history/mine';
import { ANN, BOB } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const { repoOf, tempDir } = scratch('conway-cachefault-');
const OLD_ANN = { name: 'ann', email: 'ann@old-laptop.local' };

function cacheFileIn(cacheDir: string): string {
  const [name] = readdirSync(join(cacheDir, 'history'));
  return join(cacheDir, 'history', name);
}

describe('history cache faults', () => {
  it('a cache truncated at a line boundary is not used (31 commits, not 10), and is rewritten whole', async () => {
    const r = repoOf(Array.from({ length: 31 }, (_, i) => ({ files: { [`f${i % 4}.ts`]: `${i}\n` } })));
    const cacheDir = tempDir();
    expect((await mineHistory(r.dir, { cacheDir })).commits).toHaveLength(31);
    const file = cacheFileIn(cacheDir);
    const lines = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, lines.slice(0, 11).join('\n') + '\n'); // the header and 10 commits
    const again = await mineHistory(r.dir, { cacheDir });
    expect([again.commits.length, again.fromCache, again.mined]).toEqual([31, 0, 31]);
    const third = await mineHistory(r.dir, { cacheDir });
    expect([third.commits.length, third.fromCache]).toEqual([31, 31]);
  });

  it('garbage in the cache (a row of the wrong shape) is a miss, not a crash', async () => {
    const r = repoOf([{ files: { 'a.ts': '1\n' } }, { files: { 'a.ts': '2\n' } }]);
    const cacheDir = tempDir();
    await mineHistory(r.dir, { cacheDir });
    const file = cacheFileIn(cacheDir);
    const [header, , second] = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, [header, '{"not":"a row"}', second, ''].join('\n'));
    expect((await mineHistory(r.dir, { cacheDir })).commits).toHaveLength(2);
  });

  it('a FIFO or a directory where the cache file belongs is a miss, not a hang', async () => {
    const r = repoOf([{ files: { 'a.ts': '1\n' } }]);
    const cacheDir = tempDir();
    await mineHistory(r.dir, { cacheDir });
    const file = cacheFileIn(cacheDir);
    rmSync(file);
    execFileSync('mkfifo', [file]);
    expect((await mineHistory(r.dir, { cacheDir })).commits).toHaveLength(1);
    rmSync(file);
    mkdirSync(file);
    expect((await mineHistory(r.dir, { cacheDir })).commits).toHaveLength(1);
  });

  it('a .mailmap committed after the cache was filled applies to every cached commit', async () => {
    const r = repoOf([
      { author: OLD_ANN, files: { 'a.ts': '1\n' } },
      { author: BOB, files: { 'a.ts': '2\n' } },
    ]);
    const cacheDir = tempDir();
    const before = await mineHistory(r.dir, { cacheDir });
    expect(before.commits.map((c) => c.author)).toEqual(['bob@acme.io', OLD_ANN.email]);
    r.commit({ author: ANN, files: { '.mailmap': `${ANN.name} <${ANN.email}> <${OLD_ANN.email}>\n` } });
    const after = await mineHistory(r.dir, { cacheDir });
    expect(after.commits.map((c) => c.author)).toEqual([ANN.email, 'bob@acme.io', ANN.email]);
    r.git('config', 'mailmap.file', join(r.dir, 'none'));
    expect((await mineHistory(r.dir, { cacheDir })).fromCache).toBe(0); // mailmap.* config is part of the key
  });
});
