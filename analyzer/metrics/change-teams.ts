// Owning teams of each change, computed once per commit and shared by every metric pass (teams,
// clusters, months, membership, team coupling), which would otherwise ask the ownership engine
// the same question millions of times.
import type { Commit } from '../model/types';
import type { MetricsInput } from './input';

// Keyed by the input too: the same commits may be measured under another ownership.
const byInput = new WeakMap<MetricsInput, WeakMap<Commit, string[][]>>();

export function teamsOfChanges(input: MetricsInput, c: Commit): string[][] {
  let cache = byInput.get(input);
  if (!cache) byInput.set(input, (cache = new WeakMap()));
  let t = cache.get(c);
  if (!t) cache.set(c, (t = c.files.map((f) => input.teamsOf(f.path))));
  return t;
}
