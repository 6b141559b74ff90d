// Runs the extension's integration tests inside a real VS Code (docs/architecture.md, "Tests"):
// the VS Code server from `code-server` under Node 24, driven by headless Debian Chromium through
// playwright-core. The in-editor suites (suite/*.js) run in the real extension host; VS Code
// reports their exit code back to the page. Two runs: a trusted workspace and an untrusted one.
// Prints a closing `N passed, N failed` line; screenshots go to test-output/.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { NODE24, SERVER_MAIN } from '../../scripts/editor-setup.mjs';

const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const out = join(root, 'test-output');
mkdirSync(out, { recursive: true });

async function freePort() {
  return new Promise((res) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

async function fixtures() {
  const file = join(root, 'test/editor/.out/fixture.cjs');
  await esbuild.build({
    entryPoints: [join(root, 'test/editor/fixture.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: file,
    logLevel: 'warning',
  });
  // The generated organisation-scale reports, for the suites to load in the extension host.
  await esbuild.build({
    entryPoints: [join(root, 'test/fixtures/scale-report.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: join(root, 'test/editor/.out/scale-report.cjs'),
    logLevel: 'warning',
  });
  return createRequire(import.meta.url)(file);
}

async function makeWorkspace() {
  return (await fixtures()).makeWorkspace();
}

/** Installs a VSIX into the server's extension folder, as `code --install-extension` does. */
function installVsix(vsix, dirs) {
  const r = spawnSync(NODE24, [SERVER_MAIN, '--install-extension', vsix, '--accept-server-license-terms', ...dirs], {
    encoding: 'utf8',
  });
  if (r.status !== 0 || !/successfully installed/.test(r.stdout))
    throw new Error(`installing ${vsix} failed: ${r.stdout}${r.stderr}`);
}

async function startServer(port, trusted, vsix) {
  const tmp = mkdtempSync(join(tmpdir(), 'conway-vscode-'));
  const dirs = [
    '--user-data-dir',
    join(tmp, 'user'),
    '--server-data-dir',
    join(tmp, 'server'),
    '--extensions-dir',
    join(tmp, 'ext'),
  ];
  if (vsix) installVsix(vsix, dirs);
  const args = [
    SERVER_MAIN,
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--enable-smoke-test-driver',
    '--disable-telemetry',
    ...dirs,
  ];
  if (trusted) args.push('--disable-workspace-trust');
  const server = spawn(NODE24, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout.on('data', () => undefined);
  server.stderr.on('data', () => undefined);
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`http://127.0.0.1:${port}/`).then(
        () => true,
        () => false,
      )
    )
      return server;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the VS Code server did not start');
}

/**
 * The VSIX `npm run package` builds, and an empty extension to develop: VS Code runs a test
 * module only for an extension under development, and this one leaves the installed Conway alone.
 */
function packagedConway() {
  const dir = mkdtempSync(join(tmpdir(), 'conway-vsix-'));
  const vsix = join(dir, 'conway.vsix');
  const r = spawnSync(process.execPath, [join(root, 'scripts/package-vsix.mjs'), '--out', vsix], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`npm run package failed: ${r.stdout}${r.stderr}`);
  const host = join(dir, 'test-host');
  mkdirSync(host);
  writeFileSync(
    join(host, 'package.json'),
    JSON.stringify({ name: 'conway-test-host', publisher: 'conway-test', version: '0.0.0', engines: { vscode: '*' } }),
  );
  return { dir, vsix, host };
}

async function runSuite(name, suite, trusted, workspace, query = `folder=${encodeURIComponent(workspace)}`, opts = {}) {
  const port = await freePort();
  const packaged = opts.vsix ? packagedConway() : null;
  const server = await startServer(port, trusted, packaged?.vsix);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const stats = { passed: 0, failed: 0 };
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let done;
    const exited = new Promise((r) => (done = r));
    const shots = [];
    await page.exposeFunction('codeAutomationExit', (code) => done(code));
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const line = (Array.isArray(args) ? args : [args])
        .map((a) => (typeof a === 'string' ? a : JSON.stringify(a)))
        .join(' ');
      if (!line.includes('[conway-test]')) return;
      const text = line.slice(line.indexOf('[conway-test]') + 14);
      console.log(`  ${text}`);
      // SCROLL <css>: bring an element of a webview (an iframe of the workbench) into view for the next screenshot.
      const scroll = /^SCROLL (.+)$/.exec(text);
      if (scroll) shots.push(scrollTo(page, scroll[1]));
      const shot = /^SCREENSHOT (\S+)/.exec(text);
      if (shot)
        shots.push(
          page
            .screenshot({ path: join(out, `${shot[1]}.png`) })
            .catch((e) => console.log(`  screenshot failed: ${e.message}`)),
        );
      const m = /^(\d+) passed, (\d+) failed$/.exec(text);
      if (m) [stats.passed, stats.failed] = [Number(m[1]), Number(m[2])];
    });
    page.on(
      'console',
      (m) =>
        m.type() === 'error' &&
        /conway|dashboard|webview/i.test(m.text()) &&
        console.log(`  [page error] ${m.text().slice(0, 300)}`),
    );
    page.on('pageerror', (e) => console.log(`  [page exception] ${e.message.slice(0, 300)}`));
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(packaged ? packaged.host : root)],
      ['extensionTestsPath', remote(join(root, 'test/editor/suite', suite))],
      ['skipWelcome', 'true'],
    ];
    console.log(`${name}: VS Code server on port ${port}, workspace ${workspace}`);
    await page.goto(`http://127.0.0.1:${port}/?${query}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 240_000))]);
    await Promise.all(shots);
    if (code === 'timeout') {
      await page.screenshot({ path: join(out, `${name}-timeout.png`) });
      console.log(`  ${name}: timed out (screenshot in test-output/${name}-timeout.png)`);
      stats.failed = Math.max(1, stats.failed);
    } else if (code !== 0 && stats.failed === 0) stats.failed = 1;
  } finally {
    await browser.close();
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    if (packaged) rmSync(packaged.dir, { recursive: true, force: true });
  }
  return stats;
}

async function scrollTo(page, css) {
  for (const frame of page.frames()) {
    const found = await frame.$(css).catch(() => null);
    if (found) return found.scrollIntoViewIfNeeded().catch(() => undefined);
  }
  console.log(`  scroll: nothing matches ${css}`);
}

/** Two fixture repositories as one multi-root workspace. */
async function makeMultiRoot() {
  const [a, b] = [await makeWorkspace(), await makeWorkspace()];
  const file = join(mkdtempSync(join(tmpdir(), 'conway-multiroot-')), 'two.code-workspace');
  writeFileSync(
    file,
    JSON.stringify({
      folders: [
        { path: a, name: 'first' },
        { path: b, name: 'second' },
      ],
      settings: { 'conway.history.since': '' },
    }),
  );
  return file;
}

const total = { passed: 0, failed: 0 };
const runs = [
  ['trusted', 'trusted.js', true, async () => [await makeWorkspace()]],
  ['untrusted', 'untrusted.js', false, async () => [(await fixtures()).makeSnapshotWorkspace()]],
  ['snapshots', 'snapshots.js', true, async () => [(await fixtures()).makeSnapshotWorkspace()]],
  // The same History views from the VSIX as a user installs it (npm run package, --install-extension).
  ['vsix', 'vsix.js', true, async () => [(await fixtures()).makeSnapshotWorkspace(), undefined, { vsix: true }]],
  ['surfaces', 'surfaces.js', true, async () => [(await fixtures()).makeReviewGroupWorkspace()]],
  ['review', 'review.js', true, async () => [await makeWorkspace()]],
  [
    'multi-root',
    'multiroot.js',
    true,
    async () => {
      const ws = await makeMultiRoot();
      return [ws, `workspace=${encodeURIComponent(ws)}`];
    },
  ],
];
const only = process.argv.slice(2);
for (const [name, suite, trusted, make] of runs.filter(([name]) => !only.length || only.includes(name))) {
  const s = await runSuite(name, suite, trusted, ...(await make()));
  total.passed += s.passed;
  total.failed += s.failed;
}
console.log(`editor tests: ${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed ? 1 : 0);
