// Change coupling (logical coupling), code-maat's definition (Tornhill, "Your Code as a Crime
// Scene"; src/code_maat/analysis/coupling_algos.clj):
//   degree = 100 · shared / ((revs(A) + revs(B)) / 2), rounded to an integer;
//   commits touching more than maxChangesetSize files are ignored, for revs too;
//   a pair is reported when the average revs ≥ minRevs, shared ≥ minShared, degree ≥ minDegree.
// Team change coupling uses the same formula over teams: revs(T) = commits touching T's files,
// shared = commits touching files of both; every pair with ≥ 1 shared commit, no thresholds.
// Both keep up to 20 shared commits (newest first) as evidence.
import type { FileCoupling, TeamCoupling } from '../report/types';
import type { MetricsInput, MetricsOptions } from './input';
import { teamsOfChanges } from './change-teams';

const EVIDENCE = 20;

interface Pair {
  shared: number;
  commits: string[];
}

export function couplingDegree(shared: number, revsA: number, revsB: number): number {
  return Math.round((100 * shared) / ((revsA + revsB) / 2));
}

export function fileCoupling(input: MetricsInput, opts: MetricsOptions): FileCoupling[] {
  const revs = new Map<string, number>();
  const pairs = new Map<string, Pair>();
  for (const c of input.commits) {
    const paths = [...new Set(c.files.map((f) => f.path))].sort();
    if (paths.length > opts.maxChangesetSize) continue;
    for (const p of paths) revs.set(p, (revs.get(p) ?? 0) + 1);
    for (let i = 0; i < paths.length; i++) for (let j = i + 1; j < paths.length; j++) addShared(pairs, `${paths[i]}\0${paths[j]}`, c.sha);
  }
  const out: FileCoupling[] = [];
  for (const [key, pair] of pairs) {
    const [a, b] = key.split('\0');
    const avg = (revs.get(a)! + revs.get(b)!) / 2;
    const degree = couplingDegree(pair.shared, revs.get(a)!, revs.get(b)!);
    if (avg >= opts.minRevs && pair.shared >= opts.minShared && degree >= opts.minDegree) out.push({ a, b, shared: pair.shared, degree, commits: pair.commits });
  }
  return out.sort((x, y) => y.degree - x.degree || y.shared - x.shared || (x.a + x.b < y.a + y.b ? -1 : 1));
}

export function teamCoupling(input: MetricsInput): TeamCoupling[] {
  const revs = new Map<string, number>();
  const pairs = new Map<string, Pair>();
  for (const c of input.commits) {
    const teams = [...new Set(teamsOfChanges(input, c).flat())].sort();
    for (const t of teams) revs.set(t, (revs.get(t) ?? 0) + 1);
    for (let i = 0; i < teams.length; i++) for (let j = i + 1; j < teams.length; j++) addShared(pairs, `${teams[i]}\0${teams[j]}`, c.sha);
  }
  return [...pairs]
    .map(([key, p]) => {
      const [a, b] = key.split('\0');
      return { a, b, sharedCommits: p.shared, degree: couplingDegree(p.shared, revs.get(a)!, revs.get(b)!), commits: p.commits };
    })
    .sort((x, y) => y.sharedCommits - x.sharedCommits || y.degree - x.degree);
}

function addShared(pairs: Map<string, Pair>, key: string, sha: string): void {
  const p = pairs.get(key);
  if (!p) pairs.set(key, { shared: 1, commits: [sha] });
  else {
    p.shared++;
    if (p.commits.length < EVIDENCE) p.commits.push(sha);
  }
}
