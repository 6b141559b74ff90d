// The gate does not cry wolf: `conway check` passes a change that added nothing it gates —
// a cycle whose example edge moved, a second require of an already-imported file, a window that
// moved over history (drift is gated only with --gate-history).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../fixtures/cli';
import { ANN, BOB, makeRepo, type Repo } from '../fixtures/repo';

const repos: Repo[] = [];
afterAll(() => repos.forEach((r) => r.cleanup()));
const out = mkdtempSync(join(tmpdir(), 'conway-gate-'));

const TEAMS = [
  'teams:',
  '  a: { owners: ["@o/a"], members: ["ann@acme.io"] }',
  '  b: { owners: ["@o/b"], members: ["bob@acme.io"] }',
  '',
].join('\n');

function twoTeams(files: Record<string, string>, date = '2024-01-01T10:00:00Z'): Repo {
  const repo = makeRepo([
    { author: ANN, date, files: { CODEOWNERS: '/a/ @o/a\n/b/ @o/b\n', 'conway.yml': TEAMS, ...files } },
  ]);
  repos.push(repo);
  return repo;
}

async function check(repo: Repo, baseline: string, ...extra: string[]) {
  const r = await cli(['check', '--repo', repo.dir, '--no-cache', '--baseline', baseline, '--json', ...extra]);
  return {
    code: r.code,
    stderr: r.stderr,
    new:
      r.code === 2
        ? []
        : (JSON.parse(r.stdout).new as { kind: string; file: string }[]).map((v) => `${v.kind} ${v.file}`),
  };
}

describe('conway check fingerprints', () => {
  it('keeps a team cycle when its example edge changes', async () => {
    const repo = twoTeams({
      'a/index.ts': "import { b } from '../b';\nexport const a = b;\n",
      'a/x.ts': 'export const x = 1;\n',
      'b/index.ts': "import { x } from '../a/index';\nexport const b = x;\n",
    });
    const baseline = join(out, 'cycle.json');
    await cli(['check', '--repo', repo.dir, '--no-cache', '--baseline', baseline, '--update-baseline']);
    // a/aa.ts sorts before a/index.ts: it becomes the cycle's first example edge.
    repo.commit({ author: ANN, files: { 'a/aa.ts': "import { b } from '../b';\nexport const aa = b;\n" } });
    expect(await check(repo, baseline)).toMatchObject({ code: 0, new: [] });
  });

  it('does not count a second require of an already-imported file as new', async () => {
    const repo = twoTeams({
      'a/x.js': "const y = require('../b/y.js');\nmodule.exports = y;\n",
      'b/index.js': 'module.exports = 1;\n',
      'b/y.js': 'module.exports = 2;\n',
    });
    const baseline = join(out, 'again.json');
    await cli(['check', '--repo', repo.dir, '--no-cache', '--baseline', baseline, '--update-baseline']);
    repo.commit({
      author: ANN,
      files: {
        'a/x.js': "const y = require('../b/y.js');\nconst z = require('../b/y.js');\nmodule.exports = y + z;\n",
      },
    });
    expect(await check(repo, baseline)).toMatchObject({ code: 0, new: [] });
    // A new importing file is a new deep import.
    repo.commit({ author: ANN, files: { 'a/w.js': "module.exports = require('../b/y.js');\n" } });
    expect((await check(repo, baseline)).new).toEqual(['deep-import a/w.js']);
  });

  it('gates drift, which moves with the window, only with --gate-history', async () => {
    // b/f.ts, owned by b: ann (team a) creates it, bob (b) changes it 3 times in January 2024,
    // ann 3 times in June: b made 3 of 7 changes (≥ 1/3), no drift.
    const repo = twoTeams({ 'b/f.ts': '0\n' }, '2024-01-01T10:00:00Z');
    for (const d of ['02', '03', '04'])
      repo.commit({ author: BOB, date: `2024-01-${d}T10:00:00Z`, files: { 'b/f.ts': `b${d}\n` } });
    for (const d of ['02', '03', '04'])
      repo.commit({ author: ANN, date: `2024-06-${d}T10:00:00Z`, files: { 'b/f.ts': `a${d}\n` } });
    const baseline = join(out, 'drift.json');
    await cli([
      'check',
      '--repo',
      repo.dir,
      '--no-cache',
      '--baseline',
      baseline,
      '--update-baseline',
      '--gate-history',
    ]);
    // An unrelated commit moves the default window (12 months before HEAD) past bob's changes: drift appears.
    repo.commit({ author: ANN, date: '2025-03-01T10:00:00Z', files: { 'a/readme.md': 'hi\n' } });
    const plain = await check(repo, baseline);
    expect(plain).toMatchObject({ code: 0, new: [] });
    expect(plain.stderr).toContain('1 history-based violation (ownership-drift) not gated');
    expect(await check(repo, baseline, '--gate-history')).toMatchObject({ code: 1, new: ['ownership-drift b/f.ts'] });
  });
});
