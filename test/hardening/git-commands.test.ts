// The analysed repository's config and the
// caller's environment must neither run a program nor redirect git to another repository.
import { existsSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import { MISSING_BLOBS_NOTE } from '../../analyzer/history/logRun';
import { listTrackedIndex } from '../../analyzer/collect/tracked-files';
import { cli } from '../fixtures/cli';
import { gitEnv } from '../fixtures/repo';
import { boundariesRepo } from '../fixtures/boundaries';
import { scratch } from '../fixtures/scratch';
import { execFileSync } from 'node:child_process';

const { repoOf, tempDir } = scratch('conway-git-');
const saved = { ...process.env };
afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
});

/** Config entries that each make git run `touch <marker>` when honoured. */
function plantPrograms(git: (...a: string[]) => string, dir: string, marker: string): void {
  const run = `touch ${marker}; false`;
  git('config', 'core.fsmonitor', run);
  git('config', 'core.hooksPath', dir); // with a post-index-change hook below
  git('config', 'diff.external', run);
  git('config', 'diff.evil.textconv', run);
  git('config', 'diff.evil.command', run);
  git('config', 'filter.evil.clean', `touch ${marker}; cat`);
  git('config', 'filter.evil.process', run);
  git('config', 'log.showSignature', 'true');
  git('config', 'gpg.program', run);
  git('config', 'core.pager', run);
  writeFileSync(join(dir, 'post-index-change'), `#!/bin/sh\n${run}\n`, { mode: 0o755 });
  writeFileSync(join(dir, '.git/info/attributes'), '* diff=evil filter=evil\n');
}

describe('git runs no program named by the repository', () => {
  it('analyze (twice, so the second reads work-tree changes with ls-files -m), validate and who run none', async () => {
    const r = repoOf([
      { files: { CODEOWNERS: '* @acme/core\n', 'src/a.ts': "import './b';\n", 'src/b.ts': 'export {};\n' } },
      { files: { 'src/b.ts': 'export const b = 1;\n' } },
    ]);
    const marker = join(tempDir(), 'ran');
    plantPrograms(r.git, r.dir, marker);
    const cacheDir = tempDir();
    const first = await analyzeRepo(r.dir, { cacheDir });
    writeFileSync(join(r.dir, 'src/a.ts'), "import './b';\n"); // same content, new mtime: git compares content
    const second = await analyzeRepo(r.dir, { cacheDir });
    expect(second.window.commits).toBe(2);
    expect(second.graph?.edges).toBe(first.graph?.edges);
    expect((await cli(['validate', '--repo', r.dir])).code).toBe(0);
    expect((await cli(['who', '--repo', r.dir, 'src/a.ts'])).code).toBe(0);
    expect(existsSync(marker)).toBe(false);
  });

  it('a filter process from the config does not run when ls-files compares content', async () => {
    const r = repoOf([{ files: { 'a.txt': 'a\n' } }]);
    const marker = join(tempDir(), 'ran');
    plantPrograms(r.git, r.dir, marker);
    writeFileSync(join(r.dir, 'a.txt'), 'a\n');
    const index = await listTrackedIndex(r.dir, { modified: true });
    expect(index.files).toEqual(['a.txt']);
    expect(existsSync(marker)).toBe(false);
  });
});

describe('the environment does not redirect git', () => {
  it('GIT_DIR, GIT_WORK_TREE and GIT_INDEX_FILE from a hook do not replace --repo', async () => {
    const wanted = boundariesRepo();
    const other = repoOf([{ files: { 'x.ts': 'x\n' } }]);
    Object.assign(process.env, {
      GIT_DIR: join(other.dir, '.git'),
      GIT_WORK_TREE: other.dir,
      GIT_INDEX_FILE: join(other.dir, '.git/index'),
      GIT_OBJECT_DIRECTORY: join(other.dir, '.git/objects'),
    });
    try {
      const r = await cli(['analyze', '--repo', wanted.dir, '--no-cache']);
      expect(r.code).toBe(0);
      const report = JSON.parse(r.stdout);
      expect(report.window.commits).toBe(4);
      expect(report.files.map((f: { path: string }) => f.path)).toContain('billing/charge.ts');
    } finally {
      wanted.cleanup();
    }
  });
});

describe('partial clones never fetch', () => {
  function partialClone() {
    const origin = repoOf([
      { files: { 'a.ts': 'a\n'.repeat(20), 'b.ts': 'b\n' } },
      { files: { 'a.ts': 'a\n'.repeat(21) } },
      { files: { 'b.ts': 'b\nb\n' } },
    ]);
    origin.git('config', 'uploadpack.allowFilter', 'true');
    const dir = join(tempDir(), 'clone');
    execFileSync('git', ['clone', '-q', '--filter=blob:none', `file://${origin.dir}`, dir], {
      env: gitEnv(),
      stdio: 'ignore',
    });
    const packs = () => readdirSync(join(dir, '.git/objects/pack')).sort();
    return { origin, dir, packs };
  }

  it('with the remote reachable: no new pack, the missing-blob fallback and its note', async () => {
    const { dir, packs } = partialClone();
    const before = packs();
    const r = await cli(['analyze', '--repo', dir, '--no-cache']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`note: ${MISSING_BLOBS_NOTE}`);
    expect(JSON.parse(r.stdout).window.commits).toBe(3);
    expect(packs()).toEqual(before);
  });

  it('with the remote gone: the same answer, not an internal error', async () => {
    const { origin, dir } = partialClone();
    renameSync(origin.dir, `${origin.dir}.gone`);
    try {
      const r = await cli(['analyze', '--repo', dir, '--no-cache']);
      expect(r).toMatchObject({ code: 0 });
      expect(r.stderr).toContain(`note: ${MISSING_BLOBS_NOTE}`);
    } finally {
      renameSync(`${origin.dir}.gone`, origin.dir);
    }
  });
});
