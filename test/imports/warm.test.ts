// The warm import graph of a long-lived process (the editor's worker): after the first build,
// a file's edges are reused while git finds it unmodified against the blob they were parsed from
// (no stat), or while its size and mtime are unchanged; every other kind of change re-reads it.
import { symlinkSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listTrackedIndex } from '../../analyzer/collect/tracked-files';
import { buildImportGraph, hasWarmImports } from '../../analyzer/imports';
import { WarmContext } from '../../analyzer/model/warm';
import type { Repo } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const { repoOf } = scratch();
// The long-lived process's state, as the worker holds it (one per process, kept per repository).
const warm = new WarmContext();
/** What analyzeRepo does: the index listing, with `modified` once edges are warm. */
async function graph(r: Repo) {
  const index = await listTrackedIndex(r.dir, { modified: hasWarmImports(r.dir, undefined, warm) });
  return buildImportGraph(r.dir, { index, warm });
}
const targets = async (r: Repo, file: string) => (await graph(r)).edges.filter((e) => e.from === file).map((e) => e.to);
const files = {
  'a.ts': "import { b } from './b';\n",
  'b.ts': 'export const b = 1;\n',
  'c.ts': 'export const c = 1;\n',
};

describe('listTrackedIndex', () => {
  it('lists what git ls-files lists, with blob ids of clean regular files and the modified ones', async () => {
    const r = repoOf([{ files: { ...files, 'sub dir/x y.ts': '1\n', 'tab\there.ts': '1\n' } }]);
    symlinkSync('b.ts', join(r.dir, 'link.ts'));
    r.git('add', 'link.ts');
    r.write('c.ts', 'changed\n');
    const idx = await listTrackedIndex(r.dir, { modified: true });
    expect(idx.files).toEqual(r.git('ls-files', '-z').split('\0').filter(Boolean));
    expect(idx.blobs.get('a.ts')).toBe(r.git('rev-parse', ':a.ts').trim());
    expect(idx.blobs.get('sub dir/x y.ts')).toBe(r.git('rev-parse', ':sub dir/x y.ts').trim());
    expect(idx.blobs.get('tab\there.ts')).toBe(r.git('rev-parse', ':tab\there.ts').trim());
    expect(idx.blobs.has('link.ts')).toBe(false); // a symlink's blob is its target's name, not the content read through it
    expect([...idx.modified!]).toEqual(['c.ts']);
    expect((await listTrackedIndex(r.dir)).modified).toBeNull();
  });

  it('leaves out assume-unchanged files (git does not look at them) and lists unmerged paths once per stage', async () => {
    const r = repoOf([{ files }]);
    r.git('update-index', '--assume-unchanged', 'b.ts');
    r.write('b.ts', 'changed\n');
    const idx = await listTrackedIndex(r.dir, { modified: true });
    expect(idx.blobs.has('b.ts')).toBe(false);
    expect(idx.modified!.has('b.ts')).toBe(false);
    r.git('update-index', '--no-assume-unchanged', 'b.ts');
    r.git('checkout', '-q', '--', 'b.ts');
    r.git('checkout', '-q', '-b', 'side');
    r.commit({ files: { 'c.ts': 'side\n' } });
    r.git('checkout', '-q', 'main');
    r.commit({ files: { 'c.ts': 'main\n' } });
    try {
      r.git('-c', 'user.name=A', '-c', 'user.email=a@x', 'merge', '-q', 'side');
    } catch {
      // conflict expected
    }
    const conflicted = await listTrackedIndex(r.dir, { modified: true });
    expect(conflicted.files).toEqual(r.git('ls-files', '-z').split('\0').filter(Boolean));
    expect(conflicted.files.filter((f) => f === 'c.ts')).toHaveLength(3);
    expect(conflicted.blobs.has('c.ts')).toBe(false);
  });
});

describe('warm import graph', () => {
  it('follows committed changes, work-tree edits, reverts and deletions', async () => {
    const r = repoOf([{ files }]);
    expect(await targets(r, 'a.ts')).toEqual(['b.ts']);
    expect(hasWarmImports(r.dir, undefined, warm)).toBe(true);
    r.commit({ files: { 'a.ts': "import { c } from './c';\n" } });
    expect(await targets(r, 'a.ts')).toEqual(['c.ts']);
    r.write('a.ts', "import { b } from './b';\nimport { c } from './c';\n"); // not committed
    expect(await targets(r, 'a.ts')).toEqual(['b.ts', 'c.ts']);
    r.git('checkout', '-q', '--', 'a.ts'); // back to the committed content
    expect(await targets(r, 'a.ts')).toEqual(['c.ts']);
    r.write('a.ts', "import { b } from './b';\n"); // same size as the committed content, mtime restored
    utimesSync(join(r.dir, 'a.ts'), new Date(0), new Date(0));
    expect(await targets(r, 'a.ts')).toEqual(['b.ts']);
    r.git('rm', '-q', '--cached', 'b.ts'); // the tracked files changed: every import is resolved again
    expect(await targets(r, 'a.ts')).toEqual([null]);
  });

  it('a changed tsconfig resolves every import again', async () => {
    const r = repoOf([{ files: { ...files, 'a.ts': "import { b } from '@x/b';\n", 'tsconfig.json': '{}' } }]);
    expect(await targets(r, 'a.ts')).toEqual(['npm:@x/b']);
    r.write('tsconfig.json', JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@x/*': ['./*'] } } }));
    expect(await targets(r, 'a.ts')).toEqual(['b.ts']);
  });

  it('a tracked symlink follows its target', async () => {
    const r = repoOf([{ files }]);
    symlinkSync('c.ts', join(r.dir, 'link.ts'));
    r.write('c.ts', "import { b } from './b';\n");
    r.commit({});
    expect(await targets(r, 'link.ts')).toEqual(['b.ts']);
    r.write('c.ts', 'export const c = 2;\n');
    r.commit({});
    expect(await targets(r, 'link.ts')).toEqual([]);
  });

  it('an assume-unchanged file that changed is read again', async () => {
    const r = repoOf([{ files }]);
    expect(await targets(r, 'a.ts')).toEqual(['b.ts']);
    r.git('update-index', '--assume-unchanged', 'a.ts');
    r.write('a.ts', "import { c } from './c';\n");
    expect(await targets(r, 'a.ts')).toEqual(['c.ts']);
  });

  it('a file whose bytes are not its blob (end-of-line conversion) is still checked by stat', async () => {
    const r = repoOf([{ files: { ...files, '.gitattributes': '*.ts text eol=crlf\n' } }]);
    r.git('rm', '-q', '--cached', '-r', '.');
    r.git('reset', '-q', '--hard');
    expect(await targets(r, 'a.ts')).toEqual(['b.ts']);
    r.write('a.ts', "import { c } from './c';\r\n");
    expect(await targets(r, 'a.ts')).toEqual(['c.ts']);
    r.commit({});
    expect(await targets(r, 'a.ts')).toEqual(['c.ts']);
  });
});
