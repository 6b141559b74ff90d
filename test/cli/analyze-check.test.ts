// `conway analyze` and `conway check` as a user runs them: formats, --out, the baseline
// workflow, and bad repositories giving one clear message each.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundariesRepo } from '../fixtures/boundaries';
import { cli } from '../fixtures/cli';
import { makeRepo, type Repo } from '../fixtures/repo';

let repo: Repo;
const out = mkdtempSync(join(tmpdir(), 'conway-out-'));
beforeAll(() => {
  repo = boundariesRepo();
});
afterAll(() => repo.cleanup());

describe('conway analyze', () => {
  it('prints the JSON report by default and Markdown with --format md', async () => {
    const json = await cli(['analyze', '--repo', repo.dir, '--no-cache']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ schemaVersion: 4, window: { commits: 4 } });
    const md = await cli(['analyze', '--repo', repo.dir, '--no-cache', '--format', 'md']);
    // The title names the repository (its directory) and the branch; the window is said under it.
    expect(md.stdout.split('\n')[0]).toBe(`# Conway report — ${basename(repo.dir)} (main)`);
    expect(md.stdout).toMatch(
      /^Window \d{4}-\d\d-\d\d → HEAD: 4 commits, from [0-9a-f]{10} \(2024-01-01\) to [0-9a-f]{10} \(2024-0\d-\d\d\)\.$/m,
    );
  });

  it('writes --out files without touching the repository', async () => {
    const file = join(out, 'report.sarif');
    const r = await cli(['analyze', '--repo', repo.dir, '--no-cache', '--format', 'sarif', '--out', file]);
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe('2.1.0');
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('rejects an unknown format and bad thresholds with exit 2', async () => {
    expect(await cli(['analyze', '--repo', repo.dir, '--format', 'pdf'])).toMatchObject({
      code: 2,
      stderr: 'ERROR: --format pdf: expected one of json, md, html, sarif, codequality\n',
    });
    expect(await cli(['analyze', '--repo', repo.dir, '--min-revs', 'many'])).toMatchObject({
      code: 2,
      stderr: 'ERROR: --min-revs many: expected a non-negative number\n',
    });
  });

  it('gives one clear message for a directory that is not a repository', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'conway-norepo-'));
    const r = await cli(['analyze', '--repo', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`ERROR: ${dir} is not a git repository (run conway inside a clone or pass --repo DIR)\n`);
  });

  it('reports an empty repository as such, not as an error', async () => {
    const empty = makeRepo();
    const r = await cli(['analyze', '--repo', empty.dir, '--no-cache']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('note: the repository has no commits yet');
    expect(JSON.parse(r.stdout).window.commits).toBe(0);
    empty.cleanup();
  });
});

describe('conway check', () => {
  it('fails on violations without a baseline, passes after --update-baseline, fails on a new one', async () => {
    const baseline = join(out, 'baseline.json');
    const first = await cli(['check', '--repo', repo.dir, '--no-cache', '--baseline', baseline]);
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/^Window \d{4}-\d\d-\d\d → HEAD: 4 commits, from [0-9a-f]{10} \(2024-01-01\)/m);
    expect(first.stdout).toContain('  web/app.ts:1: forbidden-dependency: team web may not depend on team billing');
    // Grouped: each finding's heading (rank, kind, title, new of all, changes), its locations indented under it.
    const headings = first.stdout.split('\n').filter((l) => l.startsWith('#'));
    // In rank order; the drift finding (history-based, not gated by default) is left out.
    const ranks = headings.map((l) => Number(/^#(\d+) /.exec(l)?.[1]));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(first.stderr).toContain('note: 1 history-based violation (ownership-drift) not gated');
    for (const h of headings) expect(h).toMatch(/^#\d+ [a-z-]+: .+ \(\d+ new of \d+, \d+ changes in the window\)$/);
    expect(first.stdout).toMatch(/6 new violations in 6 findings \(6 in all, 0 in the baseline\)\n$/);

    expect(
      await cli(['check', '--repo', repo.dir, '--no-cache', '--baseline', baseline, '--update-baseline']),
    ).toMatchObject({ code: 0 });
    expect(JSON.parse(readFileSync(baseline, 'utf8')).fingerprints).toHaveLength(6);
    expect(await cli(['check', '--repo', repo.dir, '--no-cache', '--baseline', baseline])).toMatchObject({
      code: 0,
      stdout: '0 new violations (6 in all, 6 in the baseline)\n',
    });

    repo.commit({ files: { 'web/more.ts': "import { db } from '../core/db/internal';\nexport const more = db;\n" } });
    const after = await cli(['check', '--repo', repo.dir, '--no-cache', '--baseline', baseline, '--json']);
    expect(after.code).toBe(1);
    // web → core is both a deep import and outside web's (empty) dependsOn; the cycle is unchanged.
    expect(JSON.parse(after.stdout).new.map((v: { kind: string; file: string }) => `${v.kind} ${v.file}`)).toEqual([
      'deep-import web/more.ts',
      'forbidden-dependency web/more.ts',
    ]);
  });

  it('rejects a malformed baseline with what to do', async () => {
    const bad = join(out, 'bad.json');
    writeFileSync(bad, '{"fingerprints": 3}');
    const r = await cli(['check', '--repo', repo.dir, '--baseline', bad]);
    expect(r).toMatchObject({ code: 2 });
    expect(r.stderr).toContain(
      'expected {"version": 1, "fingerprints": ["…"]}; regenerate it with `conway check --update-baseline`',
    );
    expect(existsSync(join(repo.dir, 'conway-baseline.json'))).toBe(false);
  });
});
