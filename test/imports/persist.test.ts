// The import graph's disk cache (the CLI's warm path): a new process (no WarmContext, so no
// in-memory index) reuses each file's edges by blob id from the cache directory, and always ends with the
// graph a cold build gives — after an edit, after a file is added that takes over a specifier,
// after a tsconfig change, with a corrupt cache file — and never writes into the repository.
import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listTrackedIndex } from '../../analyzer/collect/tracked-files';
import { buildImportGraph, hasWarmImports } from '../../analyzer/imports';
import type { Repo } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const { repoOf, tempDir } = scratch();

/** A fresh process's build, with the disk cache; and the reference build without any cache. */
async function warmBuild(r: Repo, cacheDir: string) {
  const index = await listTrackedIndex(r.dir, { modified: hasWarmImports(r.dir, cacheDir) });
  return buildImportGraph(r.dir, { index, cacheDir });
}
/** A one-shot CLI run (analyze.ts): git is not asked which files are modified; the stamps in the disk copy say it. */
async function oneShotBuild(r: Repo, cacheDir: string) {
  return buildImportGraph(r.dir, { index: await listTrackedIndex(r.dir), cacheDir });
}
async function coldBuild(r: Repo) {
  return buildImportGraph(r.dir, { index: await listTrackedIndex(r.dir) });
}
const edges = (g: Awaited<ReturnType<typeof buildImportGraph>>) =>
  g.edges.map((e) => `${e.from}:${e.line} ${e.specifier} -> ${e.to}`).sort();

const files = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.' } }),
  'app/main.ts': "import { b } from './b';\nimport { u } from 'lib/util';\nimport x from 'left-pad';\n",
  'app/b/index.ts': 'export const b = 1;\n',
  'lib/util.ts': 'export const u = 1;\n',
};

