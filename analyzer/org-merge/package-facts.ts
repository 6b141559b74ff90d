// What a repository publishes and what it imports from outside, recorded in its report so
// `conway merge` can join repositories: a package one repository declares (package.json `name`)
// and another imports is a dependency between the owning teams. Imports of packages that are not
// in the repository resolve to `npm:<name>` in the import graph; one entry per (file, package),
// at the first importing line, with the file's delivery teams.
import type { ImportGraphResult } from '../imports';
import type { Report } from '../contract/report';

export interface PackageFactsInput {
  graph: ImportGraphResult | null;
  /** The root package.json's `name`, when it has one. */
  rootName: string | null;
  teamsOf(path: string): string[];
}

export function packageFacts(x: PackageFactsInput): Pick<Report, 'packages' | 'externalImports'> {
  if (!x.graph) return {};
  const declared = [
    ...(x.rootName ? [{ name: x.rootName, dir: '' }] : []),
    ...x.graph.workspacePackages.map((p) => ({ name: p.name, dir: p.dir })),
  ];
  const packages = dedupe(declared).map((p) => ({
    ...p,
    teams: x.teamsOf(p.dir ? `${p.dir}/package.json` : 'package.json'),
  }));
  const seen = new Set<string>();
  const externalImports: NonNullable<Report['externalImports']> = [];
  for (const e of x.graph.edges) {
    if (!e.to?.startsWith('npm:')) continue;
    const name = e.to.slice(4);
    const key = `${e.from}\0${name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    externalImports.push({ package: name, file: e.from, line: e.line, teams: x.teamsOf(e.from) });
  }
  return { packages, externalImports };
}

function dedupe<T extends { name: string }>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((p) => !seen.has(p.name) && !!seen.add(p.name));
}
