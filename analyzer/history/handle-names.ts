// Who a CODEOWNERS person owner is when the window never shows their handle. A handle is known
// from GitHub noreply addresses (`70709113+AlessioGr@users.noreply.github.com`); a maintainer who
// commits with a personal address in the window (payloadcms/payload: `Alessio Gravili
// <github@gravili.net>`) but used the noreply address earlier is found by the full name that
// address was used with. The whole history is read without diffs (a small fraction of mining,
// docs/architecture.md "Performance"), and only when some person owner is missing.
import { streamGit } from '../collect/git';
import { noreplyHandle } from './identity';

export interface HandleName {
  name: string;
  email: string;
  commits: number;
}

/** Lowercased handle → the full name (two words or more) most commits used with its noreply address. */
export async function namesOfHandles(
  root: string,
  handles: Iterable<string>,
  signal?: AbortSignal,
): Promise<Map<string, HandleName>> {
  const wanted = new Set([...handles].map((h) => h.replace(/^@/, '').toLowerCase()));
  const seen = new Map<string, Map<string, HandleName>>();
  if (!wanted.size) return new Map();
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
