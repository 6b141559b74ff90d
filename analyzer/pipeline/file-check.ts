// Import violations of one file, from its freshly resolved edges — what the editor needs after a
// save, without re-analysing the repository. Uses the same ownership, public-API and violation
// rules as the full analysis, so the editor and `conway check` agree.
import type { ImportEdge, Team } from '../model/types';
import type { Ownership } from '../ownership';
import { ownedEdges } from '../metrics/cross-team';
import type { MetricsInput } from '../metrics/input';
import { fingerprint } from '../metrics/violations/fingerprint';
import { deepImports, forbiddenDependencies } from '../metrics/violations/imports';
import type { Violation } from '../report/types';
import type { WorkspacePackage } from '../imports/workspaces';
import { buildPublicApi } from './public-api';

export function fileImportViolations(ownership: Ownership, packages: WorkspacePackage[], edges: ImportEdge[]): Violation[] {
  const rulesByLine = new Map((ownership.codeowners?.rules ?? []).map((r) => [r.line, r]));
  const ruleOf = (p: string) => rulesByLine.get(ownership.who(p).rule?.line ?? -1) ?? null;
  const api = buildPublicApi(ownership, { workspacePackages: packages } as Parameters<typeof buildPublicApi>[1], ruleOf);
  const input = { imports: edges, teamsOf: (p: string) => ownership.who(p).teams } as MetricsInput;
  const owned = ownedEdges(input);
  const teams = new Map<string, Team>(ownership.teamMap.teams.map((t) => [t.id, t]));
  return fingerprint([...deepImports(owned, api.isPublicApi, api.hint), ...forbiddenDependencies(owned, teams)]);
}
