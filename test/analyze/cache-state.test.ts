// A report is a function of the repository and the options, not of the cache state: a cold run
// (writes the history and import caches), a warm one (reads them) and a --no-cache one agree on
// everything but generatedAt — modules, suggestions, coupling order, window, notes.
import { describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import { IdGraph } from '../../analyzer/metrics/id-graph';
import { seeded } from '../../analyzer/metrics/modules';
import type { Report } from '../../analyzer/contract/report';
import { ANN, BOB, CAT, type Repo } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const { repoOf, tempDir } = scratch('conway-cache-state-');
const SINCE = '2023-01-01';

function sansTime(r: Report): unknown {
  const { generatedAt: _, ...rest } = r;
  return rest;
}

/** Three packages (a, b, c) owned by three teams, each file importing its sibling. */
function packages(): Repo {
  const files: Record<string, string> = {
    CODEOWNERS: '/src/a/ @acme/t1\n/src/b/ @acme/t2\n/src/c/ @acme/t3\n',
  };
  for (const p of ['a', 'b', 'c']) {
    files[`src/${p}/x.ts`] = `export const ${p} = 1;\n`;
    files[`src/${p}/y.ts`] = `import { ${p} } from './x';\nimport { z } from './z';\nexport const y = ${p} + z;\n`;
    files[`src/${p}/z.ts`] = `export const z = 2;\n`;
  }
  return repoOf([{ files, date: '2024-01-01T00:00:00Z' }]);
}

function touch(r: Repo, paths: string[], date: string, author = ANN): void {
  r.commit({ author, date, files: Object.fromEntries(paths.map((p) => [p, `export const t = '${date}';\n`])) });
}

describe('reports whatever the cache state', () => {
  it('a branch merged after the cache was written: warm (incremental), warm again and --no-cache equal cold', async () => {
    const r = packages();
    r.git('checkout', '-q', '-b', 'side');
    // The side branch's commits are older than main's newest: git log interleaves them by date,
    // while mining only cachedHead..HEAD puts them first.
    for (const d of ['03', '05', '07']) touch(r, ['src/a/x.ts', 'src/b/z.ts'], `2024-01-${d}T00:00:00Z`, BOB);
    r.git('checkout', '-q', 'main');
    for (const d of ['02', '04', '06', '08']) touch(r, ['src/b/x.ts', 'src/c/z.ts'], `2024-01-${d}T00:00:00Z`, CAT);
    const cacheDir = tempDir();
    await analyzeRepo(r.dir, { since: SINCE, cacheDir });
    r.git('-c', 'user.name=Ann Lee', '-c', 'user.email=ann@acme.io', 'merge', '-q', '--no-ff', '-m', 'merge', 'side');
    const warm = sansTime(await analyzeRepo(r.dir, { since: SINCE, cacheDir }));
    const again = sansTime(await analyzeRepo(r.dir, { since: SINCE, cacheDir }));
    const fresh = sansTime(await analyzeRepo(r.dir, { since: SINCE, cache: false }));
    expect(warm).toEqual(fresh);
    expect(again).toEqual(fresh);
    expect((fresh as Report).window.last?.date).toBe('2024-01-08T00:00:00.000Z');
  });

  it('cold, warm and --no-cache runs of an unchanged repository are equal', async () => {
    const r = packages();
    for (const d of ['02', '03', '04']) touch(r, ['src/a/x.ts', 'src/b/x.ts'], `2024-01-${d}T00:00:00Z`, BOB);
    const cacheDir = tempDir();
    const cold = sansTime(await analyzeRepo(r.dir, { since: SINCE, cacheDir }));
    const warm = sansTime(await analyzeRepo(r.dir, { since: SINCE, cacheDir }));
    const fresh = sansTime(await analyzeRepo(r.dir, { since: SINCE, cache: false }));
    expect((cold as Report).modules.length).toBeGreaterThan(0);
    expect(warm).toEqual(cold);
    expect(fresh).toEqual(cold);
  });
});

describe('IdGraph', () => {
  it('gives the same communities whatever order the same weighted links come in', () => {
    // A ring of eight equal links: every split into arcs is as good, so only the order decides.
    const ring = Array.from({ length: 8 }, (_, i): [string, string, number] => [`f${i}`, `f${(i + 1) % 8}`, 1]);
    const orders = [
      ring,
      [...ring].reverse(),
      [...ring.slice(3), ...ring.slice(0, 3)],
      ring.map(([a, b, w]): [string, string, number] => [b, a, w]),
    ];
    const answers = orders.map((links) => {
      const g = new IdGraph();
      for (const [a, b, w] of links) g.link(a, b, w);
      return g
        .communities(seeded(42))
        .map((c) => [...c].sort())
        .sort((x, y) => (x[0] < y[0] ? -1 : 1));
    });
    for (const a of answers) expect(a).toEqual(answers[0]);
  });
});
