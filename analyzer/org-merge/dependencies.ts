// Package dependencies between repositories: a package one repository declares (its report's
// `packages`) imported by a file of another repository (its `externalImports`) is an edge from
// the importing file's team to the package's owning team, with the consuming files as evidence.
// A package name declared by two repositories goes to the first (a note names the second).
import type { CrossRepoDependency, StaticCoupling } from '../contract/report';
import type { Spool } from './spool';

export interface Publisher {
  repository: string;
  teams: string[];
}

export interface SpooledImport {
  repository: string;
  package: string;
  file: string;
  line: number;
  teams: string[];
}

const MAX_FILES = 20;

export async function crossRepoDependencies(
  spool: Spool,
  publishers: Map<string, Publisher>,
  canonical: (team: string) => string,
): Promise<CrossRepoDependency[]> {
  const edges = new Map<string, CrossRepoDependency>();
  for await (const line of spool.lines('imports')) {
    const imp = JSON.parse(line) as SpooledImport;
    const pub = publishers.get(imp.package);
    if (!pub || pub.repository === imp.repository) continue;
    for (const from of orNull(imp.teams.map(canonical))) {
      for (const to of orNull(pub.teams.map(canonical))) {
        const key = JSON.stringify([imp.package, imp.repository, from, pub.repository, to]);
        let e = edges.get(key);
        if (!e)
          edges.set(
            key,
            (e = {
              package: imp.package,
              fromRepository: imp.repository,
              fromTeam: from,
              toRepository: pub.repository,
              toTeam: to,
              files: [],
              imports: 0,
            }),
          );
        e.imports++;
        if (e.files.length < MAX_FILES) e.files.push(`${imp.repository}/${imp.file}:${imp.line}`);
      }
    }
  }
  return [...edges.values()].sort((a, b) => b.imports - a.imports || (a.package < b.package ? -1 : 1));
}

function orNull(teams: string[]): (string | null)[] {
  return teams.length ? [...new Set(teams)] : [null];
}

/** Team pairs of the dependencies, as static coupling rows (examples from the consuming files). */
export function asStaticCoupling(deps: CrossRepoDependency[]): StaticCoupling[] {
  const pairs = new Map<string, StaticCoupling>();
  for (const d of deps) {
    if (!d.fromTeam || !d.toTeam || d.fromTeam === d.toTeam) continue;
    const key = `${d.fromTeam}\0${d.toTeam}`;
    const p = pairs.get(key) ?? pairs.set(key, { from: d.fromTeam, to: d.toTeam, edges: 0, examples: [] }).get(key)!;
    p.edges += d.imports;
    for (const f of d.files) {
      if (p.examples.length >= MAX_FILES) break;
      const at = f.lastIndexOf(':');
      p.examples.push({
        file: f.slice(0, at),
        line: Number(f.slice(at + 1)),
        target: `npm:${d.package} (${d.toRepository})`,
      });
    }
  }
  return [...pairs.values()];
}
