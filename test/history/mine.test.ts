import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RepoStateError } from '../../analyzer/contract/errors';
import { EMPTY_NOTE, followRenames, mineHistory, SHALLOW_NOTE, type MineOptions } from '../../analyzer/history/mine';
import { MISSING_BLOBS_NOTE, SHARD_MIN, shardCount, splitShas } from '../../analyzer/history/logRun';
import { WarmContext } from '../../analyzer/model/warm';
import { ANN, BOB, CAT, gitEnv } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const { repoOf, tempDir } = scratch('conway-cache-');
const mine = (dir: string, opts: MineOptions = {}) => mineHistory(dir, { cache: false, cacheDir: tempDir(), ...opts });
const lines = (n: number, tag = 'l') => Array.from({ length: n }, (_, i) => `${tag}${i}\n`).join('');

describe('mineHistory on real repositories', () => {
  it('streams commits newest first with line counts, and odd file names survive (-z)', async () => {
    const r = repoOf([
      { files: { 'a b.ts': lines(3), 'q"uote.ts': lines(2), 'new\nline.ts': lines(1), 'ünï.ts': lines(4) } },
    ]);
    writeFileSync(Buffer.concat([Buffer.from(r.dir + '/b'), Buffer.from([0xff]), Buffer.from('.ts')]), lines(5));
    const second = r.commit({ author: BOB });
    const res = await mine(r.dir);
    expect(res.mode).toBe('numstat');
    expect(res.commits.map((c) => c.sha)).toEqual([second, r.git('rev-list', '--max-parents=0', 'HEAD').trim()]);
    expect(res.commits[0].files).toEqual([{ path: 'b\uFFFD.ts', added: 5, deleted: 0 }]);
    expect(new Map(res.commits[1].files.map((f) => [f.path, f.added]))).toEqual(
      new Map([
        ['a b.ts', 3],
        ['q"uote.ts', 2],
        ['new\nline.ts', 1],
        ['ünï.ts', 4],
      ]),
    );
    expect(res.commits[1]).toMatchObject({
      author: 'ann@acme.io',
      authorName: 'Ann Lee',
      date: Date.parse('2024-01-01T00:00:00Z') / 1000,
    });
  });

  it('reports renames and followRenames credits earlier changes to the new name', async () => {
    const r = repoOf([{ files: { 'src/a.ts': lines(20) } }, { files: { 'src/a.ts': lines(21) } }]);
    r.commit({ renames: [['src/a.ts', 'lib/b.ts']], files: { 'lib/b.ts': lines(21) + 'x\n' } });
    const res = await mine(r.dir);
    expect(res.commits[0].files).toEqual([{ path: 'lib/b.ts', oldPath: 'src/a.ts', added: 1, deleted: 0 }]);
    expect(followRenames(res.commits).map((c) => c.files.map((f) => f.path))).toEqual([
      ['lib/b.ts'],
      ['lib/b.ts'],
      ['lib/b.ts'],
    ]);
  });

  it('headNames gives the newest names directly, and filtering keeps the kept changes as git reported them', async () => {
    const r = repoOf([
      { files: { 'src/a.ts': lines(20), 'package-lock.json': '{}\n' } },
      { files: { 'src/a.ts': lines(21) } },
    ]);
    r.commit({ renames: [['src/a.ts', 'lib/b.ts']], files: { 'lib/b.ts': lines(21) + 'x\n' } });
    const res = await mine(r.dir, { headNames: true });
    expect(res.commits.map((c) => c.files.map((f) => [f.path, f.added]))).toEqual([
      [['lib/b.ts', 1]],
      [['lib/b.ts', 1]],
      [['lib/b.ts', 20]],
    ]);
    const raw = await mine(r.dir);
    expect(raw.commits[2].files).toEqual([{ path: 'src/a.ts', added: 20, deleted: 0 }]); // the lockfile filtered, the rest untouched
  });

  it('resolves .mailmap, noreply addresses, team-map aliases and co-authors; drops bots', async () => {
    const r = repoOf([
      { files: { '.mailmap': 'Ann Lee <ann@acme.io> <ann@old.example>\n' } },
      { author: { name: 'Ann', email: 'ann@old.example' }, files: { 'a.ts': '1\n' } },
      {
        author: { name: 'Bob', email: '42+bob-gh@users.noreply.github.com' },
        files: { 'a.ts': '2\n' },
        message:
          'x\n\nCo-authored-by: Cat Park <cat@acme.io>\nCo-authored-by: dependabot[bot] <1+dependabot[bot]@users.noreply.github.com>',
      },
      {
        author: { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' },
        files: { 'a.ts': '3\n' },
      },
    ]);
    const members = [{ person: 'cat', aliases: ['cat@acme.io'] }];
    const res = await mine(r.dir, { members });
    expect(res.commits.map((c) => [c.author, c.coAuthors])).toEqual([
      ['bob-gh', ['cat']],
      ['ann@acme.io', []],
      ['ann@acme.io', []],
    ]);
    expect((await mine(r.dir, { includeBots: true })).commits[0].author).toBe('dependabot[bot]');
  });

  it('skips merges by default; --first-parent keeps the merge with its diff and drops the side branch', async () => {
    const r = repoOf([{ files: { 'a.ts': '1\n' } }]);
    r.git('checkout', '-q', '-b', 'side');
    const side = r.commit({ author: BOB, files: { 'b.ts': '1\n2\n' } });
    r.git('checkout', '-q', 'main');
    const main2 = r.commit({ files: { 'a.ts': '1\n2\n' } });
    r.git('-c', 'user.name=Ann Lee', '-c', 'user.email=ann@acme.io', 'merge', '-q', '--no-ff', '-m', 'merge', 'side');
    const all = await mine(r.dir);
    expect(all.commits.map((c) => c.sha).sort()).toEqual(
      [side, main2, r.git('rev-list', '--max-parents=0', 'HEAD').trim()].sort(),
    );
    const fp = await mine(r.dir, { firstParent: true });
    expect(fp.commits.map((c) => c.sha)).not.toContain(side);
    expect(fp.commits[0].files).toEqual([{ path: 'b.ts', added: 2, deleted: 0 }]);
  });

  it('applies --since/--until windows and path globs with default excludes', async () => {
    const r = repoOf([
      { date: '2024-01-01T00:00:00Z', files: { 'src/a.ts': '1\n', 'package-lock.json': '{}\n' } },
      { date: '2024-02-01T00:00:00Z', files: { 'src/a.ts': '2\n', 'docs/x.md': 'x\n' } },
      { date: '2024-03-01T00:00:00Z', files: { 'src/a.ts': '3\n' } },
    ]);
    const win = await mine(r.dir, { since: '2024-01-15', until: '2024-02-15' });
    expect(win.commits.map((c) => c.date)).toEqual([Date.parse('2024-02-01T00:00:00Z') / 1000]);
    const res = await mine(r.dir, { exclude: ['docs/**'] });
    expect(res.commits.map((c) => c.files.map((f) => f.path))).toEqual([['src/a.ts'], ['src/a.ts'], ['src/a.ts']]);
    const inc = await mine(r.dir, { include: ['docs/**'] });
    expect(inc.commits.map((c) => c.files.length)).toEqual([0, 1, 0]);
  });

  it('marks lockfiles as binary for git (no line counts even when not excluded)', async () => {
    const r = repoOf([{ files: { 'package-lock.json': lines(50), 'src/a.ts': lines(2) } }]);
    const res = await mine(r.dir, { defaultExcludes: [] });
    expect(res.commits[0].files).toEqual([
      { path: 'package-lock.json', added: null, deleted: null },
      { path: 'src/a.ts', added: 2, deleted: 0 },
    ]);
  });

  it('--fast lists files with --name-status and null counts', async () => {
    const r = repoOf([{ files: { 'a.ts': lines(9) } }]);
    r.commit({ renames: [['a.ts', 'b.ts']] });
    const res = await mine(r.dir, { fast: true });
    expect(res.mode).toBe('name-status');
    expect(res.commits.map((c) => c.files)).toEqual([
      [{ path: 'b.ts', oldPath: 'a.ts', added: null, deleted: null }],
      [{ path: 'a.ts', added: null, deleted: null }],
    ]);
  });

  it('shards only above SHARD_MIN commits, over 2 to 4 processes, unless told', () => {
    expect(shardCount(SHARD_MIN)).toBe(1);
    expect(shardCount(SHARD_MIN + 1)).toBeGreaterThanOrEqual(2);
    expect(shardCount(SHARD_MIN + 1)).toBeLessThanOrEqual(4);
    expect([shardCount(10, 3), shardCount(2, 3), shardCount(10, 0)]).toEqual([3, 2, 1]);
  });

  it('splits the commit list into contiguous runs of whole lines, in order', () => {
    const shas = ['a1', 'b22', 'c3', 'd4', 'e5', 'f6', 'g7'];
    const list = { text: shas.map((s) => `${s}\n`).join(''), count: shas.length };
    const parts = splitShas(list, 3);
    expect(parts).toEqual([
      { text: 'a1\nb22\nc3\n', count: 3 },
      { text: 'd4\ne5\nf6\n', count: 3 },
      { text: 'g7\n', count: 1 },
    ]);
    expect(splitShas(list, 1)).toEqual([list]);
    expect(splitShas({ text: '', count: 0 }, 2)).toEqual([]);
  });

  it('gives the same commits in the same order with several shards', async () => {
    const r = repoOf(
      Array.from({ length: 12 }, (_, i) => ({
        author: [ANN, BOB, CAT][i % 3],
        files: { [`f${i % 4}.ts`]: lines(i + 1) },
      })),
    );
    const one = await mine(r.dir, { shards: 1 });
    expect(await mine(r.dir, { shards: 3 })).toEqual(one);
    expect(one.commits).toHaveLength(12);
  });
});

describe('expected repository states', () => {
  it('not a repository → RepoStateError with what to do', async () => {
    const dir = tempDir();
    await expect(mine(dir)).rejects.toThrow(RepoStateError);
    await expect(mine(dir)).rejects.toThrow(
      `${dir} is not a git repository (run conway inside a clone or pass --repo DIR)`,
    );
    await expect(mine(join(dir, 'nope'))).rejects.toThrow(RepoStateError);
  });

  it('empty repository → no commits and a note', async () => {
    const res = await mine(repoOf().dir);
    expect(res).toMatchObject({ head: null, commits: [], shallow: false, notes: [EMPTY_NOTE] });
  });

  it('shallow clone → shallow: true and a note saying the history is partial', async () => {
    const r = repoOf([{ files: { 'a.ts': '1\n' } }, { files: { 'a.ts': '2\n' } }]);
    const clone = join(tempDir(), 'c');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${r.dir}`, clone], { env: gitEnv() });
    const res = await mine(clone);
    expect(res.shallow).toBe(true);
    expect(res.notes).toContain(SHALLOW_NOTE);
    expect(res.commits).toHaveLength(1);
  });

  it('detached HEAD mines the history of the checked-out commit', async () => {
    const r = repoOf([{ files: { 'a.ts': '1\n' } }, { files: { 'a.ts': '2\n' } }, { files: { 'a.ts': '3\n' } }]);
    r.git('checkout', '-q', '--detach', 'HEAD~1');
    const res = await mine(r.dir);
    expect(res.head).toBe(r.git('rev-parse', 'HEAD').trim());
    expect(res.commits).toHaveLength(2);
  });

  it('missing blobs → falls back to --name-status and says so', async () => {
    const r = repoOf([{ files: { 'a.ts': lines(5) } }, { files: { 'a.ts': lines(6) } }]);
    const blob = r.git('rev-parse', 'HEAD~1:a.ts').trim();
    unlinkSync(join(r.dir, '.git/objects', blob.slice(0, 2), blob.slice(2)));
    const res = await mine(r.dir);
    expect(res.mode).toBe('name-status');
    expect(res.notes).toContain(MISSING_BLOBS_NOTE);
    expect(res.commits.map((c) => c.files)).toEqual([
      [{ path: 'a.ts', added: null, deleted: null }],
      [{ path: 'a.ts', added: null, deleted: null }],
    ]);
  });
});

describe('incremental cache', () => {
  it('a second run after one new commit mines only that commit, outside the repository', async () => {
    const r = repoOf([{ files: { 'a.ts': '1\n' } }, { author: BOB, files: { 'a.ts': '2\n' } }]);
    const cacheDir = tempDir();
    const first = await mineHistory(r.dir, { cacheDir });
    expect([first.mined, first.fromCache]).toEqual([2, 0]);
    expect(readdirSync(join(cacheDir, 'history'))).toHaveLength(1);
    r.commit({ author: CAT, files: { 'b.ts': '1\n' } });
    const second = await mineHistory(r.dir, { cacheDir });
    expect([second.mined, second.fromCache]).toEqual([1, 2]);
    expect(second.commits).toEqual((await mine(r.dir)).commits);
    const third = await mineHistory(r.dir, { cacheDir });
    expect([third.mined, third.fromCache]).toEqual([0, 3]);
    expect(r.git('status', '--porcelain', '--ignored')).toBe('');
  });

  it('a warm process (the editor worker) answers from memory and writes the disk copy after the update', async () => {
    const r = repoOf([{ files: { 'a.ts': '1\n' } }]);
    const cacheDir = tempDir();
    const warm = new WarmContext();
    try {
      const first = await mineHistory(r.dir, { cacheDir, warm });
      expect(existsSync(join(cacheDir, 'history'))).toBe(false); // queued, not yet on disk
      r.commit({ author: BOB, files: { 'a.ts': '2\n' } });
      const second = await mineHistory(r.dir, { cacheDir, warm }); // reads the queued entry
      expect([first.mined, second.mined, second.fromCache]).toEqual([1, 1, 1]);
      await warm.flush();
      const cold = await mineHistory(r.dir, { cacheDir }); // a new process reads the file
      expect([cold.mined, cold.fromCache]).toEqual([0, 2]);
      expect(cold.commits).toEqual(second.commits);
    } finally {
      await warm.flush();
    }
  });

  it('does not cache windows relative to now (they move with the clock)', async () => {
    const r = repoOf([{ files: { 'a.ts': '1\n' } }]);
    const cacheDir = tempDir();
    const res = await mineHistory(r.dir, { cacheDir, since: '30 years ago' });
    expect([res.mined, res.fromCache]).toEqual([1, 0]);
    expect(existsSync(join(cacheDir, 'history'))).toBe(false);
  });

  it('re-mines everything when the cached head is no longer an ancestor (rewritten history)', async () => {
    const r = repoOf([{ files: { 'a.ts': '1\n' } }, { files: { 'a.ts': '2\n' } }]);
    const cacheDir = tempDir();
    await mineHistory(r.dir, { cacheDir });
    r.git('-c', 'user.name=A', '-c', 'user.email=a@x', 'commit', '-q', '--amend', '-m', 'rewritten');
    const again = await mineHistory(r.dir, { cacheDir });
    expect([again.mined, again.fromCache]).toEqual([2, 0]);
  });
});

describe('other repository shapes', () => {
  it('mines a bare repository (mirrors on CI servers)', async () => {
    const r = repoOf([{ files: { 'a.ts': '1\n' } }, { author: BOB, files: { 'a.ts': '2\n' } }]);
    const bare = join(tempDir(), 'b.git');
    execFileSync('git', ['clone', '-q', '--bare', r.dir, bare], { env: gitEnv() });
    expect((await mine(bare)).commits.map((c) => c.author)).toEqual(['bob@acme.io', 'ann@acme.io']);
  });

  it('stops when the signal is aborted', async () => {
    const r = repoOf([{ files: { 'a.ts': '1\n' } }]);
    const ac = new AbortController();
    ac.abort();
    await expect(mine(r.dir, { signal: ac.signal })).rejects.toThrow(/abort/i);
  });

  it('reports progress with the total number of commits', async () => {
    const r = repoOf([{ files: { 'a.ts': '1\n' } }, { files: { 'a.ts': '2\n' } }]);
    const seen: { phase: string; commits: number; total?: number }[] = [];
    await mine(r.dir, { onProgress: (p) => seen.push(p) });
    expect(seen.at(0)).toEqual({ phase: 'listing', commits: 0 });
    expect(seen.at(-1)).toEqual({ phase: 'mining', commits: 2, total: 2 });
  });
});
