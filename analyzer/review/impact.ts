// Boundary impact of a change, from the two sides' models:
//  - import edges between teams added and removed, compared per importing file and target
//    (without line numbers or team ids, counted), so an edge that only moved lines, or whose
//    teams were renamed by a CODEOWNERS edit, is neither;
//  - violations new on the head and fixed since the base, by fingerprint (kind, file, target,
//    teams — never the line, as `conway check` compares them);
//  - dependency independence of every touched team before and after;
//  - teams affected beyond CODEOWNERS: teams whose files import a changed file, directly or
//    through files that re-export it (`export … from`), walked on the reverse import graph.
// Teams here are delivery teams: review groups (catch-all approver pools) import nothing of their own.
import type { Change } from '../collect/revision';
import { crossings } from '../metrics/cross-team';
import type { ImportEdge } from '../model/types';
import type { Violation } from '../contract/report';
import type { SideModel } from './side-model';
import type { AffectedTeam, Review, ReviewEdge } from '../contract/review';

export function edgeChanges(base: SideModel, head: SideModel): Review['edges'] {
  const before = teamEdges(base);
  const counts = new Map<string, number>();
  for (const e of before) counts.set(keyOf(e), (counts.get(keyOf(e)) ?? 0) + 1);
  const added: ReviewEdge[] = [];
  for (const e of teamEdges(head)) {
    const n = counts.get(keyOf(e)) ?? 0;
    if (n > 0) counts.set(keyOf(e), n - 1);
    else added.push(e);
  }
  const removed = before.filter((e) => {
    const n = counts.get(keyOf(e)) ?? 0;
    if (n > 0) counts.set(keyOf(e), n - 1);
    return n > 0;
  });
  return { added, removed };
}

/** One entry per cross-team import (its first team pair), not one per pair: the count of imports does not depend on team ids. */
function teamEdges(m: SideModel): ReviewEdge[] {
  return m.teamEdges.flatMap((e) =>
    crossings(e)
      .slice(0, 1)
      .map(([from, to]) => ({ from, to, file: e.edge.from, line: e.edge.line, target: e.edge.to })),
  );
}

function keyOf(e: ReviewEdge): string {
  return `${e.file}\0${e.target}`;
}

export function violationChanges(base: SideModel, head: SideModel): { new: Violation[]; fixed: Violation[] } {
  const had = new Set(base.violations.map((v) => v.fingerprint));
  const has = new Set(head.violations.map((v) => v.fingerprint));
  return {
    new: head.violations.filter((v) => !had.has(v.fingerprint)),
    fixed: base.violations.filter((v) => !has.has(v.fingerprint)),
  };
}

export function independenceChanges(changes: Change[], base: SideModel, head: SideModel): Review['independence'] {
  const touched = new Set<string>();
  for (const c of changes) {
    for (const t of base.deliveryTeamsOf(c.oldPath ?? c.path)) touched.add(t);
    if (c.status !== 'deleted') for (const t of head.deliveryTeamsOf(c.path)) touched.add(t);
  }
  return [...touched].sort().map((team) => ({ team, base: base.independence(team), head: head.independence(team) }));
}

/** Affected teams: importers of deleted and renamed-away files on the base, of the others on the head. */
export function affectedTeams(changes: Change[], base: SideModel, head: SideModel): AffectedTeam[] {
  const found = new Map<string, AffectedTeam['via']>();
  const gone = changes.filter((c) => c.status === 'deleted' || c.status === 'renamed').map((c) => c.oldPath ?? c.path);
  collectImporters(gone, base, found);
  collectImporters(
    changes.filter((c) => c.status !== 'deleted').map((c) => c.path),
    head,
    found,
  );
  return [...found].sort(([a], [b]) => (a < b ? -1 : 1)).map(([team, via]) => ({ team, via }));
}

function collectImporters(changed: string[], m: SideModel, found: Map<string, AffectedTeam['via']>): void {
  const reverse = new Map<string, ImportEdge[]>();
  for (const e of m.edges) if (e.to !== null) (reverse.get(e.to) ?? reverse.set(e.to, []).get(e.to)!).push(e);
  // carrier → the changed file it passes on (itself, or through a chain of re-exports)
  const carriers = new Map(changed.map((f) => [f, f]));
  const queue = [...changed];
  while (queue.length) {
    const f = queue.shift()!;
    for (const e of reverse.get(f) ?? []) {
      if (e.kind !== 'reexport' || carriers.has(e.from)) continue;
      carriers.set(e.from, carriers.get(f)!);
      queue.push(e.from);
    }
  }
  for (const [target, origin] of carriers) {
    const owners = new Set([...m.deliveryTeamsOf(origin), ...m.deliveryTeamsOf(target)]);
    for (const e of reverse.get(target) ?? []) {
      for (const team of m.deliveryTeamsOf(e.from)) {
        if (owners.has(team)) continue;
        const via = found.get(team) ?? found.set(team, []).get(team)!;
        if (!via.some((v) => v.file === e.from && v.target === target))
          via.push({ file: e.from, line: e.line, target, changed: origin });
      }
    }
  }
}
