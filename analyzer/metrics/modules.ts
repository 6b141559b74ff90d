// Inferred modules: Louvain communities (Blondel et al. 2008; graphology-communities-louvain)
// on the file graph, weighted by imports (1 per edge) and change coupling (degree / 100 per
// coupled pair). Deterministic: a seeded generator replaces Math.random. For each community of
// two or more files: its owner mix (team → share of files; a file with k teams counts 1/k to
// each) and, when a minority of its files belong to other teams than the majority, a concrete
// suggestion with CODEOWNERS lines (module-suggestion.ts: named by directory, tracked files
// only, fewest rules). Teams scattered over many communities are reported too.
import type { FileCoupling, InferredModule } from '../report/types';
import { isRepoTarget } from './cross-team';
import { round4 } from './fragmentation';
import type { MetricsInput } from './input';
import { countByDirectory } from './directories';
import { IdGraph } from './id-graph';
import { moduleName, strayRules } from './module-suggestion';

export const UNOWNED = '(unowned)';

export function inferModules(input: MetricsInput, coupling: FileCoupling[], ownerOf: (team: string) => string): { modules: InferredModule[]; codeowners: string[] } {
  const g = new IdGraph();
  for (const e of input.imports) if (isRepoTarget(e.to)) g.link(e.from, e.to, 1);
  for (const c of coupling) g.link(c.a, c.b, c.degree / 100);
  if (g.graph.size === 0) return { modules: [], codeowners: [] };
  const groups = g.communities(seeded(42));
  // Files deleted since (linked only by change coupling) are no module's files today.
  const tracked = new Set(input.files);
  const communities = groups.map((f) => f.filter((p) => tracked.has(p)).sort()).filter((f) => f.length > 1).sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : 1));
  const codeowners: string[] = [];
  const perDir = countByDirectory(input.files);
  const names = new Map<string, number>();
  const modules = communities.map((files) => {
    const name = moduleName(files);
    const n = (names.get(name) ?? 0) + 1;
    names.set(name, n);
    return describe(n === 1 ? name : `${name} (${n})`, files, input, ownerOf, perDir, codeowners);
  });
  return { modules, codeowners };
}

function describe(id: string, files: string[], input: MetricsInput, ownerOf: (t: string) => string, perDir: Map<string, number>, codeowners: string[]): InferredModule {
  const counts = new Map<string, number>(); // a team may be called `__proto__`: no plain object until the report
  for (const f of files) {
    const teams = input.teamsOf(f);
    for (const t of teams.length ? teams : [UNOWNED]) counts.set(t, (counts.get(t) ?? 0) + 1 / Math.max(1, teams.length));
  }
  const shares = [...counts].map(([t, n]): [string, number] => [t, round4(n / files.length)]);
  const owners = Object.fromEntries(shares); // first-seen order; defines own properties, `__proto__` included
  const mix = shares.sort((a, b) => b[1] - a[1]);
  const [major, share] = mix[0];
  const strays = files.filter((f) => !input.teamsOf(f).includes(major));
  if (major === UNOWNED || share < 0.6 || !strays.length) return { id, files, owners, suggestion: null };
  const lines = strayRules(strays, perDir, ownerOf(major));
  const shown = lines.slice(0, 10);
  codeowners.push(...shown);
  const more = strays.length > 3 ? ` and ${strays.length - 3} more` : '';
  const others = [...new Set(strays.flatMap((f) => (input.teamsOf(f).length ? input.teamsOf(f) : [UNOWNED])))];
  const rules = `${shown.join('; ')}${lines.length > shown.length ? `; ${showingText(shown.length, lines.length)} rules` : ''}`;
  return {
    id, files, owners,
    suggestion: `module ${id} (${files.length} files; ${mix.slice(0, 3).map(([t, x]) => `${t} ${Math.round(x * 100)}%`).join(', ')}): ${strays.slice(0, 3).join(', ')}${more} belong to ${others.join(', ')}: hand them to ${major} (${rules}) or move them out of its code`,
  };
}

function showingText(shown: number, total: number): string {
  return `showing ${shown} of ${total}`;
}

/** Teams whose files spread over at least `min` communities without a home in any of them. */
export function scatteredTeams(modules: InferredModule[], min = 4): string[] {
  const spread = new Map<string, { count: number; best: number }>();
  for (const m of modules) {
    for (const [t, s] of Object.entries(m.owners)) {
      if (t === UNOWNED) continue;
      const cur = spread.get(t) ?? { count: 0, best: 0 };
      spread.set(t, { count: cur.count + 1, best: Math.max(cur.best, s) });
    }
  }
  return [...spread].filter(([, v]) => v.count >= min && v.best <= 0.5).map(([t, v]) => `team ${t}'s files are scattered over ${v.count} inferred modules and it leads none: regroup its code into fewer directories or split the team's ownership`);
}

/** mulberry32: a tiny seeded PRNG, so Louvain gives the same communities on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
