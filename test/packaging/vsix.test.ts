// The packaged extension carries DuckDB: `npm run package` (scripts/package-vsix.mjs) is run
// into a temp folder, the VSIX unzipped, and the unpacked extension's own dist/worker.js — the
// process the editor forks — asked for a folder's trend from a database `conway snapshot` wrote.
// The unpacked copy lives outside the checkout, so nothing but what the VSIX holds can be loaded.
import { fork, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FromWorker } from '../../analyzer/protocol';
import { boundariesRepo } from '../fixtures/boundaries';
import { cli } from '../fixtures/cli';
import { CAT } from '../fixtures/repo';

const root = join(__dirname, '../..');

// yauzl (vsce reads VSIXs with it) has no type declarations here: the little of it this test uses.
interface ZipEntry {
  fileName: string;
}
interface ZipFile {
  readEntry(): void;
  on(event: 'entry', f: (e: ZipEntry) => void): void;
  on(event: 'end', f: () => void): void;
  on(event: 'error', f: (e: Error) => void): void;
  openReadStream(e: ZipEntry, f: (err: Error | null, s: NodeJS.ReadableStream) => void): void;
}
const yauzl = createRequire(require.resolve('@vscode/vsce/package.json'))('yauzl') as {
  open(path: string, o: { lazyEntries: boolean }, f: (err: Error | null, z: ZipFile) => void): void;
};

/** Unzips `file` into `dir`; returns the entries' names. */
function unzip(file: string, dir: string): Promise<string[]> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const names: string[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(names));
      zip.on('entry', (entry) => {
        names.push(entry.fileName);
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            const to = join(dir, entry.fileName);
            mkdirSync(dirname(to), { recursive: true });
            writeFileSync(to, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    }),
  );
}

/** Asks the worker at `script` for the snapshot trend of `repoRoot` in `db`, as the extension does. */
function askWorker(script: string, repoRoot: string, db: string): Promise<FromWorker> {
  const env = { ...process.env };
  delete env.NODE_PATH;
  const child = fork(script, [], {
    cwd: dirname(script),
    env,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    execArgv: [],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d));
  return new Promise<FromWorker>((resolve, reject) => {
    child.on('message', (m) => resolve(m as FromWorker));
    child.on('exit', (code) => reject(new Error(`worker exited (${code}) without answering: ${stderr}`)));
    child.send({ id: 1, type: 'snapshot-trend', root: repoRoot, db });
  }).finally(() => child.kill());
}

// This machine's VS Code target and DuckDB binding, told apart on Linux by the C library as DuckDB's loader does.
const musl =
  process.platform === 'linux' && (require('detect-libc') as { familySync(): string | null }).familySync() === 'musl';
const hostTarget = `${musl ? 'alpine' : process.platform}-${process.arch}`;
const hostBinding = `@duckdb/node-bindings-${process.platform}-${process.arch}${musl ? '-musl' : ''}`;

