// The catalog joined to the other sources (docs/inputs.md, "Backstage catalog"):
//  - teams: conway.yml's teams first; a catalog Group whose id conway.yml already has
//    (case-insensitively) is left to conway.yml; clusters likewise;
//  - ownership: by default the catalog's rules apply where CODEOWNERS is silent — they go before
//    its rules, and GitHub's last matching rule wins; `--ownership catalog` uses the catalog
//    alone. Under GitLab sections or Codeowners Plus the rules are not mixed (their precedence
//    differs): the catalog gives teams, and file ownership only with `--ownership catalog`.
import type { ParsedCodeowners } from '../../codeowners/parse';
import type { Problem, TeamMap } from '../../model/types';
import type { Catalog } from './load';
import { buildCatalogModel } from './model';

export type OwnershipSource = 'codeowners' | 'catalog';

export interface TeamMapInput {
  map: TeamMap;
  errors: Problem[];
  warnings: Problem[];
  unreadable?: Problem;
}

export function applyCatalog(
  catalog: Catalog,
  codeowners: ParsedCodeowners | null,
  teamMap: TeamMapInput | null,
  source: OwnershipSource,
) {
  const model = buildCatalogModel(
    catalog.entities,
    (codeowners?.rules ?? []).flatMap((r) => r.owners),
  );
  const declared = new Set((teamMap?.map.teams ?? []).map((t) => t.id.toLowerCase()));
  const teams = [...(teamMap?.map.teams ?? []), ...model.teams.filter((t) => !declared.has(t.id.toLowerCase()))];
  const clusterIds = new Set((teamMap?.map.clusters ?? []).map((c) => c.id.toLowerCase()));
  const clusters = [
    ...(teamMap?.map.clusters ?? []),
    ...model.clusters.filter((c) => !clusterIds.has(c.id.toLowerCase())),
  ];
  const map: TeamMapInput = {
    map: { path: teamMap?.map.path ?? catalog.files[0], teams, clusters },
    errors: [...(teamMap?.errors ?? []), ...catalog.errors],
    warnings: [...(teamMap?.warnings ?? [])],
  };
  if (teamMap?.unreadable) map.unreadable = teamMap.unreadable;
  return { codeowners: catalogOwnership(catalog, model.rules, codeowners, source, map.warnings), teamMap: map };
}

function catalogOwnership(
  catalog: Catalog,
  rules: ParsedCodeowners['rules'],
  codeowners: ParsedCodeowners | null,
  source: OwnershipSource,
  warnings: Problem[],
): ParsedCodeowners | null {
  const own: ParsedCodeowners = {
    path: catalog.files[0],
    flavor: 'github',
    rules,
    sections: [],
    errors: [],
    warnings: [],
  };
  if (source === 'catalog' || !codeowners) return rules.length || !codeowners ? own : codeowners;
  if (!rules.length) return codeowners;
  if (codeowners.source === 'codeowners-plus' || codeowners.flavor === 'gitlab') {
    warnings.push({
      file: catalog.files[0],
      line: 0,
      message: `the catalog's ${rules.length} component owners are not mixed with ${codeowners.source === 'codeowners-plus' ? 'Codeowners Plus' : 'GitLab'} rules: pass --ownership catalog to use them for file ownership`,
    });
    return codeowners;
  }
  return { ...codeowners, rules: [...rules, ...codeowners.rules] };
}
