// The edges to cut in a team cycle: the fewest team dependencies, then the lightest (fewest
// imports), whose removal leaves the teams without a cycle — a minimum feedback arc set (NP-hard,
// Karp 1972). Exact over subsets of arcs by size for up to EXACT_ARCS arcs (a cycle of a handful
// of teams); beyond that, greedily the lightest arc that still lies on a cycle until none is left
// (Eades, Lin & Smyth 1993 use the same "remove what closes cycles cheapest" idea).
export const EXACT_ARCS = 16;

export interface Arc {
  from: string;
  to: string;
  /** Import edges from `from`'s files to `to`'s files. */
  edges: number;
  examples: { file: string; line: number }[];
}

export function cycleCut(arcs: Arc[]): Arc[] {
  return arcs.length <= EXACT_ARCS ? exactCut(arcs) : greedyCut(arcs);
}

function exactCut(arcs: Arc[]): Arc[] {
  for (let k = 1; k <= arcs.length; k++) {
    let best: Arc[] | null = null;
    let bestWeight = Infinity;
    for (const subset of combinations(arcs.length, k)) {
      const weight = subset.reduce((n, i) => n + arcs[i].edges, 0);
      if (weight >= bestWeight) continue;
      const cut = new Set(subset);
      if (isAcyclic(arcs.filter((_, i) => !cut.has(i)))) [best, bestWeight] = [subset.map((i) => arcs[i]), weight];
    }
    if (best) return best;
  }
  return [];
}

function greedyCut(arcs: Arc[]): Arc[] {
  let left = [...arcs].sort((a, b) => a.edges - b.edges || key(a).localeCompare(key(b)));
  const cut: Arc[] = [];
  while (!isAcyclic(left)) {
    const next = adjacency(left);
    const arc = left.find((a) => reaches(next, a.to, a.from))!;
    cut.push(arc);
    left = left.filter((a) => a !== arc);
  }
  return cut;
}

function* combinations(n: number, k: number, from = 0, acc: number[] = []): Generator<number[]> {
  if (acc.length === k) return yield [...acc];
  for (let i = from; i <= n - (k - acc.length); i++) yield* combinations(n, k, i + 1, [...acc, i]);
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

function reaches(next: Map<string, string[]>, from: string, to: string): boolean {
  const seen = new Set([from]);
  const stack = [from];
  while (stack.length) {
    const t = stack.pop()!;
    if (t === to) return true;
    for (const u of next.get(t) ?? []) if (!seen.has(u)) seen.add(u), stack.push(u);
  }
  return false;
}

function key(a: Arc): string {
  return `${a.from}\0${a.to}`;
}
