// Import violations of one file, from its freshly resolved edges — what the editor needs after a
// save, without re-analysing the repository. Uses the same ownership, public-API and violation
// rules as the full analysis, so the editor and `conway check` agree.
import type { ImportEdge, Team } from '../model/types';
import type { Ownership } from '../ownership';
import { ownedEdges } from '../metrics/cross-team';
import { fingerprint } from '../metrics/violations/fingerprint';
import { deepImports, forbiddenDependencies } from '../metrics/violations/imports';
import type { Violation } from '../contract/report';
import type { WorkspacePackage } from '../imports/workspaces';
import { buildDelivery } from './delivery';
import { buildPublicApi } from './public-api';

// Review groups are detected over every tracked file (pipeline/delivery.ts): once per ownership and
// file list, not on every hover.
const deliveries = new WeakMap<Ownership, { files: string[]; deliveryTeamsOf: (p: string) => string[] }>();

function deliveryFor(ownership: Ownership, files: string[], teamsOf: (p: string) => string[]): (p: string) => string[] {
  const hit = deliveries.get(ownership);
  if (hit?.files === files) return hit.deliveryTeamsOf;
  const { deliveryTeamsOf } = buildDelivery(ownership, files, teamsOf);
  deliveries.set(ownership, { files, deliveryTeamsOf });
  return deliveryTeamsOf;
}

/** `files`: the repository's tracked files, so review groups are told apart as in the full analysis. */
export function fileImportViolations(ownership: Ownership, packages: WorkspacePackage[], edges: ImportEdge[], files: string[]): Violation[] {
  const rulesByLine = new Map((ownership.codeowners?.rules ?? []).map((r) => [r.line, r]));
  const ruleOf = (p: string) => rulesByLine.get(ownership.who(p).rule?.line ?? -1) ?? null;
  const api = buildPublicApi(ownership, { workspacePackages: packages } as Parameters<typeof buildPublicApi>[1], ruleOf);
  const teamsOf = (p: string) => ownership.who(p).teams;
  // Delivery teams, as the full analysis counts them (review groups left out).
  const owned = ownedEdges({ imports: edges, deliveryTeamsOf: deliveryFor(ownership, files, teamsOf) });
  const teams = new Map<string, Team>(ownership.teamMap.teams.map((t) => [t.id, t]));
  return fingerprint([...deepImports(owned, api.isPublicApi, api.hint), ...forbiddenDependencies(owned, teams)]);
}
