// Change coupling (logical coupling), code-maat's definition (Tornhill, "Your Code as a Crime
// Scene"; src/code_maat/analysis/coupling_algos.clj):
//   degree = 100 · shared / ((revs(A) + revs(B)) / 2), rounded to an integer;
//   commits touching more than maxChangesetSize files are ignored, for revs too;
//   a pair is reported when the average revs ≥ minRevs, shared ≥ minShared, degree ≥ minDegree.
// Team change coupling uses the same formula over delivery teams (review groups are
// never a coupling partner): revs(T) = commits touching T's files, shared = commits touching a
// file of one and a file of the other that share no delivery team (a change inside a jointly
// owned file, or between files of one team, is internal); every pair with ≥ 1 shared commit.
// Both keep up to 20 shared commits (newest first) as evidence.
// A "commit" here is a change set (metrics/change-sets.ts): a pull request or a merged branch
// counts once, with the union of its commits' files; its evidence is a commit `git show` can
// open (evidenceSha); maxChangesetSize is files per change set.
import type { FileCoupling, TeamCoupling } from '../contract/report';
import type { ChangeSet } from '../model/change-set';
import { changeSetsOf } from './change-sets';
import type { MetricsInput, MetricsOptions } from './input';

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
  // the thresholds: on large histories the candidate pairs number in the millions. The change
  // sets are one flat typed array (commit c's files are ids[start[c]..start[c+1]]), not an
  // array per commit.
  const changes = changeSetsOf(input);
  const sets = changeSets(changes, opts.maxChangesetSize);
  const n = sets.names.length;
  const revs = new Int32Array(n);
  const shared = new Map<number, number>();
  forEachSet(sets, (ids, from, to) => {
    for (let i = from; i < to; i++) revs[ids[i]]++;
    for (let i = from; i < to; i++)
      for (let j = i + 1; j < to; j++) shared.set(ids[i] * n + ids[j], (shared.get(ids[i] * n + ids[j]) ?? 0) + 1);
  });
  const kept = new Map<number, FileCoupling>();
  for (const [key, count] of shared) {
    const a = Math.floor(key / n);
    const b = key % n;
    const degree = couplingDegree(count, revs[a], revs[b]);
    if ((revs[a] + revs[b]) / 2 >= opts.minRevs && count >= opts.minShared && degree >= opts.minDegree) {
      const [pa, pb] = sets.names[a] < sets.names[b] ? [sets.names[a], sets.names[b]] : [sets.names[b], sets.names[a]];
      kept.set(key, { a: pa, b: pb, shared: count, degree, commits: [] });
    }
  }
  if (kept.size) collectEvidence(changes, sets, kept);
  const out = [...kept.values()];
  return out.sort((x, y) => y.degree - x.degree || y.shared - x.shared || byPair(x, y));
}

interface ChangeSets {
  names: string[];
  /** File ids of every counted commit, each commit's ids ascending and distinct. */
  ids: Int32Array;
  /** ids of commit c are ids[start[c]] .. ids[start[c + 1] - 1]; empty for an ignored commit. */
  start: Int32Array;
}

function changeSets(changes: ChangeSet[], maxSize: number): ChangeSets {
  const byPath = new Map<string, number>();
  const names: string[] = [];
  let total = 0;
  for (const c of changes) total += c.files.length;
  const ids = new Int32Array(total);
  const start = new Int32Array(changes.length + 1);
  let end = 0;
  changes.forEach((c, k) => {
    start[k] = end;
    for (const path of c.files) {
      let id = byPath.get(path);
      if (id === undefined) byPath.set(path, (id = names.push(path) - 1));
      ids[end++] = id;
    }
    const size = sortUnique(ids, start[k], end);
    end = size > maxSize ? start[k] : start[k] + size; // code-maat counts distinct files per commit
  });
  start[changes.length] = end;
  return { names, ids, start };
}

