// What `who` answers for a path that is not one tracked file: a directory gets the
// rule that owns the files under it (the rule deciding most of them, and how many other rules
// decide the rest); a path git does not track is answered as GitHub would match it, with a
// warning, since the forge never sees an untracked file.
import type { Ownership, WhoResult } from '../ownership';
import { ruleKey } from '../codeowners/parse';
import { quotePath } from '../model/quote';

export interface WhoAnswer extends WhoResult {
  /** For a directory: tracked files under it, and how many of them the reported rule decides. */
  directory?: { files: number; decided: number; otherRules: number };
}

export function whoPath(
  own: Ownership,
  path: string,
  tracked: string[] | null,
  warn: (text: string) => void,
): WhoAnswer {
  if (!tracked || tracked.includes(path)) return own.who(path);
  const prefix = path ? `${path}/` : '';
  const under = tracked.filter((f) => f.startsWith(prefix));
  if (!under.length) {
    warn(
      `warning: ${path ? quotePath(path) : '.'} is not tracked by git: answered as GitHub would match it, but no tracked file has this path\n`,
    );
    return own.who(path);
  }
  const byRule = new Map<string, { n: number; example: WhoResult }>();
  for (const f of under) {
    const w = own.who(f);
    const key = w.rule ? ruleKey(w.rule) : '';
    const cur = byRule.get(key) ?? byRule.set(key, { n: 0, example: w }).get(key)!;
    cur.n++;
  }
  const [, top] = [...byRule].sort(
    (a, b) => b[1].n - a[1].n || (a[1].example.rule?.line ?? -1) - (b[1].example.rule?.line ?? -1),
  )[0];
  return {
    ...top.example,
    path: path || '.',
    directory: { files: under.length, decided: top.n, otherRules: byRule.size - 1 },
  };
}
