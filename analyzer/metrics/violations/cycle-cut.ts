// The edges to cut in a team cycle: the fewest team dependencies, then the lightest (fewest
// imports), whose removal leaves the teams without a cycle — a minimum feedback arc set (NP-hard,
// Karp 1972). Exact over subsets of arcs by size for up to EXACT_ARCS arcs. Past that, for up to
// EXACT_TEAMS teams: the arcs left after a minimum cut order the teams, and every order's
// backward arcs are a cut, so the minimum is the best order, found exactly by dynamic
// programming over the sets of teams placed first (Held–Karp style, 2^n · n steps) — a 12-team
// cycle of 63 dependencies is 4,096 sets. Beyond that, the weighted
// ordering heuristic of Eades, Lin & Smyth (1993) — peel sinks and sources, else the team with
// the most outgoing minus incoming imports — cuts the arcs that point backwards in the order,
// then every cut arc that can go back without closing a cycle is put back, heaviest first, so no
// arc in the cut is superfluous.
import type { CycleCut } from '../../contract/report';

export const EXACT_ARCS = 16;
export const EXACT_TEAMS = 16;

/** A team dependency: import edges from `from`'s files to `to`'s files, with example locations. */
export type Arc = CycleCut;

/** The cut, lightest first (the cheapest to remove leads). */
export function cycleCut(arcs: Arc[]): Arc[] {
  const teams = [...new Set(arcs.flatMap((a) => [a.from, a.to]))].sort();
  const cut =
    arcs.length <= EXACT_ARCS ? subsetCut(arcs) : teams.length <= EXACT_TEAMS ? orderCut(arcs, teams) : greedyCut(arcs);
  return cut.sort((x, y) => x.edges - y.edges || key(x).localeCompare(key(y)));
}

/**
 * A few arcs: every subset by size, the first lightest in arc order (ties go to the earliest arcs).
 * Subsets are walked in lexicographic order over arc indexes, and each is tested on typed arrays
 * (Kahn's algorithm over the arcs not in it): a 16-arc cycle whose cut is 6 arcs tests 14k subsets.
 */
function subsetCut(arcs: Arc[]): Arc[] {
  const n = arcs.length;
  const ids = new Map<string, number>();
  const id = (t: string) => ids.get(t) ?? ids.set(t, ids.size).get(t)!;
  const from = Int32Array.from(arcs, (a) => id(a.from));
  const to = Int32Array.from(arcs, (a) => id(a.to));
  const teams = ids.size;
  const cut = new Uint8Array(n);
  const indegree = new Int32Array(teams);
  const queue = new Int32Array(teams);
  const acyclic = () => {
    indegree.fill(0);
    for (let i = 0; i < n; i++) if (!cut[i]) indegree[to[i]]++;
    let q = 0;
    for (let t = 0; t < teams; t++) if (indegree[t] === 0) queue[q++] = t;
    let seen = 0;
    while (q) {
      const t = queue[--q];
      seen++;
      for (let i = 0; i < n; i++) if (!cut[i] && from[i] === t && --indegree[to[i]] === 0) queue[q++] = to[i];
    }
    return seen === teams;
  };
  for (let k = 1; k <= n; k++) {
    let best: number[] | null = null;
    let bestWeight = Infinity;
    const subset = Array.from({ length: k }, (_, i) => i);
    for (;;) {
      let weight = 0;
      for (const i of subset) weight += arcs[i].edges;
      if (weight < bestWeight) {
        for (const i of subset) cut[i] = 1;
        if (acyclic()) [best, bestWeight] = [[...subset], weight];
        for (const i of subset) cut[i] = 0;
      }
      // The next subset in lexicographic order: bump the rightmost index that can move, reset the rest.
      let j = k - 1;
      while (j >= 0 && subset[j] === n - k + j) j--;
      if (j < 0) break;
      subset[j]++;
      for (let m = j + 1; m < k; m++) subset[m] = subset[m - 1] + 1;
    }
    if (best) return best.map((i) => arcs[i]);
  }
  return [];
}