describe('import graph disk cache', () => {
  it('is written under the cache directory, and a new process reads no unchanged file', async () => {
    const r = repoOf([{ files }]);
    const cache = tempDir();
    const first = await warmBuild(r, cache);
    expect(readdirSync(join(cache, 'imports'))).toHaveLength(1);
    expect(r.git('status', '--porcelain', '--ignored')).toBe('');
    expect(edges(await warmBuild(r, cache))).toEqual(edges(first));
    // the disk copy is what answers for unchanged blobs: a marked entry comes back as stored
    const [file] = readdirSync(join(cache, 'imports'));
    const text = readFileSync(join(cache, 'imports', file), 'utf8');
    writeFileSync(join(cache, 'imports', file), text.replace('"lib/util.ts","lib/util"', '"lib/MARK.ts","lib/util"'));
    expect(edges(await warmBuild(r, cache))).toContain('app/main.ts:2 lib/util -> lib/MARK.ts');
  });

  it('ends with the cold graph after an edit, an added file that takes over a specifier, and a tsconfig change', async () => {
    const r = repoOf([{ files }]);
    const cache = tempDir();
    await warmBuild(r, cache);
    r.commit({
      files: { 'app/main.ts': "import { b } from './b';\nimport { u } from 'lib/util';\nimport { c } from './c';\n" },
    });
    expect(edges(await warmBuild(r, cache))).toEqual(edges(await coldBuild(r)));
    r.commit({
      files: {
        'app/b.ts': 'export const b = 2;\n',
        'app/c.ts': 'export const c = 1;\n',
        'left-pad.ts': 'export default 1;\n',
      },
    });
    const added = await warmBuild(r, cache);
    expect(edges(added)).toEqual(edges(await coldBuild(r)));
    expect(edges(added)).toContain('app/main.ts:1 ./b -> app/b.ts'); // was app/b/index.ts
    r.commit({
      files: {
        'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { 'lib/*': ['app/*'] } } }),
        'app/util.ts': 'export const u = 2;\n',
      },
    });
    const configured = await warmBuild(r, cache);
    expect(edges(configured)).toEqual(edges(await coldBuild(r)));
    expect(edges(configured)).toContain('app/main.ts:2 lib/util -> app/util.ts');
  });

  it('treats a corrupt cache file as a miss', async () => {
    const r = repoOf([{ files }]);
    const cache = tempDir();
    await warmBuild(r, cache);
    const [file] = readdirSync(join(cache, 'imports'));
    writeFileSync(join(cache, 'imports', file), '{"v":1,"configKey":"x","tracked":[],"files":[["app/main.ts"');
    expect(edges(await warmBuild(r, cache))).toEqual(edges(await coldBuild(r)));
  });

  it('a warm run reports the notes a cold run does (tsconfig extends that cannot be followed), without partial regroupings', async () => {
    const app = (n: number) => ({
      [`apps/a${n}/tsconfig.json`]: JSON.stringify({ extends: 'astro/tsconfigs/strict' }),
      [`apps/a${n}/main.ts`]: `import { y } from './y';\nexport const x${n} = y + ${n};\n`,
      [`apps/a${n}/y.ts`]: 'export const y = 1;\n',
    });
    const r = repoOf([{ files: { ...files, ...app(1), ...app(2), ...app(3) } }]);
    const cache = tempDir();
    const cold = await coldBuild(r);
    expect(cold.notes.join('\n')).toContain('3 tsconfig files extend packages that are not installed');
    expect((await warmBuild(r, cache)).notes).toEqual(cold.notes);
    // A new process reuses every edge and reads no config: the notes come from the cache.
    expect((await warmBuild(r, cache)).notes).toEqual(cold.notes);
    // One app changes: its config is read again, and the grouped note still counts all three.
    r.commit({ files: { 'apps/a2/main.ts': "import { y } from './y';\nexport const x2 = y + 22;\n" } });
    expect((await warmBuild(r, cache)).notes).toEqual(cold.notes);
  });

  it('a one-shot run trusts a settled stamp, re-reads a fresh or changed file, and ends with the cold graph', async () => {
    const r = repoOf([{ files }]);
    const cache = tempDir();
    const old = new Date(Date.now() - 60_000);
    for (const f of Object.keys(files)) utimesSync(join(r.dir, f), old, old);
    r.write('lib/fresh.ts', "import { u } from './util';\n"); // untracked: not a source of the graph
    const first = await oneShotBuild(r, cache);
    const [file] = readdirSync(join(cache, 'imports'));
    const rows = () =>
      JSON.parse(readFileSync(join(cache, 'imports', file), 'utf8')).files as [string, string, unknown[], string][];
    // mtimes a minute old: settled, so kept; each stamp is size:mtimeMs.
    expect(rows().map(([p, , , stamp]) => [p, /^\d+:\d+(\.\d+)?$/.test(stamp)])).toEqual([
      ['app/b/index.ts', true],
      ['app/main.ts', true],
      ['lib/util.ts', true],
    ]);
    expect(edges(await oneShotBuild(r, cache))).toEqual(edges(first));
    // A settled stamp is trusted without reading: a marked entry comes back as stored.
    const text = readFileSync(join(cache, 'imports', file), 'utf8');
    writeFileSync(join(cache, 'imports', file), text.replace('"lib/util.ts","lib/util"', '"lib/MARK.ts","lib/util"'));
    expect(edges(await oneShotBuild(r, cache))).toContain('app/main.ts:2 lib/util -> lib/MARK.ts');
    // The same bytes under a new mtime: read and hashed, not parsed — the stored edges, and a fresh stamp ('' : too new to keep).
    writeFileSync(join(r.dir, 'app/main.ts'), files['app/main.ts']);
    expect(edges(await oneShotBuild(r, cache))).toContain('app/main.ts:2 lib/util -> lib/MARK.ts');
    expect(rows().find(([p]) => p === 'app/main.ts')![3]).toBe('');
    // Changed bytes (uncommitted, as a developer's work tree): parsed again, the cold graph.
    writeFileSync(join(r.dir, 'app/main.ts'), "import { b } from './b';\nimport { u } from 'lib/util';\n");
    const edited = await oneShotBuild(r, cache);
    expect(edges(edited)).toEqual(edges(await coldBuild(r)));
    expect(edges(edited)).toContain('app/main.ts:2 lib/util -> lib/util.ts');
  });
});
