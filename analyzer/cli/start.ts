// The `conway` executable (dist/cli.js): runs the CLI bundle (dist/conway.js) through V8's code
// cache. Node 20 has no compile cache of its own, and compiling the 10 MB bundle — 9 MB of it
// TypeScript — was a third of a warm `conway review`. The cached compilation lives under the
// user's cache directory (`$XDG_CACHE_HOME/conway/v8`, never in the repository), keyed by Node's
// version, the bundle's size and time and the command; it is written after the command's first
// run (so it holds the functions that run compiled). A missing, stale or rejected cache only costs a normal compile;
// CONWAY_NO_CODE_CACHE=1 turns it off, and so does --no-cache (which never touches the cache directory).
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { Script } from 'node:vm';
import { writeCacheFile } from '../collect/make-dirs';

const bundle = join(__dirname, 'conway.js');
const code = readFileSync(bundle, 'utf8');
const useCache = !process.env.CONWAY_NO_CODE_CACHE && !process.argv.includes('--no-cache');
const cacheFile = useCache ? codeCacheFile() : null;
const cachedData = cacheFile ? readOrNull(cacheFile) : undefined;
const script = new Script(Module.wrap(code), { filename: bundle, cachedData });
if (cacheFile && (!cachedData || script.cachedDataRejected)) process.once('exit', () => save(cacheFile, script));
// The loader's own `module` is `require.main`, so the bundle runs as the main module.
script.runInThisContext().call(module.exports, module.exports, require, module, bundle, __dirname);

/** Under the cache directory as analyzer/history/cache.ts finds it (absolute XDG_CACHE_HOME, else ~/.cache); none without one. */
function codeCacheFile(): string | null {
  const xdg = process.env.XDG_CACHE_HOME;
  const home = process.env.HOME ?? homedir();
  const dir =
    xdg && isAbsolute(xdg) ? join(xdg, 'conway') : home && isAbsolute(home) ? join(home, '.cache', 'conway') : null;
  if (!dir) return null;
  const s = statSync(bundle);
  // One cache per command: each holds the functions its command ran compiled.
  const command = /^[a-z]{1,20}$/.test(process.argv[2] ?? '') ? process.argv[2] : '-';
  const key = createHash('sha256')
    .update([process.version, process.arch, bundle, s.size, s.mtimeMs, command].join('\0'))
    .digest('hex')
    .slice(0, 32);
  return join(dir, 'v8', `${key}.bin`);
}

function readOrNull(file: string): Buffer | undefined {
  try {
    if (!statSync(file).isFile()) return undefined; // a FIFO would block the start
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

function save(file: string, s: Script): void {
  writeCacheFile(file, s.createCachedData()); // a cache that cannot be written only costs a compile next time
}