/** Sorts ids[from..to) ascending in place, drops repeats; returns how many remain. */
function sortUnique(ids: Int32Array, from: number, to: number): number {
  const part = ids.subarray(from, to).sort();
  let k = 0;
  for (let i = 0; i < part.length; i++) if (i === 0 || part[i] !== part[i - 1]) part[k++] = part[i];
  return k;
}

function forEachSet(sets: ChangeSets, f: (ids: Int32Array, from: number, to: number, commit: number) => void): void {
  for (let c = 0; c + 1 < sets.start.length; c++)
    if (sets.start[c + 1] > sets.start[c]) f(sets.ids, sets.start[c], sets.start[c + 1], c);
}

function collectEvidence(changes: ChangeSet[], sets: ChangeSets, kept: Map<number, FileCoupling>): void {
  const n = sets.names.length;
  forEachSet(sets, (ids, from, to, c) => {
    for (let i = from; i < to; i++) {
      for (let j = i + 1; j < to; j++) {
        const row = kept.get(ids[i] * n + ids[j]);
        if (row && row.commits.length < EVIDENCE) row.commits.push(evidenceSha(changes[c]));
      }
    }
  });
}

/** Like file coupling, commits touching more than maxChangesetSize files (releases, sweeps) are ignored, for revs too. */
export function teamCoupling(input: MetricsInput, maxChangesetSize = Infinity): TeamCoupling[] {
  const revs = new Map<string, number>();
  const pairs = new Map<string, Pair>();
  const teams: string[] = [];
  const sets: string[][] = [];
  const coupled = new Set<string>();
  for (const c of changeSetsOf(input)) {
    if (c.files.length > maxChangesetSize) continue;
    teams.length = 0; // the change's distinct teams and team sets: a handful, so lists beat Sets
    sets.length = 0;
    for (const path of c.files) {
      const d = input.deliveryTeamsOf(path);
      if (d.length && !sets.includes(d)) sets.push(d);
      for (const t of d) if (!teams.includes(t)) teams.push(t);
    }
    for (const t of teams) revs.set(t, (revs.get(t) ?? 0) + 1);
    if (teams.length < 2) continue;
    coupled.clear();
    for (let i = 0; i < sets.length; i++)
      for (let j = i + 1; j < sets.length; j++) crossPairs(sets[i], sets[j], coupled);
    for (const key of coupled) addShared(pairs, key, evidenceSha(c));
  }
  return [...pairs]
    .map(([key, p]) => {
      const [a, b] = key.split('\0');
      return {
        a,
        b,
        sharedCommits: p.shared,
        degree: couplingDegree(p.shared, revs.get(a)!, revs.get(b)!),
        commits: p.commits,
        revsA: revs.get(a)!,
        revsB: revs.get(b)!,
      };
    })
    .sort((x, y) => y.sharedCommits - x.sharedCommits || y.degree - x.degree || byPair(x, y));
}

/** The commit that stands for a change set: the merge commit of a merged branch, else its (squash) commit. */
export function evidenceSha(c: ChangeSet): string {
  if (c.kind === 'merge') return c.id;
  return c.commits.length === 1 ? c.commits[0].sha : (c.commits[0].mergedBy ?? c.commits[0].sha);
}

/** Ties broken by the pair's names, not by the order commits came in (cache and git differ). */
function byPair(x: { a: string; b: string }, y: { a: string; b: string }): number {
  return x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0;
}

/** Team pairs across two files' delivery-team sets, unless the files share a team (internal). */
function crossPairs(x: string[], y: string[], out: Set<string>): void {
  if (x.some((t) => y.includes(t))) return;
  for (const a of x) for (const b of y) out.add(a < b ? `${a}\0${b}` : `${b}\0${a}`);
}

function addShared(pairs: Map<string, Pair>, key: string, sha: string): void {
  const p = pairs.get(key);
  if (!p) pairs.set(key, { shared: 1, commits: [sha] });
  else {
    p.shared++;
    if (p.commits.length < EVIDENCE) p.commits.push(sha);
  }
}
