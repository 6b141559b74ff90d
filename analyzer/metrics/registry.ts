// Every metric Conway reports, in one place: the CLI help lists them from here, and each entry
// names the module that computes it (docs/architecture.md: one map drives the help and the pickers).

export interface MetricInfo {
  name: string;
  summary: string;
  module: string;
}

export const METRICS: MetricInfo[] = [
  {
    name: 'autonomy',
    summary: 'mean of delivery independence, ownership integrity and dependency independence, ×100',
    module: 'metrics/autonomy.ts',
  },
  {
    name: 'delivery-independence',
    summary: "share of a team's commits that touch only its own code",
    module: 'metrics/team-history.ts',
  },
  {
    name: 'ownership-integrity',
    summary: "share of changes to a team's code made by its members (alignment)",
    module: 'metrics/team-history.ts',
  },
  {
    name: 'dependency-independence',
    summary: "share of a team's imports that stay inside or use a public API",
    module: 'metrics/static-coupling.ts',
  },
  {
    name: 'fragmentation',
    summary: '1 − Σ (n_t/N)² over the teams that changed the code (code-maat)',
    module: 'metrics/fragmentation.ts',
  },
  {
    name: 'main-author',
    summary: 'author and team with the most lines added (code-maat main-dev)',
    module: 'metrics/file-stats.ts',
  },
  {
    name: 'knowledge-islands',
    summary: 'files with ≥ 95% of ≥ 3 changes by one person',
    module: 'metrics/file-stats.ts',
  },
  {
    name: 'truck-factor',
    summary: 'degree-of-authorship truck factor (Avelino et al. 2016)',
    module: 'metrics/truck-factor.ts',
  },
  {
    name: 'change-coupling',
    summary: 'files and teams that change together (code-maat degree)',
    module: 'metrics/change-coupling.ts',
  },
  {
    name: 'static-coupling',
    summary: 'imports between teams; afferent, efferent, instability',
    module: 'metrics/static-coupling.ts',
  },
  {
    name: 'violations',
    summary: 'deep-import, forbidden-dependency, team-cycle, unowned, ownership-drift, invalid-codeowners, interaction',
    module: 'metrics/violations/',
  },
  {
    name: 'inferred-modules',
    summary: 'Louvain communities of the file graph, with owner mix and suggestions',
    module: 'metrics/modules.ts',
  },
  {
    name: 'interactions',
    summary: 'Team Topologies modes per team pair: declared in conway.yml against observed',
    module: 'org/interactions.ts',
  },
  {
    name: 'coordination',
    summary: "needed (co-change, Cataldo's C_R) against happened (co-authors, reviews); congruence",
    module: 'org/coordination.ts',
  },
  {
    name: 'cluster-suggestions',
    summary: 'groups of 3–5 teams coupled far more to each other than to the rest',
    module: 'metrics/cluster-suggestions.ts',
  },
];

export function metricsHelp(): string[] {
  const width = Math.max(...METRICS.map((m) => m.name.length));
  return ['', 'Metrics in the report:', ...METRICS.map((m) => `  ${m.name.padEnd(width)}  ${m.summary}`)];
}
