// The coordination the teams' work needs: Cataldo's C_R = T_A · T_D · T_Aᵀ aggregated to teams
// (formula in org/coordination.ts). Per change set cs, w_X(cs) = Σ_{f∈cs} (members of X who
// changed f in the period), and C(X, Y) = Σ_cs w_X(cs) · w_Y(cs). Files, people and teams are
// numbered once per report (needIndex), so the pass over the window and the one per period add
// numbers in typed arrays, not strings in maps.
import type { ChangeSet } from '../model/change-set';
import { pairKey } from './interaction-evidence';

const DENSE_TEAMS = 1024;
const DENSE_SEEN = 1 << 24;

export interface Need {
  /** pairKey → C(X, Y) and the change sets with w_X > 0 and w_Y > 0. */
  pairs: Map<string, { a: string; b: string; dependency: number; linking: number }>;
  /** C(X, X) = Σ_cs w_X(cs)². */
  self: Map<string, number>;
}

/** The change sets as numbers: what coordinationNeed reads, built once for the window and every period. */
export interface NeedIndex {
  /** Change set s's distinct files' ids are fileIds[fileAt[s] .. fileAt[s + 1]). */
  fileIds: Int32Array;
  fileAt: Int32Array;
  /** Change set s's (file id, person id) of each commit's file and author or co-author, flattened: changeIds[changeAt[s] .. changeAt[s + 1]). */
  changeIds: Int32Array;
  changeAt: Int32Array;
  /** Per file id: 1 when the file has a delivery team. */
  owned: Uint8Array;
  /** Per person id: the ids of the person's delivery teams. */
  teamsOfPerson: number[][];
  /** Team names by id. */
  names: string[];
}

export function needIndex(
  sets: ChangeSet[],
  teamsOf: (p: string) => string[],
  people: (p: string) => string[],
): NeedIndex {
  const teamIds = new Map<string, number>();
  const names: string[] = [];
  const team = (t: string) => teamIds.get(t) ?? (teamIds.set(t, names.push(t) - 1), names.length - 1);
  const fileIds = new Map<string, number>();
  const ownedList: number[] = [];
  const file = (f: string) => {
    let i = fileIds.get(f);
    if (i === undefined) (fileIds.set(f, (i = ownedList.length)), ownedList.push(teamsOf(f).length ? 1 : 0));
    return i;
  };
  const personIds = new Map<string, number>();
  const teamsOfPerson: number[][] = [];
  const person = (p: string) => {
    let i = personIds.get(p);
    if (i === undefined) (personIds.set(p, (i = teamsOfPerson.length)), teamsOfPerson.push(people(p).map(team)));
    return i;
  };
  // Two flat arrays and an offset per change set: a few allocations, not two per change set.
  const fileList: number[] = [];
  const changeList: number[] = [];
  const fileAt = new Int32Array(sets.length + 1);
  const changeAt = new Int32Array(sets.length + 1);
  for (let s = 0; s < sets.length; s++) {
    const cs = sets[s];
    for (const f of cs.files) fileList.push(file(f));
    for (const c of cs.commits) {
      const a = person(c.author);
      for (const f of c.files) {
        const fid = file(f.path);
        changeList.push(fid, a);
        for (const p of c.coAuthors) changeList.push(fid, person(p));
      }
    }
    fileAt[s + 1] = fileList.length;
    changeAt[s + 1] = changeList.length;
  }
  return {
    fileIds: Int32Array.from(fileList),
    fileAt,
    changeIds: Int32Array.from(changeList),
    changeAt,
    owned: Uint8Array.from(ownedList),
    teamsOfPerson,
    names,
  };
}

/** C(X, Y) over the change sets numbered `subset` (indices into the index's change sets). */
export function coordinationNeed(x: NeedIndex, subset: ArrayLike<number>): Need {
  const weights = fileWeights(x, subset);
  const names = x.names;
  const n = names.length;
  const w = new Float64Array(n);
  const self = new Float64Array(n);
  // Dense n×n sums for the usual tens of teams; a map of pairs beyond (100,000 teams fit).
  const dense = n <= DENSE_TEAMS;
  const dep = dense ? new Float64Array(n * n) : null;
  const link = dense ? new Uint32Array(n * n) : null;
  const sparse = new Map<number, [number, number]>();
  const touched: number[] = [];
  for (let s = 0; s < subset.length; s++) {
    for (let k = x.fileAt[subset[s]], end = x.fileAt[subset[s] + 1]; k < end; k++) {
      const fw = weights[x.fileIds[k]];
      if (!fw) continue;
      for (let i = 0; i < fw.length; i += 2) {
        if (!w[fw[i]]) touched.push(fw[i]);
        w[fw[i]] += fw[i + 1];
      }
    }
    if (touched.length > 1) touched.sort((a, b) => a - b);
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
  const selfOut = new Map<string, number>();
  for (let i = 0; i < n; i++) if (self[i]) selfOut.set(names[i], self[i]);
  return { pairs, self: selfOut };
}

/** file id → [team, members of the team who changed it, …] (T_A aggregated to teams); only files with a delivery team. */
function fileWeights(x: NeedIndex, subset: ArrayLike<number>): (number[] | undefined)[] {
  const F = x.owned.length;
  const P = x.teamsOfPerson.length;
  // (file, person) pairs seen: a bitmap for the usual sizes (10k files × 1k people), else a set.
  const bits = F * P <= DENSE_SEEN ? new Uint8Array(F * P) : null;
  const big = bits ? null : new Set<number>();
  const who: (number[] | undefined)[] = new Array(F);
  const listed: number[] = [];
  for (let s = 0; s < subset.length; s++) {
    const ch = x.changeIds;
    for (let i = x.changeAt[subset[s]], end = x.changeAt[subset[s] + 1]; i < end; i += 2) {
      const fid = ch[i];
      if (!x.owned[fid]) continue;
      const key = fid * P + ch[i + 1];
      if (bits) {
        if (bits[key]) continue;
        bits[key] = 1;
      } else {
        if (big!.has(key)) continue;
        big!.add(key);
      }
      const list = who[fid];
      if (list) list.push(ch[i + 1]);
      else ((who[fid] = [ch[i + 1]]), listed.push(fid));
    }
  }
  const out: (number[] | undefined)[] = new Array(F);
  const counts = new Map<number, number>();
  for (const fid of listed) {
    counts.clear();
    for (const p of who[fid]!) for (const t of x.teamsOfPerson[p]) counts.set(t, (counts.get(t) ?? 0) + 1);
    if (!counts.size) continue;
    const fw: number[] = [];
    for (const [t, n] of counts) fw.push(t, n);
    out[fid] = fw;
  }
  return out;
}
