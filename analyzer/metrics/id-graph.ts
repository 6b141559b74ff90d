// A weighted undirected graph over ids (team ids, file paths) for Louvain. Ids from a
// repository are arbitrary strings, and graphology keeps adjacency and Louvain's answer in plain
// objects, where a team called `constructor` or `__proto__` (or a file called `toString`)
// crashed `updateEdge` or vanished. So each id gets a numeric node key, and ids are only ever
// looked up in a Map and an array.
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';

export class IdGraph {
  readonly graph = new Graph({ type: 'undirected' });
  private readonly keys = new Map<string, string>();
  private readonly ids: string[] = [];

  /** Adds weight w to the edge a–b (a self-loop or a weight ≤ 0 is ignored). */
  link(a: string, b: string, w: number): void {
    if (a === b || !(w > 0)) return;
    const [ka, kb] = [this.key(a), this.key(b)];
    this.graph.updateEdge(ka, kb, (attr) => ({ weight: ((attr.weight as number) ?? 0) + w }));
  }

  /** The id of a node key. */
  idOf(key: string): string {
    return this.ids[Number(key)];
  }

  /** Louvain communities (seeded: deterministic), as lists of ids in the order they were first linked. */
  communities(rng: () => number): string[][] {
    const assignment = louvain(this.graph, { getEdgeWeight: 'weight', rng });
    const groups = new Map<number, string[]>();
    this.graph.forEachNode((key) => {
      const c = assignment[key];
      (groups.get(c) ?? groups.set(c, []).get(c)!).push(this.idOf(key));
    });
    return [...groups.values()];
  }

  private key(id: string): string {
    let k = this.keys.get(id);
    if (k === undefined) {
      k = String(this.ids.length);
      this.keys.set(id, k);
      this.ids.push(id);
      this.graph.addNode(k);
    }
    return k;
  }
}
