// Packages the VS Code extension as a platform-specific VSIX that carries DuckDB (docs/editor.md,
// "Packaging"). The bundles mark `@duckdb/node-api` external (a native module cannot be bundled),
// so dist/worker.js requires it at run time from the node_modules beside the extension; DuckDB's
// native binding is one npm package per platform, hence one VSIX per VS Code target.
//
//   node scripts/package-vsix.mjs [--target T] [--binding FILE.tgz|DIR] [--out FILE.vsix]
//
// --target: a VS Code target (default: this machine's). --binding: the target's
// @duckdb/node-bindings-<platform> package when node_modules does not have it (npm installs only
// this machine's): `npm pack @duckdb/node-bindings-<platform>@<version>` gives the .tgz.
// Everything happens in a staging folder (a production build of dist/ included), so the checkout's
// dist/ and node_modules are never touched; the staged node_modules holds exactly DuckDB's runtime
// packages, which vsce packs as the staged package.json's dependencies.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(join(root, 'package.json'));

/** VS Code target → the DuckDB binding package that runs there. */
export const BINDINGS = {
  'linux-x64': 'linux-x64',
  'linux-arm64': 'linux-arm64',
  'alpine-x64': 'linux-x64-musl',
  'alpine-arm64': 'linux-arm64-musl',
  'darwin-x64': 'darwin-x64',
  'darwin-arm64': 'darwin-arm64',
  'win32-x64': 'win32-x64',
  'win32-arm64': 'win32-arm64',
};

class PackageError extends Error {}

function hostTarget() {
  const musl = process.platform === 'linux' && require('detect-libc').familySync() === 'musl';
  return `${musl ? 'alpine' : process.platform}-${process.arch}`;
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function installed(name) {
  const dir = installedDir(name);
  if (!dir) throw new PackageError(`${name} is not in node_modules: run \`npm install\` first`);
  return dir;
}

function installedDir(name) {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    return null;
  }
}

/** Copies one package into the staged node_modules, checking it is the one asked for. */
function stagePackage(stage, name, from, version) {
  const to = join(stage, 'node_modules', name);
  mkdirSync(dirname(to), { recursive: true });
  if (statSync(from).isDirectory()) cpSync(from, to, { recursive: true, dereference: true });
  else {
    // An `npm pack` tarball: everything under package/.
    mkdirSync(to, { recursive: true });
    try {
      execFileSync('tar', ['-xzf', from, '-C', to, '--strip-components=1'], { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (e) {
      throw new PackageError(
        `${from}: not a package tarball (tar: ${String(e.stderr).trim().split('\n')[0]}) — give the .tgz \`npm pack\` wrote`,
      );
    }
  }
  if (!existsSync(join(to, 'package.json'))) throw new PackageError(`${from}: no package.json — not an npm package`);
  const pkg = readJson(join(to, 'package.json'));
  if (pkg.name !== name || (version && pkg.version !== version))
    throw new PackageError(
      `${from} is ${pkg.name}@${pkg.version}, expected ${name}${version ? `@${version}` : ''} — pass the matching package`,
    );
  return pkg;
}

export function packageVsix({ target = hostTarget(), binding, out, log = console.log } = {}) {
  const platform = BINDINGS[target];
  if (!platform)
    throw new PackageError(
      `--target ${target}: DuckDB has no binding for this VS Code target; use one of ${Object.keys(BINDINGS).join(', ')}`,
    );
  const manifest = readJson(join(root, 'package.json'));
  out = resolve(out ?? join(root, `conway-${target}.vsix`));
  const stage = mkdtempSync(join(tmpdir(), 'conway-vsix-'));
  try {
    // DuckDB's run-time closure, staged first so a wrong or missing binding is said at once: the
    // API, the loader of the native binding, the loader's glibc/musl check, the binding.
    const api = stagePackage(stage, '@duckdb/node-api', installed('@duckdb/node-api'));
    const loader = stagePackage(
      stage,
      '@duckdb/node-bindings',
      installed('@duckdb/node-bindings'),
      api.dependencies['@duckdb/node-bindings'],
    );
    stagePackage(stage, 'detect-libc', installed('detect-libc'));
    const native = `@duckdb/node-bindings-${platform}`;
    const fetch = `run \`npm pack ${native}@${loader.version}\` and pass the .tgz with --binding`;
    let from = installedDir(native);
    if (binding) {
      from = resolve(binding);
      if (!existsSync(from)) throw new PackageError(`--binding ${binding}: no such file or folder — ${fetch}`);
    } else if (!from)
      throw new PackageError(`${native} is not in node_modules (npm installs only this machine's binding): ${fetch}`);
    stagePackage(stage, native, from, loader.optionalDependencies[native]);

    for (const f of ['package.json', 'README.md', '.vscodeignore', 'resources'])
      cpSync(join(root, f), join(stage, f), { recursive: true });
    execFileSync(process.execPath, ['esbuild.mjs', '--production', `--outdir=${join(stage, 'dist')}`], {
      cwd: root,
      stdio: 'inherit',
    });

    // vsce packs a manifest's dependencies (`npm list --production` in the staging folder, where
    // node_modules holds only the packages above) through the .vscodeignore's node_modules lines.
    const { devDependencies: _dev, scripts: _scripts, ...rest } = manifest;
    writeFileSync(
      join(stage, 'package.json'),
      JSON.stringify({ ...rest, dependencies: { '@duckdb/node-api': api.version } }, null, 2),
    );
    // README's links to docs/ stay relative: the manifest names no repository to point them to.
    const vsce = join(installed('@vscode/vsce'), 'vsce');
    mkdirSync(dirname(out), { recursive: true });
    const args = ['package', '--target', target, '--dependencies', '--allow-missing-repository'];
    args.push('--no-rewrite-relative-links', '--skip-license', '-o', out);
    try {
      execFileSync(process.execPath, [vsce, ...args], { cwd: stage, stdio: ['ignore', 'pipe', 'inherit'] });
    } catch (e) {
      throw new PackageError(`vsce package failed (its message is above): ${e.message.split('\n')[0]}`);
    }
    log(`${out}: Conway for ${target}, with ${native}@${loader.version} (${(statSync(out).size / 1e6).toFixed(1)} MB)`);
    return out;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { values } = parseArgs({
      options: { target: { type: 'string' }, binding: { type: 'string' }, out: { type: 'string' } },
    });
    packageVsix(values);
  } catch (e) {
    if (!(e instanceof PackageError) && !e.code?.startsWith?.('ERR_PARSE_ARGS')) throw e;
    console.error(`package-vsix: ${e.message}`);
    process.exit(1);
  }
}
