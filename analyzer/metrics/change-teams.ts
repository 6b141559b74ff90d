// Owning teams of each change, computed once per commit and shared by every metric pass (teams,
// clusters, months, membership, team coupling), which would otherwise ask the ownership engine
// the same question millions of times.
import type { Commit } from '../model/types';
import type { MetricsInput } from './input';

const changeTeams = new WeakMap<Commit, string[][]>();

export function teamsOfChanges(input: MetricsInput, c: Commit): string[][] {
  let t = changeTeams.get(c);
  if (!t) changeTeams.set(c, (t = c.files.map((f) => input.teamsOf(f.path))));
  return t;
}
