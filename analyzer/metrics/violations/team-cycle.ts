// team-cycle: teams that depend on each other through imports in a cycle — strongly connected
// components (Tarjan 1972) of the team graph built from cross-team import edges. One violation
// per component; `cut` lists the fewest, lightest team dependencies whose removal breaks every
// cycle in it (cycle-cut.ts, exact up to 16 teams), lightest first, each with its import count
// and example locations; the message names the first few and, for a long cut, the teams most of
// it runs through.
import { crossings, type TeamEdge } from '../cross-team';
import type { Scope } from '../scope';
import { cycleCut, type Arc } from './cycle-cut';
import type { Draft } from './fingerprint';

/** Cycles closed by production imports are production findings; those only test imports close are test findings. */
export function scopedCycles(edges: TeamEdge[], scopeOf: (p: string) => Scope): Draft[] {
  const production = teamCycles(edges.filter((e) => scopeOf(e.edge.from) === 'production')).map((d) => ({
    ...d,
    scope: 'production' as const,
  }));
  const known = new Set(production.map((d) => d.target));
  return [
    ...production,
    ...teamCycles(edges)
      .filter((d) => !known.has(d.target))
      .map((d) => ({ ...d, scope: 'test' as const })),
  ];
}

const EXAMPLES = 3;
/** Cuts named in the message; `cut` holds them all. */
const SHOWN_CUTS = 5;

export function teamCycles(edges: TeamEdge[]): Draft[] {
  const arcs = new Map<string, Arc>();
  const next = new Map<string, Set<string>>();
  for (const e of [...edges].sort((a, b) =>
    a.edge.from === b.edge.from ? a.edge.line - b.edge.line : a.edge.from < b.edge.from ? -1 : 1,
  )) {
    for (const [from, to] of crossings(e)) {
      const key = `${from}\0${to}`;
      const arc = arcs.get(key) ?? arcs.set(key, { from, to, edges: 0, examples: [] }).get(key)!;
      arc.edges++;
      if (arc.examples.length < EXAMPLES) arc.examples.push({ file: e.edge.from, line: e.edge.line });
      (next.get(from) ?? next.set(from, new Set()).get(from)!).add(to);
    }
  }
  return stronglyConnected(next)
    .filter((c) => c.length > 1)
    .map((component) => {
      const inside = new Set(component);
      const closing = [...arcs]
        .filter(([k]) => k.split('\0').every((t) => inside.has(t)))
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([, a]) => a);
      const cut = cycleCut(closing);
      const first = cut[0].examples[0];
      const list =
        cut
          .slice(0, SHOWN_CUTS)
          .map(
            (a) =>
              `${a.from} → ${a.to} (${a.edges} import${a.edges === 1 ? '' : 's'}, e.g. ${a.examples.map((x) => `${x.file}:${x.line}`).join(', ')})`,
          )
          .join('; ') +
        (cut.length > SHOWN_CUTS
          ? `; and ${cut.length - SHOWN_CUTS} more (${cut.length} in all, in the violation's cut)`
          : '');
      return {
        kind: 'team-cycle' as const,
        file: first.file,
        line: first.line,
        fromTeam: component[0],
        toTeam: component[1],
        target: component.join(' ↔ '),
        cut,
        message: `teams ${component.join(', ')} depend on each other in a cycle (${closing.length} team dependencies${cut.length > SHOWN_CUTS ? `; the fewest that break it are ${cut.length}, ${cut.reduce((n, a) => n + a.edges, 0)} imports${hubs(cut)}` : ''}). Cut ${list}: move that code to the imported team or invert the dependency`,
      };
    });
}

/** The teams most of a long cut touches: where the cycle is tied together (a lead talks to them first). */
function hubs(cut: Arc[]): string {
  const n = new Map<string, number>();
  for (const a of cut) for (const t of [a.from, a.to]) n.set(t, (n.get(t) ?? 0) + 1);
  const top = [...n]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 2)
    .filter(([, k]) => 2 * k >= cut.length / 2);
  return top.length ? `, most through ${top.map(([t, k]) => `${t} (${k})`).join(' and ')}` : '';
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
