// Temp files of atomic writes never outlive their run: a signal removes the live ones (and still
// ends the process by that signal), and the next write removes those a killed run left behind.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { shell } from '../fixtures/cli-process';
import { scratch } from '../fixtures/scratch';

const { repoOf, tempDir } = scratch('conway-temp-');
/** A pid no process has (above Linux's pid_max limit of 2^22). */
const GONE = 4_194_400;

describe('a signal during a write', () => {
  it.each(['SIGINT', 'SIGTERM'])('%s removes the tracked temp file and ends the process by that signal', (signal) => {
    const dir = tempDir();
    const mod = join(dir, 'temp-files.js');
    buildSync({
      entryPoints: [resolve(__dirname, '../../analyzer/collect/temp-files.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: mod,
      logLevel: 'warning',
    });
    const tmp = join(dir, `out.json.${GONE}.tmp`);
    const script = `const t = require(${JSON.stringify(mod)}); require('fs').writeFileSync(${JSON.stringify(tmp)}, 'half'); t.trackTemp(${JSON.stringify(tmp)}); process.kill(process.pid, '${signal}'); setTimeout(() => {}, 5000);`;
    const r = spawnSync(process.execPath, ['-e', script], { timeout: 10_000 });
    expect(r.signal).toBe(signal);
    expect(existsSync(tmp)).toBe(false);
  });
});

describe('stale temp files of killed runs', () => {
  it("the next --out write and cache write remove them; a live run's temp file stays", () => {
    const r = repoOf([{ files: { 'a.ts': "import './b';\n", 'b.ts': 'export {};\n' } }]);
    const out = tempDir();
    const cache = tempDir();
    const stale = [join(out, `.report.json.${GONE}.0a1b2c3d.tmp`)];
    const live = join(out, `.report.json.${process.pid}.0a1b2c3d.tmp`);
    for (const f of [...stale, live]) writeFileSync(f, 'half');
    const first = shell(`$CONWAY analyze --repo '${r.dir}' --out '${join(out, 'report.json')}'`, {
      XDG_CACHE_HOME: cache,
    });
    expect(first.status).toBe(0);
    const history = join(cache, 'conway/history');
    const [cached] = readdirSync(history);
    writeFileSync(join(history, `${cached}.${GONE}.tmp`), 'half');
    r.commit({ files: { 'b.ts': 'export const b = 1;\n' } });
    expect(
      shell(`$CONWAY analyze --repo '${r.dir}' --out '${join(out, 'report.json')}'`, { XDG_CACHE_HOME: cache }).status,
    ).toBe(0);
    expect(readdirSync(out).sort()).toEqual([`.report.json.${process.pid}.0a1b2c3d.tmp`, 'report.json']);
    expect(readdirSync(history).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
