// The coordination the teams' work needs: Cataldo's C_R = T_A · T_D · T_Aᵀ aggregated to teams
// (formula in org/coordination.ts). Per change set cs, w_X(cs) = Σ_{f∈cs} (members of X who
// changed f in the period), and C(X, Y) = Σ_cs w_X(cs) · w_Y(cs). Teams are numbered so the
// pass over a year of change sets adds numbers in typed arrays, not strings in maps.
import type { ChangeSet } from '../model/change-set';
import { pairKey } from './interaction-evidence';

const DENSE_TEAMS = 1024;

export interface Need {
  /** pairKey → C(X, Y) and the change sets with w_X > 0 and w_Y > 0. */
  pairs: Map<string, { a: string; b: string; dependency: number; linking: number }>;
  /** C(X, X) = Σ_cs w_X(cs)². */
  self: Map<string, number>;
}

export function coordinationNeed(
  sets: ChangeSet[],
  teamsOf: (p: string) => string[],
  people: (p: string) => string[],
): Need {
  const index = new Map<string, number>();
  const names: string[] = [];
  const id = (t: string) => index.get(t) ?? (index.set(t, names.push(t) - 1), names.length - 1);
  const weights = fileWeights(sets, teamsOf, people, id);
  const n = names.length;
  const w = new Float64Array(n);
  const self = new Float64Array(n);
  // Dense n×n sums for the usual tens of teams; a map of pairs beyond (100,000 teams fit).
  const dense = n <= DENSE_TEAMS;
  const dep = dense ? new Float64Array(n * n) : null;
  const link = dense ? new Uint32Array(n * n) : null;
  const sparse = new Map<number, [number, number]>();
  const touched: number[] = [];
  for (const cs of sets) {
    for (const f of cs.files) {
      const fw = weights.get(f);
      if (!fw) continue;
      for (let i = 0; i < fw.length; i += 2) {
        if (!w[fw[i]]) touched.push(fw[i]);
        w[fw[i]] += fw[i + 1];
      }
    }
    if (touched.length > 1) touched.sort((x, y) => x - y);
    for (let i = 0; i < touched.length; i++) {
      const ti = touched[i];
      const wi = w[ti];
      self[ti] += wi * wi;
      for (let j = i + 1; j < touched.length; j++) {
        const key = ti * n + touched[j];
        if (dep && link) {
          dep[key] += wi * w[touched[j]];
          link[key]++;
        } else {
          const a = sparse.get(key) ?? sparse.set(key, [0, 0]).get(key)!;
          a[0] += wi * w[touched[j]];
          a[1]++;
        }
      }
    }
    for (const t of touched) w[t] = 0;
    touched.length = 0;
  }
  const pairs: Need['pairs'] = new Map();
  const add = (key: number, dependency: number, linking: number) => {
    const [a, b] = [names[Math.floor(key / n)], names[key % n]].sort();
    pairs.set(pairKey(a, b), { a, b, dependency, linking });
  };
  if (dep && link) for (let key = 0; key < n * n; key++) if (link[key]) add(key, dep[key], link[key]);
  for (const [key, [d, l]] of sparse) add(key, d, l);
  return { pairs, self: new Map(names.map((t, i) => [t, self[i]])) };
}

/** file → [team, members of the team who changed it, …] (T_A aggregated to teams); only files with a delivery team. */
function fileWeights(
  sets: ChangeSet[],
  teamsOf: (p: string) => string[],
  people: (p: string) => string[],
  id: (t: string) => number,
): Map<string, number[]> {
  // (person, file) pairs as numbers (up to 2^20 people): a year of history has tens of thousands of them.
  const personIds = new Map<string, number>();
  const persons: string[] = [];
  const who = new Map<string, number[]>();
  const seen = new Set<number>();
  const pid = (p: string) => personIds.get(p) ?? (personIds.set(p, persons.push(p) - 1), persons.length - 1);
  let files = 0;
  const fileIds = new Map<string, number>();
  for (const cs of sets) {
    for (const c of cs.commits) {
      for (const f of c.files) {
        let fid = fileIds.get(f.path);
        if (fid === undefined) fileIds.set(f.path, (fid = files++));
        const add = (p: string) => {
          const i = pid(p);
          const key = fid! * 1_048_576 + i;
          if (seen.has(key)) return;
          seen.add(key);
          (who.get(f.path) ?? who.set(f.path, []).get(f.path)!).push(i);
        };
        add(c.author);
        for (const p of c.coAuthors) add(p);
      }
    }
  }
  const out = new Map<string, number[]>();
  for (const [f, ps] of who) {
    if (!teamsOf(f).length) continue;
    const counts = new Map<number, number>();
    for (const i of ps) for (const t of people(persons[i])) counts.set(id(t), (counts.get(id(t)) ?? 0) + 1);
    if (counts.size) out.set(f, [...counts].flat());
  }
  return out;
}
