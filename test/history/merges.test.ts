// Which first-parent merge brought each commit in, checked against git's own answer
// (`git rev-list --no-merges M^1..M^2`) on a built repository with the awkward cases: a branch
// that merged main into itself, a branch off a branch, and an octopus merge.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bringIns, mineMerges } from '../../analyzer/history/merges';
import { WarmContext } from '../../analyzer/model/warm';
import { ANN, BOB, gitEnv, makeRepo, type Repo } from '../fixtures/repo';

let repo: Repo;
let head: string;
const merge = (msg: string, ...branches: string[]) => {
  execFileSync('git', ['merge', '-q', '--no-ff', '-m', msg, ...branches], {
    cwd: repo.dir,
    env: {
      ...gitEnv(),
      GIT_AUTHOR_NAME: ANN.name,
      GIT_AUTHOR_EMAIL: ANN.email,
      GIT_COMMITTER_NAME: ANN.name,
      GIT_COMMITTER_EMAIL: ANN.email,
      GIT_AUTHOR_DATE: '2024-02-01T00:00:00Z',
      GIT_COMMITTER_DATE: '2024-02-01T00:00:00Z',
    },
    stdio: 'ignore',
  });
  return repo.git('rev-parse', 'HEAD').trim();
};

beforeAll(() => {
  repo = makeRepo([{ files: { 'a.ts': '0' } }]);
  repo.git('checkout', '-q', '-b', 'f1');
  repo.commit({ author: BOB, files: { 'f1.ts': '1' } });
  repo.git('checkout', '-q', 'main');
  repo.commit({ files: { 'main.ts': '1' } });
  repo.git('checkout', '-q', 'f1');
  merge('Merge main into f1', 'main'); // brings main.ts into f1: must not count for f1's merge
  repo.commit({ author: BOB, files: { 'f1.ts': '2' } });
  repo.git('checkout', '-q', '-b', 'f1b');
  repo.commit({ author: ANN, files: { 'f1b.ts': '1' } });
  repo.git('checkout', '-q', 'f1');
  merge('Merge f1b', 'f1b');
  repo.git('checkout', '-q', 'main');
  merge('Merge pull request #7 from acme/f1', 'f1');
  repo.git('checkout', '-q', '-b', 'o1');
  repo.commit({ files: { 'o1.ts': '1' } });
  repo.git('checkout', '-q', '-b', 'o2', 'main');
  repo.commit({ files: { 'o2.ts': '1' } });
  repo.git('checkout', '-q', 'main');
  merge('Octopus', 'o1', 'o2');
  repo.commit({ files: { 'a.ts': 'direct' } });
  head = repo.git('rev-parse', 'HEAD').trim();
});
afterAll(() => repo.cleanup());

const gitSays = (m: string, parent: number) =>
  repo.git('rev-list', '--no-merges', `${m}^1..${m}^${parent}`).split('\n').filter(Boolean);

describe('merges: each commit to the first-parent merge that brought it in', () => {
  it('matches git rev-list --no-merges M^1..M^2 (and ^3 of an octopus); direct commits belong to none', async () => {
    const g = await mineMerges(repo.dir, head, { cacheDir: null });
    const [octopus, pr7] = g.merges.map((m) => m.sha);
    expect(g.merges.map((m) => m.pr ?? null)).toEqual([null, 7]);
    const expected = new Map<string, string>();
    for (const c of gitSays(pr7, 2)) expected.set(c, pr7);
    for (const c of [...gitSays(octopus, 2), ...gitSays(octopus, 3)]) expected.set(c, octopus);
    expect(expected.size).toBe(5); // f1 ×2 and f1b; o1, o2
    expect(new Map([...g.mergedBy].sort())).toEqual(new Map([...expected].sort()));
  });

  it('is cached by HEAD: the second run reads the same groups from the cache file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'conway-merges-cache-'));
    try {
      const first = await mineMerges(repo.dir, head, { cacheDir: dir });
      expect(readdirSync(join(dir, 'history'))).toHaveLength(1);
      // With .git moved away git cannot answer: only the cache can.
      renameSync(join(repo.dir, '.git'), join(repo.dir, '.git-away'));
      try {
        expect(await mineMerges(repo.dir, head, { cacheDir: dir })).toEqual(first);
        await expect(mineMerges(repo.dir, head, { cacheDir: null })).rejects.toThrow();
      } finally {
        renameSync(join(repo.dir, '.git-away'), join(repo.dir, '.git'));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a history without merges is cached too: its one git call walks the whole window', async () => {
    const linear = makeRepo([{ files: { 'a.ts': '0' } }, { author: BOB, files: { 'b.ts': '1' } }]);
    const dir = mkdtempSync(join(tmpdir(), 'conway-merges-none-'));
    try {
      const top = linear.git('rev-parse', 'HEAD').trim();
      expect(await mineMerges(linear.dir, top, { cacheDir: dir })).toEqual({ merges: [], mergedBy: new Map() });
      expect(readdirSync(join(dir, 'history'))).toHaveLength(1);
      renameSync(join(linear.dir, '.git'), join(linear.dir, '.git-away'));
      try {
        expect(await mineMerges(linear.dir, top, { cacheDir: dir })).toEqual({ merges: [], mergedBy: new Map() });
      } finally {
        renameSync(join(linear.dir, '.git-away'), join(linear.dir, '.git'));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      linear.cleanup();
    }
  });

  it('a long-lived process keeps the answer for its HEAD: no git call, no cache file', async () => {
    const warm = new WarmContext();
    const first = await mineMerges(repo.dir, head, { cacheDir: null, warm });
    renameSync(join(repo.dir, '.git'), join(repo.dir, '.git-away'));
    try {
      expect(await mineMerges(repo.dir, head, { cacheDir: null, warm })).toBe(first);
    } finally {
      renameSync(join(repo.dir, '.git-away'), join(repo.dir, '.git'));
    }
  });

  it('a commit reachable from an earlier mainline commit is never brought in again (pure walk)', () => {
    // m2 merges b (branched from m1's parent r); b's parent r is already on the mainline.
    const graph = new Map([
      ['m2', ['m1', 'b']],
      ['b', ['r']],
      ['m1', ['r', 'x']],
      ['x', ['r']],
      ['r', []],
    ]);
    expect([...bringIns(graph, 'm2', new Set(['m1', 'm2']))]).toEqual([
      ['x', 'm1'],
      ['b', 'm2'],
    ]);
  });
});
