// Louvain answers kept between runs (metrics/id-graph.ts, collect/community-cache.ts): the key is
// a hash of the canonical weighted graph, the generator's tag and the resolution, so the same
// graph linked in another order is the same key and any other weight is another; a warm
// `analyze` gives the modules a run without any cache gives, also after the history moves and
// with a broken cache file.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import { communityStore } from '../../analyzer/collect/community-cache';
import { IdGraph } from '../../analyzer/metrics/id-graph';
import type { CommunityMemo } from '../../analyzer/metrics/input';
import { seeded } from '../../analyzer/metrics/modules';
import { ANN, BOB } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const { repoOf, tempDir } = scratch('conway-communities-');

/** A memo that records its keys. */
function recording(): CommunityMemo & { keys: string[]; store: Map<string, string[][]> } {
  const store = new Map<string, string[][]>();
  const keys: string[] = [];
  return {
    keys,
    store,
    get: (k) => (keys.push(k), store.get(k)),
    set: (k, g) => void store.set(k, g),
  };
}

const links: [string, string, number][] = [
  ['a', 'b', 1],
  ['b', 'c', 1],
  ['a', 'c', 0.5],
  ['x', 'y', 1],
  ['y', 'z', 1],
  ['c', 'x', 0.1],
];
const graphOf = (ls: [string, string, number][]) => {
  const g = new IdGraph();
  for (const [a, b, w] of ls) g.link(a, b, w);
  return g;
};

describe('the Louvain memo', () => {
  it('gives what Louvain gives, keyed by the canonical graph: another link order is the same key, another weight is not', () => {
    const plain = graphOf(links).communities(seeded(42));
    const memo = recording();
    const cache = { memo, tag: 'test:42' };
    expect(graphOf(links).communities(seeded(42), 1, cache)).toEqual(plain);
    expect(memo.store.size).toBe(1);
    // Reversed order, swapped ends: the same canonical graph, so the kept answer is used.
    const reversed = [...links].reverse().map(([a, b, w]): [string, string, number] => [b, a, w]);
    expect(graphOf(reversed).communities(seeded(42), 1, cache)).toEqual(plain);
    expect(new Set(memo.keys).size).toBe(1);
    // One weight differs, or the tag or the resolution: new keys.
    graphOf([...links.slice(0, 5), ['c', 'x', 0.2]]).communities(seeded(42), 1, cache);
    graphOf(links).communities(seeded(42), 1, { memo, tag: 'test:7' });
    graphOf(links).communities(seeded(42), 2, cache);
    expect(new Set(memo.keys).size).toBe(4);
  });

  it('answers from the memo when it holds the key (nothing is computed)', () => {
    const memo = recording();
    graphOf(links).communities(seeded(42), 1, { memo, tag: 't' });
    const [key] = memo.keys;
    memo.store.set(key, [['kept']]);
    expect(graphOf(links).communities(seeded(42), 1, { memo, tag: 't' })).toEqual([['kept']]);
  });

  it('the disk store keeps the last answers per repository and reads a broken file as empty', () => {
    const dir = tempDir();
    const root = tempDir();
    const store = communityStore(dir, root);
    for (let i = 0; i < 6; i++) store.set(`k${i}`, [[`f${i}`]]);
    const again = communityStore(dir, root);
    expect(again.get('k5')).toEqual([['f5']]);
    expect(again.get('k2')).toEqual([['f2']]);
    expect(again.get('k1')).toBeUndefined(); // four kept
    const [file] = readdirSync(join(dir, 'modules'));
    writeFileSync(join(dir, 'modules', file), '{"v":1,"entries":[["k5",[[1]]]]}');
    expect(communityStore(dir, root).get('k5')).toBeUndefined();
  });
});

describe('inferred modules of a warm analyze', () => {
  it('are those of a run without cache: first, warm, after a new commit, and with a broken cache file', async () => {
    const files: Record<string, string> = { CODEOWNERS: '/a/ @o/a\n/b/ @o/b\n' };
    for (let i = 0; i < 4; i++) {
      files[`a/m${i}.ts`] = `import { v } from './m${(i + 1) % 4}';\nexport const a${i} = v;\n`;
      files[`b/n${i}.ts`] = `import { w } from './n${(i + 1) % 4}';\nexport const b${i} = w;\n`;
    }
    const r = repoOf([{ author: ANN, date: '2024-05-01T10:00:00Z', files }]);
    const cacheDir = tempDir();
    const run = (cache: boolean) =>
      analyzeRepo(r.dir, cache ? { cacheDir, since: 'all' } : { cache: false, since: 'all' }).then((x) => x.modules);
    const cold = await run(false);
    expect(cold.length).toBeGreaterThan(0);
    expect(await run(true)).toEqual(cold);
    expect(readdirSync(join(cacheDir, 'modules'))).toHaveLength(1);
    expect(await run(true)).toEqual(cold);
    r.commit({
      author: BOB,
      date: '2024-05-02T10:00:00Z',
      files: { 'a/m0.ts': "import { w } from '../b/n0';\nexport const a0 = w;\n" },
    });
    const moved = await run(false);
    expect(await run(true)).toEqual(moved);
    const [file] = readdirSync(join(cacheDir, 'modules'));
    writeFileSync(join(cacheDir, 'modules', file), 'not json');
    expect(await run(true)).toEqual(moved);
  });
});
