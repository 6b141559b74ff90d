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
  // Pairs are counted under integer keys and evidence is gathered only for the pairs that pass
  // the thresholds: on large histories the candidate pairs number in the millions.
  const ids = new Map<string, number>();
  const names: string[] = [];
  const idOf = (p: string) => ids.get(p) ?? (ids.set(p, names.length), names.push(p), names.length - 1);
  const changesets: number[][] = [];
  for (const c of input.commits) {
    const set = [...new Set(c.files.map((f) => idOf(f.path)))].sort((a, b) => a - b);
    changesets.push(set.length > opts.maxChangesetSize ? [] : set);
  }
  const n = names.length;
  const revs = new Int32Array(n);
  const shared = new Map<number, number>();
  for (const set of changesets) {
    for (const a of set) revs[a]++;
    for (let i = 0; i < set.length; i++) for (let j = i + 1; j < set.length; j++) shared.set(set[i] * n + set[j], (shared.get(set[i] * n + set[j]) ?? 0) + 1);
  }
  const kept = new Map<number, FileCoupling>();
  for (const [key, count] of shared) {
    const a = Math.floor(key / n);
    const b = key % n;
    const degree = couplingDegree(count, revs[a], revs[b]);
    if ((revs[a] + revs[b]) / 2 >= opts.minRevs && count >= opts.minShared && degree >= opts.minDegree) {
      const [pa, pb] = names[a] < names[b] ? [names[a], names[b]] : [names[b], names[a]];
      kept.set(key, { a: pa, b: pb, shared: count, degree, commits: [] });
    }
  }
  if (kept.size) collectEvidence(input, changesets, n, kept);
  const out = [...kept.values()];
  return out.sort((x, y) => y.degree - x.degree || y.shared - x.shared || (x.a + x.b < y.a + y.b ? -1 : 1));
}

function collectEvidence(input: MetricsInput, changesets: number[][], n: number, kept: Map<number, FileCoupling>): void {
  changesets.forEach((set, c) => {
    for (let i = 0; i < set.length; i++) {
      for (let j = i + 1; j < set.length; j++) {
        const row = kept.get(set[i] * n + set[j]);
        if (row && row.commits.length < EVIDENCE) row.commits.push(input.commits[c].sha);
      }
    }
  });
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
