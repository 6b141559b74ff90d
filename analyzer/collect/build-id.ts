// The id of the running Conway build, for caches of computed results (pipeline/teamwork-cache.ts):
// another build must never read them. esbuild.mjs defines it (a hash of the analyzer's sources and
// package.json); run from source (the tests), it is a hash of the analyzer's sources read now.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Defined by esbuild.mjs: a hash of the analyzer's sources and package.json; absent when run from source (tests). */
declare const __CONWAY_BUILD__: string | undefined;
let build: string | undefined;
/** The build's id; run from source, a hash of the analyzer's sources now (an edited pass is another key). */
export function buildId(): string {
  return (build ??= typeof __CONWAY_BUILD__ === 'string' ? __CONWAY_BUILD__ : sourceHash(join(__dirname, '..')));
}

function sourceHash(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith('.ts')) h.update(p).update(readFileSync(p));
    }
  };
  try {
    walk(dir);
  } catch {
    return `source-${Date.now()}`; // unreadable sources: never reuse an entry
  }
  return `source-${h.digest('hex').slice(0, 16)}`;
}