/**
 * best[S]: the cheapest way to order the teams of set S first — cost (arcs, then imports) of the
 * arcs pointing backwards inside S. Placing team v after S adds v's arcs into S.
 */
export function orderCut(arcs: Arc[], teams: string[]): Arc[] {
  const n = teams.length;
  const at = new Map(teams.map((t, i) => [t, i]));
  const out: { to: number; edges: number }[][] = teams.map(() => []);
  for (const a of arcs) out[at.get(a.from)!].push({ to: 1 << at.get(a.to)!, edges: a.edges });
  const size = 1 << n;
  const count = new Float64Array(size).fill(Infinity);
  const weight = new Float64Array(size).fill(Infinity);
  const last = new Int8Array(size).fill(-1);
  count[0] = weight[0] = 0;
  for (let s = 0; s < size; s++) {
    if (count[s] === Infinity) continue;
    for (let v = 0; v < n; v++) {
      if (s & (1 << v)) continue;
      let c = count[s];
      let w = weight[s];
      for (const a of out[v]) {
        if (s & a.to) {
          c++;
          w += a.edges;
        }
      }
      const t = s | (1 << v);
      if (c < count[t] || (c === count[t] && w < weight[t])) [count[t], weight[t], last[t]] = [c, w, v];
    }
  }
  const position = new Map<string, number>();
  for (let s = size - 1, i = n - 1; s; s &= ~(1 << last[s]), i--) position.set(teams[last[s]], i);
  return arcs.filter((a) => position.get(a.from)! > position.get(a.to)!);
}

function greedyCut(arcs: Arc[]): Arc[] {
  const position = new Map(orderTeams(arcs).map((t, i) => [t, i]));
  const backward = arcs.filter((a) => position.get(a.from)! > position.get(a.to)!);
  let kept = arcs.filter((a) => !backward.includes(a));
  const cut: Arc[] = [];
  for (const a of [...backward].sort((x, y) => y.edges - x.edges || key(x).localeCompare(key(y)))) {
    if (isAcyclic([...kept, a])) kept = [...kept, a];
    else cut.push(a);
  }
  return cut;
}

/** Eades–Lin–Smyth with weights: sinks to the back, sources to the front, else the largest out − in. */
function orderTeams(arcs: Arc[]): string[] {
  const left = new Set(arcs.flatMap((a) => [a.from, a.to]));
  const front: string[] = [];
  const back: string[] = [];
  const weight = (t: string, dir: 'out' | 'in') =>
    arcs.reduce(
      (n, a) => n + ((dir === 'out' ? a.from : a.to) === t && left.has(a.from) && left.has(a.to) ? a.edges : 0),
      0,
    );
  while (left.size) {
    const teams = [...left].sort();
    const sink = teams.find((t) => weight(t, 'out') === 0);
    const source = sink ? undefined : teams.find((t) => weight(t, 'in') === 0);
    const next =
      sink ??
      source ??
      teams.reduce((b, t) => (weight(t, 'out') - weight(t, 'in') > weight(b, 'out') - weight(b, 'in') ? t : b));
    if (sink) back.unshift(sink);
    else front.push(next);
    left.delete(next);
  }
  return [...front, ...back];
}

function isAcyclic(arcs: Arc[]): boolean {
  const next = adjacency(arcs);
  const indegree = new Map<string, number>();
  for (const a of arcs) indegree.set(a.to, (indegree.get(a.to) ?? 0) + 1).set(a.from, indegree.get(a.from) ?? 0);
  const queue = [...indegree].filter(([, d]) => d === 0).map(([t]) => t);
  let seen = 0;
  while (queue.length) {
    const t = queue.pop()!;
    seen++;
    for (const u of next.get(t) ?? []) if (indegree.set(u, indegree.get(u)! - 1).get(u) === 0) queue.push(u);
  }
  return seen === indegree.size;
}

function adjacency(arcs: Arc[]): Map<string, string[]> {
  const next = new Map<string, string[]>();
  for (const a of arcs) (next.get(a.from) ?? next.set(a.from, []).get(a.from)!).push(a.to);
  return next;
}

function key(a: Arc): string {
  return `${a.from}\0${a.to}`;
}
