// Import violations of one file, from its freshly resolved edges — what the editor needs after a
// save, without re-analysing the repository. The model is the one the full analysis builds
// (build-model.ts), so the editor and `conway check` agree.
import type { ImportEdge, Team } from '../model/types';
import type { Ownership } from '../ownership';
import { ownedEdges } from '../metrics/cross-team';
import { fingerprint } from '../metrics/violations/fingerprint';
import { deepImports, forbiddenDependencies } from '../metrics/violations/imports';
import type { Violation } from '../contract/report';
import type { WorkspacePackage } from '../imports/workspaces';
import { buildModel, type Delivery } from './build-model';

/**
 * Review groups are detected over every tracked file (pipeline/delivery.ts): a long-lived caller
 * keeps them here (in its WarmContext) so they are found once per ownership and file list, not on
 * every hover.
 */
export interface KeptDelivery {
  ownership?: Ownership;
  files?: string[];
  delivery?: Delivery;
}

/** `files`: the repository's tracked files, so review groups are told apart as in the full analysis. */
export function fileImportViolations(
  ownership: Ownership,
  packages: WorkspacePackage[],
  edges: ImportEdge[],
  files: string[],
  kept: KeptDelivery = {},
): Violation[] {
  const reuse = kept.ownership === ownership && kept.files === files;
  const model = buildModel({
    ownership,
    files,
    commits: [],
    imports: edges,
    packages,
    delivery: reuse ? kept.delivery : undefined,
  });
  Object.assign(kept, { ownership, files, delivery: model.delivery });
  const owned = ownedEdges(model.input);
  const teams = new Map<string, Team>(ownership.teamMap.teams.map((t) => [t.id, t]));
  return fingerprint([
    ...deepImports(owned, model.input.isPublicApi, model.publicHint),
    ...forbiddenDependencies(owned, teams),
  ]);
}
