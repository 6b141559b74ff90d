// Inferred modules: Louvain communities (Blondel et al. 2008; graphology-communities-louvain)
// on the file graph, weighted by imports (1 per edge) and change coupling (degree / 100 per
// coupled pair). Deterministic: a seeded generator replaces Math.random. For each community of
// two or more files: its owner mix (team → share of files; a file with k teams counts 1/k to
// each) and, when a minority of its owned files belong to other delivery teams than its major
// one, a concrete suggestion with CODEOWNERS lines (module-suggestion.ts: named by directory,
// between delivery teams only, tracked files only, fewest rules), ranked by the window's changes
// to the files it moves. Teams scattered over many communities are reported too.
import { SOURCE_EXTENSIONS } from '../model/source-files';
import type { FileCoupling, InferredModule } from '../contract/report';
import { isRepoTarget } from './cross-team';
import { round4 } from './fragmentation';
import type { MetricsInput } from './input';
import { countByDirectory } from './directories';
import { IdGraph } from './id-graph';
import { countBy } from './module-evidence';
import {
  directoryCount,
  MAX_SUGGESTED_LINES,
  moduleMove,
  moduleName,
  type ModuleMove,
  type MoveContext,
} from './module-suggestion';

export const UNOWNED = '(unowned)';

/** The window's changes to a file per author, and a person's teams: suggestions need history's agreement. */
export interface ModuleHistory {
  changesByAuthor(file: string): Iterable<[string, number]>;
  teamsOfPerson(person: string): string[];
}

const NO_HISTORY: ModuleHistory = { changesByAuthor: () => [], teamsOfPerson: () => [] };

export function inferModules(
  input: MetricsInput,
  coupling: FileCoupling[],
  ownerOf: (team: string) => string,
  history: ModuleHistory = NO_HISTORY,
): { modules: InferredModule[]; codeowners: string[] } {
  const g = new IdGraph();
  for (const e of input.imports) if (isRepoTarget(e.to)) g.link(e.from, e.to, 1);
  for (const c of coupling) g.link(c.a, c.b, c.degree / 100);
  if (g.empty) return { modules: [], codeowners: [] };
  const groups = g.communities(
    seeded(42),
    1,
    input.communities && { memo: input.communities, tag: 'modules:seeded(42)' },
  );
  // Files deleted since (linked only by change coupling) are no module's files today.
  const tracked = new Set(input.files);
  const communities = groups
    .map((f) => f.filter((p) => tracked.has(p)).sort())
    .filter((f) => f.length > 1)
    .sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : 1));
  let declared: Map<string, number> | undefined; // tracked source files per declared module, counted when first asked
  const x: MoveContext = {
    tracked: countByDirectory(input.files),
    ownerOf,
    enclosed: new Map(),
    ...history,
    changesOf: (f) => [...history.changesByAuthor(f)].reduce((n, [, k]) => n + k, 0),
    declaredSize: (m) =>
      (declared ??= countBy(
        input.files.filter((f) => SOURCE_EXTENSIONS.test(f)),
        input.moduleOf,
      )).get(m) ?? 0,
  };
  const names = new Map<string, number>();
  const modules = communities.map((files) => {
    const name = moduleName(files);
    const n = (names.get(name) ?? 0) + 1;
    names.set(name, n);
    return describe(n === 1 ? name : `${name} (${n})`, files, input, moduleMove(files, input, x));
  });
  return { modules, codeowners: rank(modules) };
}

function describe(id: string, files: string[], input: MetricsInput, move: ModuleMove | null): InferredModule {
  const owners = Object.fromEntries(shares(files, input.teamsOf)); // first-seen order; defines own properties, `__proto__` included
  if (!move) return { id, files, owners, suggestion: null };
  // The text's mix is of delivery teams: a review group on every rule would lead it and say nothing.
  const mix = shares(files, input.deliveryTeamsOf)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([t, x]) => `${t} ${Math.round(x * 100)}%`)
    .join(', ');
  const one = move.files.length === 1;
  const what = one
    ? `${move.files[0]} (${move.from.join(', ')}) sits`
    : `${move.files.length} files of ${move.from.join(', ')} sit`;
  const how =
    move.lines.length <= MAX_SUGGESTED_LINES
      ? move.lines.join('; ')
      : `${move.files.length} files in ${directoryCount(move.files)} directories, e.g. ${move.files.slice(0, 2).join(', ')}: the ${move.lines.length} CODEOWNERS lines are in the JSON report (modules[].lines)`;
  return {
    id,
    files,
    owners,
    lines: move.lines,
    moved: { files: move.files.length, changes: move.changes },
    suggestion: `module ${id}: ${files.length} files, ${mix}; ${what} among ${move.to}'s code (${move.changes} change${move.changes === 1 ? '' : 's'} in the window): hand ${one ? 'it' : 'them'} to ${move.to} (${how}) or move ${one ? 'it' : 'them'} out of its code`,
  };
}

/** Team → share of the files (a file with k teams counts 1/k to each; none: `(unowned)`). */
function shares(files: string[], teamsOf: (f: string) => string[]): [string, number][] {
  const counts = new Map<string, number>(); // a team may be called `__proto__`: no plain object until the report
  for (const f of files) {
    const teams = teamsOf(f);
    for (const t of teams.length ? teams : [UNOWNED])
      counts.set(t, (counts.get(t) ?? 0) + 1 / Math.max(1, teams.length));
  }
  return [...counts].map(([t, n]): [string, number] => [t, round4(n / files.length)]);
}

/**
 * Ranks the suggestions by the window's changes to the files they move, then by how many files
 * move (the findings' rule, metrics/findings.ts), and returns the lines worth pasting in that
 * order: those of suggestions with at most MAX_SUGGESTED_LINES lines.
 */
function rank(modules: InferredModule[]): string[] {
  const ranked = modules
    .filter((m) => m.moved)
    .sort((a, b) => b.moved!.changes - a.moved!.changes || b.moved!.files - a.moved!.files || (a.id < b.id ? -1 : 1));
  ranked.forEach((m, i) => (m.rank = i + 1));
  return ranked.flatMap((m) => (m.lines!.length <= MAX_SUGGESTED_LINES ? m.lines! : []));
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
  return [...spread]
    .filter(([, v]) => v.count >= min && v.best <= 0.5)
    .map(
      ([t, v]) =>
        `team ${t}'s files are scattered over ${v.count} inferred modules and it leads none: regroup its code into fewer directories or split the team's ownership`,
    );
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
