// Writes where none belong (docs/security.md): --out and --update-baseline write through links and
// devices and rename only over regular files; the cache never lands in the repository and
// --no-cache never touches it; a failed write leaves no temp file and exits 2.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { boundariesRepo } from '../fixtures/boundaries';
import { cli } from '../fixtures/cli';
import { cliBundle, shell } from '../fixtures/cli-process';
import type { Repo } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';
import { SCHEMA_VERSION } from '../../analyzer/contract/report';

const { tempDir } = scratch('conway-writes-');
let repo: Repo;
beforeAll(() => {
  repo = boundariesRepo();
  cliBundle();
  return () => repo.cleanup();
});
const saved = { ...process.env };
afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
});

describe('--out', () => {
  it('writes through a symlink to a regular file: the link stays a link', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'real.json'), 'old');
    symlinkSync(join(dir, 'real.json'), join(dir, 'link.json'));
    const r = await cli(['analyze', '--repo', repo.dir, '--no-cache', '--out', join(dir, 'link.json')]);
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'real.json'), 'utf8')).schemaVersion).toBe(SCHEMA_VERSION);
    expect(readdirSync(dir).sort()).toEqual(['link.json', 'real.json']);
  });

  it('writes through a link to a device and into a FIFO without replacing either', async () => {
    const dir = tempDir();
    symlinkSync('/dev/null', join(dir, 'null'));
    expect((await cli(['analyze', '--repo', repo.dir, '--no-cache', '--out', join(dir, 'null')])).code).toBe(0);
    expect(lstatSync(join(dir, 'null')).isSymbolicLink()).toBe(true);
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (d) => (got += d));
    const closed = new Promise((res) => reader.on('close', res));
    expect((await cli(['analyze', '--repo', repo.dir, '--no-cache', '--format', 'md', '--out', fifo])).code).toBe(0);
    await closed;
    expect(got).toMatch(/^# Conway report/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('refuses a directory with a clear error', async () => {
    const dir = tempDir();
    const r = await cli(['analyze', '--repo', repo.dir, '--no-cache', '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`ERROR: cannot write ${dir}: it is a directory — give a file name\n`);
  });

  it('a write that fails half-way (file size limit) exits 2 and leaves no temp file', () => {
    const dir = tempDir();
    const r = shell(
      `trap '' XFSZ; ulimit -f 1; $CONWAY analyze --repo '${repo.dir}' --no-cache --out '${dir}/report.json'`,
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^ERROR: cannot write .*report\.json: EFBIG/m);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--update-baseline writes through a symlinked baseline', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'real.json'), '{"version":1,"fingerprints":[]}');
    symlinkSync(join(dir, 'real.json'), join(dir, 'baseline.json'));
    const r = await cli([
      'check',
      '--repo',
      repo.dir,
      '--no-cache',
      '--baseline',
      join(dir, 'baseline.json'),
      '--update-baseline',
    ]);
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, 'baseline.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'real.json'), 'utf8')).fingerprints.length).toBeGreaterThan(0);
  });
});

describe('stdout', () => {
  it('a reader that goes away (| true, | head) ends the output quietly', () => {
    const dir = tempDir();
    const r = shell(
      `{ $CONWAY analyze --repo '${repo.dir}' --no-cache --format html 2>'${dir}/err'; echo $? > '${dir}/status'; } | true`,
    );
    expect(r.stdout).toBe('');
    expect(readFileSync(join(dir, 'err'), 'utf8')).not.toMatch(/ERROR|EPIPE|    at /);
    expect(readFileSync(join(dir, 'status'), 'utf8').trim()).toBe('0');
  });

  it('a full disk is `ERROR: cannot write output`, exit 2', () => {
    const r = shell(`$CONWAY analyze --repo '${repo.dir}' --no-cache > /dev/full`);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^ERROR: cannot write output: ENOSPC/m);
    expect(r.stderr).not.toContain('    at ');
  });
});

describe('the cache', () => {
  it('a relative XDG_CACHE_HOME is ignored: nothing is created in the repository (the working directory)', async () => {
    const home = tempDir();
    Object.assign(process.env, { XDG_CACHE_HOME: '.cache', HOME: home });
    const r = await cli(['analyze'], repo.dir);
    expect(r.code).toBe(0);
    expect(existsSync(join(repo.dir, '.cache'))).toBe(false);
    expect(repo.git('status', '--porcelain', '--ignored')).toBe('');
    expect(readdirSync(join(home, '.cache', 'conway'))).toContain('history');
  });

  it('--no-cache never touches the cache directory', async () => {
    const cache = tempDir();
    process.env.XDG_CACHE_HOME = cache;
    expect((await cli(['analyze', '--repo', repo.dir, '--no-cache'])).code).toBe(0);
    expect(readdirSync(cache)).toEqual([]);
  });

  it('a file where the cache directory belongs, or an unwritable HOME, only costs a re-mine', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), '');
    process.env.XDG_CACHE_HOME = join(dir, 'file');
    const a = await cli(['analyze', '--repo', repo.dir]);
    delete process.env.XDG_CACHE_HOME;
    process.env.HOME = '/proc'; // not writable even for root
    const b = await cli(['analyze', '--repo', repo.dir]);
    for (const r of [a, b]) {
      expect(r.code).toBe(0);
      expect(r.stderr).not.toMatch(/ERROR|cache/);
      expect(JSON.parse(r.stdout).window.commits).toBe(4);
    }
  });

  it('the executable (dist/cli.js, with its code cache) exits under an unwritable HOME and writes nothing with --no-cache', () => {
    const CLI = join(__dirname, '../../dist/cli.js');
    expect(existsSync(CLI), 'build first: npm run build').toBe(true);
    const proc = spawnSync(process.execPath, [CLI, 'who', '--help'], {
      env: { ...process.env, HOME: '/proc', XDG_CACHE_HOME: '' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(proc.status).toBe(0);
    const cache = tempDir();
    const r = spawnSync(process.execPath, [CLI, 'analyze', '--repo', repo.dir, '--no-cache', '--no-imports'], {
      env: { ...process.env, XDG_CACHE_HOME: cache },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(0);
    expect(readdirSync(cache)).toEqual([]);
  });

  it('a cache directory that cannot hold the file (size limit) only costs a re-mine', () => {
    const cache = tempDir();
    mkdirSync(join(cache, 'conway'));
    const r = shell(`trap '' XFSZ; ulimit -f 1; $CONWAY analyze --repo '${repo.dir}'`, { XDG_CACHE_HOME: cache });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).window.commits).toBe(4);
    // The mined history (over the limit) was not kept; what was kept is whole: the small merges
    // entry (history/merges.ts) fits, and no file is left cut off half-way.
    for (const f of readdirSync(join(cache, 'conway', 'history'))) {
      const lines = readFileSync(join(cache, 'conway', 'history', f), 'utf8')
        .trim()
        .split('\n');
      for (const l of lines) expect(() => JSON.parse(l), f).not.toThrow();
      expect(lines.length, f).toBe(1);
    }
  });
});
