// team-cycle: teams that depend on each other through imports in a cycle — strongly connected
// components (Tarjan 1972) of the team graph built from cross-team import edges. One violation
// per component, listing an example import for every team edge inside it (the edges to cut).
import { crossings, type TeamEdge } from '../cross-team';
import type { Scope } from '../scope';
import type { Draft } from './fingerprint';

/** Cycles closed by production imports are production findings; those only test imports close are test findings. */
export function scopedCycles(edges: TeamEdge[], scopeOf: (p: string) => Scope): Draft[] {
  const production = teamCycles(edges.filter((e) => scopeOf(e.edge.from) === 'production')).map((d) => ({ ...d, scope: 'production' as const }));
  const known = new Set(production.map((d) => d.target));
  return [...production, ...teamCycles(edges).filter((d) => !known.has(d.target)).map((d) => ({ ...d, scope: 'test' as const }))];
}

export function teamCycles(edges: TeamEdge[]): Draft[] {
  const example = new Map<string, TeamEdge['edge']>();
  const next = new Map<string, Set<string>>();
  for (const e of edges) {
    for (const [from, to] of crossings(e)) {
      const key = `${from}\0${to}`;
      if (!example.has(key)) example.set(key, e.edge);
      (next.get(from) ?? next.set(from, new Set()).get(from)!).add(to);
    }
  }
  return stronglyConnected(next).filter((c) => c.length > 1).map((component) => {
    const inside = new Set(component);
    const closing = [...example].filter(([k]) => k.split('\0').every((t) => inside.has(t))).sort(([a], [b]) => (a < b ? -1 : 1));
    const first = closing[0][1];
    const list = closing.map(([k, e]) => `${k.replace('\0', ' → ')} (${e.from}:${e.line})`).join('; ');
    return {
      kind: 'team-cycle' as const, file: first.from, line: first.line, fromTeam: component[0], toTeam: component[1], target: component.join(' ↔ '),
      message: `teams ${component.join(', ')} depend on each other in a cycle: ${list}. Cut one direction: move the shared code to one team or invert the dependency`,
    };
  });
}

function stronglyConnected(next: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const comp: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      comp.push(w);
    } while (w !== v);
    out.push(comp.sort());
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) visit(v);
  return out;
}