/** Runs the package script; input errors must come out as one line, never a stack trace. */
function packageScript(...args: string[]) {
  return spawnSync(process.execPath, [join(root, 'scripts/package-vsix.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
}

describe('the packaged VSIX', () => {
  const dir = mkdtempSync(join(tmpdir(), 'conway-vsix-test-'));
  const vsix = join(dir, 'out', 'conway.vsix');
  const unpacked = join(dir, 'unpacked');
  let entries: string[] = [];

  beforeAll(async () => {
    const r = packageScript('--out', vsix);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Conway for ${hostTarget}, with ${hostBinding}@`);
    entries = await unzip(vsix, unpacked);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("holds DuckDB's runtime packages for this platform and nothing else of node_modules", () => {
    const packages = new Set(
      entries
        .filter((e) => e.startsWith('extension/node_modules/'))
        .map((e) => /^extension\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(e)![1]),
    );
    expect([...packages].sort()).toEqual(['@duckdb/node-api', '@duckdb/node-bindings', hostBinding, 'detect-libc']);
    expect(entries).toContain(`extension/node_modules/${hostBinding}/duckdb.node`);
    expect(entries.filter((e) => e.endsWith('.d.ts') || e.endsWith('.map'))).toEqual([]);
    // The CLI's bundles are not the extension's; the editor forks dist/worker.js.
    expect(entries.filter((e) => e.startsWith('extension/dist/') && e.endsWith('.js')).sort()).toEqual([
      'extension/dist/extension.js',
      'extension/dist/webview/dashboard.js',
      'extension/dist/worker.js',
    ]);
    expect(readFileSync(join(unpacked, 'extension.vsixmanifest'), 'utf8')).toContain(`TargetPlatform="${hostTarget}"`);
  });

  it("the unpacked extension's worker reads a snapshot database's team series, and says so without DuckDB", async () => {
    const repo = boundariesRepo();
    try {
      const db = join(dir, 'history.duckdb');
      const snapshot = async (name: string) => {
        const out = join(dir, `${name}.json`);
        expect((await cli(['analyze', '--repo', repo.dir, '--since', 'all', '--no-cache', '--out', out])).code).toBe(0);
        expect((await cli(['snapshot', '--db', db, out])).code).toBe(0);
      };
      await snapshot('before');
      repo.commit({
        author: CAT,
        date: '2024-03-01T10:00:00Z',
        files: { 'web/page.ts': "import { db } from '../core/db/internal';\nexport const page = db;\n" },
      });
      await snapshot('after');

      const worker = join(unpacked, 'extension/dist/worker.js');
      const answer = await askWorker(worker, repo.dir, db);
      expect(answer.type, JSON.stringify(answer)).toBe('snapshot-trend');
      if (answer.type !== 'snapshot-trend') return;
      expect(answer.trend.snapshots.map((s) => s.asOf)).toEqual(['2024-02-04', '2024-03-01']);
      expect(answer.trend.teams.map((t) => t.id)).toEqual(['billing', 'core', 'web']);
      // web imports billing's internals, then core's too.
      expect(answer.trend.teams.find((t) => t.id === 'web')!.points.map((p) => p?.efferent)).toEqual([1, 2]);

      // The same worker without the VSIX's node_modules finds no DuckDB anywhere else.
      rmSync(join(unpacked, 'extension/node_modules'), { recursive: true });
      const bare = await askWorker(worker, repo.dir, db);
      expect(bare.type).toBe('error');
      expect(bare.type === 'error' && bare.message).toMatch(
        new RegExp(`conway.snapshotDb ${db.replace(/[.\\/]/g, '\\$&')}: DuckDB .* is not installed`),
      );
    } finally {
      repo.cleanup();
    }
  }, 60_000);
});

describe('the package script on bad input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'conway-vsix-input-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const expectError = (r: ReturnType<typeof packageScript>, message: RegExp) => {
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  };

  it('names the targets DuckDB has a binding for', () => {
    expectError(
      packageScript('--target', 'linux-armhf'),
      /^package-vsix: --target linux-armhf: DuckDB has no binding for this VS Code target; use one of linux-x64, .*win32-arm64\n$/,
    );
  });

  it("says how to fetch another platform's binding, and refuses one of the wrong platform or version", () => {
    const version = (require('@duckdb/node-bindings/package.json') as { version: string }).version;
    // A platform that is not this one: npm installed only this one's binding.
    const target = process.platform === 'darwin' ? 'win32-x64' : 'darwin-arm64';
    const other = target; // for these two targets the binding has the target's name
    expectError(
      packageScript('--target', target),
      new RegExp(
        `@duckdb/node-bindings-${other} is not in node_modules .*npm pack @duckdb/node-bindings-${other}@${version}`,
      ),
    );
    expectError(
      packageScript('--target', target, '--binding', join(dir, 'none.tgz')),
      /--binding .*none\.tgz: no such file/,
    );
    // An npm-pack-shaped tarball of the right package at another version.
    mkdirSync(join(dir, 'package'));
    writeFileSync(
      join(dir, 'package/package.json'),
      JSON.stringify({ name: `@duckdb/node-bindings-${other}`, version: '0.0.1' }),
    );
    spawnSync('tar', ['-czf', join(dir, 'old.tgz'), '-C', dir, 'package']);
    expectError(
      packageScript('--target', target, '--binding', join(dir, 'old.tgz')),
      new RegExp(
        `old\\.tgz is @duckdb/node-bindings-${other}@0\\.0\\.1, expected @duckdb/node-bindings-${other}@${version.replace(/\./g, '\\.')}`,
      ),
    );
    writeFileSync(join(dir, 'junk.tgz'), 'not a tarball');
    expectError(
      packageScript('--target', target, '--binding', join(dir, 'junk.tgz')),
      /junk\.tgz: not a package tarball/,
    );
  });

  it('refuses an unknown option', () => {
    expectError(packageScript('--platform', 'linux'), /^package-vsix: Unknown option '--platform'/);
  });
});
