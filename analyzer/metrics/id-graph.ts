// A weighted undirected graph over ids (team ids, file paths) for Louvain. Ids from a
// repository are arbitrary strings, and graphology keeps adjacency and Louvain's answer in plain
// objects, where a team called `constructor` or `__proto__` (or a file called `toString`)
// crashed `updateEdge` or vanished. So each id gets a numeric node key, and ids are only ever
// looked up in a Map and an array.
//
// Louvain's answer depends on the order of nodes and edges (it visits nodes in graph order), and
// a sum of floats on the order of its terms. Callers link in whatever order their inputs come
// (commits from the history cache or from git, imports from the import cache or a fresh parse),
// so links are only collected here and the graph is built canonically: ids sorted, each edge's
// weights summed in ascending order. The communities are then a function of the weighted edges
// (and the generator and resolution): a memo keyed by a hash of those gives the same answer
// without building the graphology graph or running Louvain (a warm run of an unchanged window).
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { createHash } from 'node:crypto';
import type { CommunityMemo } from './input';

/** Where communities() may find and keep its answer: `tag` names the generator (its seed) — it is part of the key. */
export interface CommunityCache {
  memo: CommunityMemo;
  tag: string;
}

export class IdGraph {
  private readonly g = new Graph({ type: 'undirected' });
  private readonly links = new Map<string, Map<string, number[]>>();
  private readonly ids: string[] = [];

  /** Adds weight w to the edge a–b (a self-loop or a weight ≤ 0 is ignored). */
  link(a: string, b: string, w: number): void {
    if (a === b || !(w > 0)) return;
    const [x, y] = a < b ? [a, b] : [b, a];
    const row = this.links.get(x) ?? this.links.set(x, new Map()).get(x)!;
    const ws = row.get(y);
    if (ws) ws.push(w);
    else row.set(y, [w]);
    if (!this.links.has(y)) this.links.set(y, new Map());
  }

  /** The graph of the links so far, built canonically on first access; link nothing after. */
  get graph(): Graph {
    if (this.g.order === 0) this.build();
    return this.g;
  }

  /** Whether any edge was linked (without building the graph). */
  get empty(): boolean {
    return this.links.size === 0;
  }

  /** The id of a node key. */
  idOf(key: string): string {
    return this.ids[Number(key)];
  }

  /** Louvain communities (seeded: deterministic), as lists of ids in ascending order; a resolution above 1 finds smaller ones. */
  communities(rng: () => number, resolution = 1, cache?: CommunityCache): string[][] {
    const key = cache ? this.key(cache.tag, resolution) : '';
    const kept = cache?.memo.get(key);
    if (kept) return kept;
    const groups = this.louvain(rng, resolution);
    cache?.memo.set(key, groups);
    return groups;
  }

  private louvain(rng: () => number, resolution: number): string[][] {
    const assignment = louvain(this.graph, { getEdgeWeight: 'weight', rng, resolution });
    const groups = new Map<number, string[]>();
    this.graph.forEachNode((key) => {
      const c = assignment[key];
      (groups.get(c) ?? groups.set(c, []).get(c)!).push(this.idOf(key));
    });
    return [...groups.values()];
  }

  /** Node key = the id's rank among all ids; edges added in (a, b) order. */
  private build(): void {
    const { ids, edges } = this.canonical();
    ids.forEach((id, i) => {
      this.g.addNode(String(i));
      this.ids.push(id);
    });
    for (const [a, b, weight] of edges) this.g.addEdge(String(a), String(b), { weight });
  }

  /** The ids sorted, and each edge (ranks a < b, in (a, b) order) with its weights summed in ascending order. */
  private canonical(): { ids: string[]; edges: [number, number, number][] } {
    if (this.shape) return this.shape;
    const ids = [...this.links.keys()].sort(byCodeUnit);
    const rank = new Map(ids.map((id, i) => [id, i]));
    const edges: [number, number, number][] = [];
    ids.forEach((a, i) => {
      const row = this.links.get(a)!;
      for (const b of [...row.keys()].sort(byCodeUnit)) {
        const weight = row
          .get(b)!
          .sort((p, q) => p - q)
          .reduce((s, w) => s + w, 0);
        edges.push([i, rank.get(b)!, weight]);
      }
    });
    return (this.shape = { ids, edges });
  }

  private shape?: { ids: string[]; edges: [number, number, number][] };

  /** A hash of everything Louvain's answer depends on: the canonical graph, the generator's tag, the resolution. */
  private key(tag: string, resolution: number): string {
    const { ids, edges } = this.canonical();
    const h = createHash('sha256').update(JSON.stringify([KEY_VERSION, tag, resolution, ids.length]));
    // Two large updates, not one per id and edge (20k small hash updates cost more than Louvain's setup).
    h.update(ids.join('\0')).update('\0\0');
    h.update(edges.map(([a, b, w]) => `${a} ${b} ${w}`).join('\n'));
    return h.digest('hex');
  }
}

/** Part of every memo key: a change to how communities are computed starts new keys. */
const KEY_VERSION = 1;

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
