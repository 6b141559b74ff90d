// Who a CODEOWNERS person owner is when the window never shows their handle. A handle is known
// from GitHub noreply addresses (`70709113+AlessioGr@users.noreply.github.com`); a maintainer who
// commits with a personal address in the window (payloadcms/payload: `Alessio Gravili
// <github@gravili.net>`) but used the noreply address earlier is found by the full name that
// address was used with. The whole history is read without diffs (a small fraction of mining,
// docs/architecture.md "Performance"), and only when some person owner is missing. The answer
// is kept in the cache directory, keyed by HEAD, the mailmap inputs and the handles asked for
// (a warm run of a 26k-commit repository skipped a 0.4 s `git log`); a shallow clone, whose
// history can deepen under the same HEAD, is always read again. Any cache fault is a miss.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { realPath } from '../collect/file-stats';
import { streamGit } from '../collect/git';
import { writeCacheFile } from '../collect/make-dirs';
import { readTextFile } from '../collect/read-file';
import { noreplyHandle } from './identity';
import { mailmapKey } from './mailmap-key';

export interface HandleName {
  name: string;
  email: string;
  commits: number;
}

/** Where the answer may be kept: the cache directory, and HEAD's commit (none: not kept). */
export interface HandleNamesCache {
  dir: string;
  head: string | null;
  shallow: boolean;
}

const CACHE_VERSION = 1;
const MAX_CACHE_BYTES = 4 * 1024 * 1024;

/** Lowercased handle → the full name (two words or more) most commits used with its noreply address. */
export async function namesOfHandles(
  root: string,
  handles: Iterable<string>,
  signal?: AbortSignal,
  cache?: HandleNamesCache,
): Promise<Map<string, HandleName>> {
  const wanted = new Set([...handles].map((h) => h.replace(/^@/, '').toLowerCase()));
  if (!wanted.size) return new Map();
  const file = cache?.head && !cache.shallow ? await cacheFileOf(root, cache.dir, cache.head, wanted) : null;
  const kept = file ? readKept(file) : null;
  if (kept) return kept;
  const out = await scanHistory(root, wanted, signal);
  if (file) writeCacheFile(file, JSON.stringify([...out]));
  return out;
}

async function scanHistory(root: string, wanted: Set<string>, signal?: AbortSignal): Promise<Map<string, HandleName>> {
  const seen = new Map<string, Map<string, HandleName>>();
  let rest = '';
  const args = ['log', '--use-mailmap', '--no-merges', '--format=%aN%x1f%aE%x1e', 'HEAD', '--'];
  for await (const chunk of streamGit(root, args, { signal })) {
    const records = (rest + chunk).split('\x1e');
    rest = records.pop()!;
    for (const r of records) {
      const [rawName, email = ''] = r.split('\x1f');
      const name = rawName.trim();
      const handle = noreplyHandle(email)?.toLowerCase();
      if (!handle || !wanted.has(handle) || !/\S\s+\S/.test(name)) continue;
      const names = seen.get(handle) ?? seen.set(handle, new Map()).get(handle)!;
      const n = names.get(name) ?? names.set(name, { name, email: email.trim(), commits: 0 }).get(name)!;
      n.commits++;
    }
  }
  const out = new Map<string, HandleName>();
  for (const [h, names] of seen)
    out.set(h, [...names.values()].sort((a, b) => b.commits - a.commits || (a.name < b.name ? -1 : 1))[0]);
  return out;
}

async function cacheFileOf(root: string, dir: string, head: string, wanted: Set<string>): Promise<string> {
  const key = createHash('sha256')
    .update(JSON.stringify([CACHE_VERSION, realPath(root), head, await mailmapKey(root), [...wanted].sort()]))
    .digest('hex');
  return join(dir, 'handles', `${key.slice(0, 32)}.json`);
}

/** The kept answer, or null on any fault (missing, unreadable, not what was written). */
function readKept(file: string): Map<string, HandleName> | null {
  const r = readTextFile(file, MAX_CACHE_BYTES);
  if (r.kind !== 'text') return null;
  try {
    const rows: unknown = JSON.parse(r.text);
    if (!Array.isArray(rows)) return null;
    const out = new Map<string, HandleName>();
    for (const row of rows) {
      if (!Array.isArray(row) || row.length !== 2 || typeof row[0] !== 'string') return null;
      const n = row[1] as Partial<HandleName> | null;
      if (!n || typeof n.name !== 'string' || typeof n.email !== 'string' || typeof n.commits !== 'number') return null;
      out.set(row[0], { name: n.name, email: n.email, commits: n.commits });
    }
    return out;
  } catch {
    return null;
  }
}
