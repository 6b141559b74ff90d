// Import violations of one file, from its freshly resolved edges — what the editor needs after a
// save, without re-analysing the repository. Uses the same ownership, public-API and violation
// rules as the full analysis, so the editor and `conway check` agree.
import type { ImportEdge, Team } from '../model/types';
import type { Ownership } from '../ownership';
import { ownedEdges } from '../metrics/cross-team';
import { fingerprint } from '../metrics/violations/fingerprint';
import { deepImports, forbiddenDependencies } from '../metrics/violations/imports';
import type { Violation } from '../report/types';
import type { WorkspacePackage } from '../imports/workspaces';
import { buildDelivery } from './delivery';
import { buildPublicApi } from './public-api';

export function fileImportViolations(ownership: Ownership, packages: WorkspacePackage[], edges: ImportEdge[], tracked: string[] = []): Violation[] {
  const rulesByLine = new Map((ownership.codeowners?.rules ?? []).map((r) => [r.line, r]));
  const ruleOf = (p: string) => rulesByLine.get(ownership.who(p).rule?.line ?? -1) ?? null;
  const api = buildPublicApi(ownership, { workspacePackages: packages } as Parameters<typeof buildPublicApi>[1], ruleOf);
  const teamsOf = (p: string) => ownership.who(p).teams;
  // Delivery teams, as the full analysis counts them (review groups left out).
  const owned = ownedEdges({ imports: edges, deliveryTeamsOf: buildDelivery(ownership, tracked, teamsOf).deliveryTeamsOf });
  const teams = new Map<string, Team>(ownership.teamMap.teams.map((t) => [t.id, t]));
  return fingerprint([...deepImports(owned, api.isPublicApi, api.hint), ...forbiddenDependencies(owned, teams)]);
}
