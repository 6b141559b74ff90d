// readRepoState: one `git rev-parse` for root, HEAD, shallowness, branch and a relative --since,
// checked against git's own one-by-one answers in every repository state the analysis accepts.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRepoState } from '../../analyzer/collect/repo-state';
import { RepoStateError } from '../../analyzer/contract/errors';
import { mineHistory } from '../../analyzer/history/mine';
import { resolveSince } from '../../analyzer/history/window';
import { gitEnv } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const { repoOf, tempDir } = scratch('conway-state-');
const two = () => repoOf([{ files: { 'a.ts': '1\n' } }, { files: { 'a.ts': '2\n' } }]);

describe('readRepoState', () => {
  it('on a branch, from a subdirectory: the top level, HEAD, the short branch name, not shallow', async () => {
    const r = two();
    r.git('checkout', '-q', '-b', 'feature/x');
    mkdirSync(join(r.dir, 'sub'));
    expect(await readRepoState(join(r.dir, 'sub'))).toEqual({
      root: r.git('rev-parse', '--show-toplevel').trim(),
      head: r.git('rev-parse', 'HEAD').trim(),
      parents: [r.git('rev-parse', 'HEAD~1').trim()],
      shallow: false,
      branch: 'feature/x',
      sinceAnswer: undefined,
    });
  });

  it('a file named HEAD in the work tree changes nothing; a root commit has no parents', async () => {
    const r = repoOf([{ files: { HEAD: 'x\n' } }]);
    expect(await readRepoState(r.dir)).toMatchObject({
      head: r.git('rev-parse', 'HEAD').trim(),
      parents: [],
      branch: 'main',
    });
  });

  it('a merge has both parents', async () => {
    const r = two();
    r.git('checkout', '-q', '-b', 'side');
    r.commit({ files: { 'b.ts': '1\n' } });
    r.git('checkout', '-q', 'main');
    r.commit({ files: { 'c.ts': '1\n' } });
    r.git('-c', 'user.name=A', '-c', 'user.email=a@x', 'merge', '-q', '--no-ff', '-m', 'merge', 'side');
    expect((await readRepoState(r.dir)).parents).toEqual([
      r.git('rev-parse', 'HEAD^1').trim(),
      r.git('rev-parse', 'HEAD^2').trim(),
    ]);
  });

  it('detached HEAD → branch null, HEAD the checked-out commit', async () => {
    const r = two();
    r.git('checkout', '-q', '--detach', 'HEAD~1');
    expect(await readRepoState(r.dir)).toMatchObject({
      head: r.git('rev-parse', 'HEAD').trim(),
      branch: null,
      shallow: false,
    });
  });

  it('unborn branch → head null, the branch it will be', async () => {
    const r = repoOf();
    expect(await readRepoState(r.dir)).toEqual({
      root: r.git('rev-parse', '--show-toplevel').trim(),
      head: null,
      shallow: false,
      branch: 'main',
      sinceAnswer: undefined,
    });
  });

  it('shallow clone → shallow: true', async () => {
    const r = two();
    const clone = join(tempDir(), 'c');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${r.dir}`, clone], { env: gitEnv() });
    expect(await readRepoState(clone)).toMatchObject({
      root: clone,
      head: r.git('rev-parse', 'HEAD').trim(),
      shallow: true,
      branch: 'main',
    });
  });

  it('bare repository → its git dir as root', async () => {
    const r = two();
    const bare = join(tempDir(), 'b.git');
    execFileSync('git', ['clone', '-q', '--bare', r.dir, bare], { env: gitEnv() });
    expect(await readRepoState(bare)).toEqual({
      root: bare,
      head: r.git('rev-parse', 'HEAD').trim(),
      shallow: false,
      branch: 'main',
      sinceAnswer: undefined,
    });
  });

  it('a relative --since is read by git in the same call, and resolves as resolveSince would', async () => {
    const r = two();
    const now = Date.now();
    const state = await readRepoState(r.dir, '2 weeks ago');
    expect(state.sinceAnswer).toMatch(/^--max-age=\d+$/);
    expect(await resolveSince(r.dir, '2 weeks ago', now, state.sinceAnswer)).toBe(
      await resolveSince(r.dir, '2 weeks ago', now),
    );
    const unborn = await readRepoState(repoOf().dir, '2 weeks ago');
    expect(unborn.sinceAnswer).toMatch(/^--max-age=\d+$/);
  });

  it('not a repository → RepoStateError', async () => {
    const dir = tempDir();
    await expect(readRepoState(dir)).rejects.toThrow(RepoStateError);
    await expect(readRepoState(join(dir, 'nope'))).rejects.toThrow(RepoStateError);
  });
});

describe('mineHistory with the state readRepoState read', () => {
  const mineWith = async (dir: string, cacheDir: string) => {
    const state = await readRepoState(dir);
    return mineHistory(state.root, { rootKnown: true, state, cacheDir });
  };

  it('one commit on top of the cached head: only that commit is mined, same commits as from scratch', async () => {
    const r = two();
    const cacheDir = tempDir();
    expect((await mineWith(r.dir, cacheDir)).mined).toBe(2);
    r.commit({ files: { 'b.ts': '1\n' } });
    const second = await mineWith(r.dir, cacheDir);
    expect([second.mined, second.fromCache]).toEqual([1, 2]);
    expect(second.commits).toEqual((await mineHistory(r.dir, { cache: false, cacheDir: tempDir() })).commits);
  });

  it('rewritten history (the cached head is no parent and no ancestor): everything is mined again', async () => {
    const r = two();
    const cacheDir = tempDir();
    await mineWith(r.dir, cacheDir);
    r.git('-c', 'user.name=A', '-c', 'user.email=a@x', 'commit', '-q', '--amend', '-m', 'rewritten');
    r.commit({ files: { 'b.ts': '1\n' } });
    const again = await mineWith(r.dir, cacheDir);
    expect([again.mined, again.fromCache]).toEqual([3, 0]);
  });

  it('several commits on top: the ancestry is asked of git, and the cache still used', async () => {
    const r = two();
    const cacheDir = tempDir();
    await mineWith(r.dir, cacheDir);
    r.commit({ files: { 'b.ts': '1\n' } });
    r.commit({ files: { 'b.ts': '2\n' } });
    const again = await mineWith(r.dir, cacheDir);
    expect([again.mined, again.fromCache]).toEqual([2, 2]);
  });
});
