// Interactions a lead must act on (findings of kind `interaction`, ranked with the others):
//  - a declared X-as-a-Service with deep imports (edges around the public API) or cross-team
//    changes beyond the small share: the service boundary is not holding;
//  - a collaboration past its `until` that goes on: at least MIN_CROSS cross-team changes or
//    shared change sets dated after the end day;
//  - a heavy undeclared dependency: an undeclared pair observed collaborating, or with at least
//    HEAVY_IMPORTS import edges — raised only when the team map declares interactions at all
//    (a repository without a Team API gets one note, not a finding per pair).
// Each is located at the declaration in conway.yml when there is one, else at a place in the code
// that shows it; `weight` (cross-team changes + shared change sets + imports) is its rank key.
import type { Draft } from '../metrics/violations/fingerprint';
import { endOfDay, THRESHOLDS, type ObservedPair } from './interactions';

export const HEAVY_IMPORTS = 20;

export interface InteractionDraft extends Draft {
  weight: number;
}

export function interactionFindings(
  pairs: ObservedPair[],
  teamMap: string | null,
  anyDeclared: boolean,
): InteractionDraft[] {
  const out: InteractionDraft[] = [];
  for (const p of pairs) {
    const { a, b } = p.row;
    const c = p.counts;
    const weight = c.changesAinB + c.changesBinA + c.sharedCommits + c.importsAB + c.importsBA;
    const at =
      p.declared && teamMap
        ? { file: teamMap, line: p.declared.line }
        : (c.examples[0] ?? { file: teamMap ?? '', line: 1 });
    const base = {
      kind: 'interaction' as const,
      ...at,
      fromTeam: p.declaredBy ?? a,
      toTeam: p.declaredBy === b ? a : b,
      target: `${a} ↔ ${b}`,
      weight,
    };
    const message = messageOf(p, anyDeclared);
    if (message) out.push({ ...base, message });
  }
  return out;
}

function messageOf(p: ObservedPair, anyDeclared: boolean): string | null {
  const { a, b, observed } = p.row;
  const c = p.counts;
  const e = observed.evidence;
  if (p.declared?.mode === 'x-as-a-service') {
    const deep = c.importsAB + c.importsBA - c.publicAB - c.publicBA;
    const cross =
      observed.mode === 'collaboration' ||
      observed.mode === 'facilitating' ||
      (observed.mode === 'none' && e.changesAinB + e.changesBinA > 0 && !deep);
    if (deep || cross) {
      const what = [
        deep ? `${deep} import${deep === 1 ? '' : 's'} around the public API` : '',
        cross ? `${e.changesAinB} changes by ${a} to ${b}'s files and ${e.changesBinA} by ${b} to ${a}'s` : '',
      ]
        .filter(Boolean)
        .join(', ');
      return `${a} and ${b} agreed on x-as-a-service, but the window shows ${what} (observed: ${observed.mode}): import through the public API and hand changes to the owning team, or declare the interaction you have`;
    }
  }
  if (p.row.status === 'expired' && p.declared?.until) {
    const after = c.dates.filter((d) => d > endOfDay(p.declared!.until!)).length;
    if (after >= THRESHOLDS.minCross)
      return `the collaboration of ${a} and ${b} ended on ${p.declared.until}, but ${after} cross-team changes and shared change sets came after it: extend \`until\` or settle the interface (x-as-a-service)`;
  }
  if (
    p.row.status === 'undeclared' &&
    anyDeclared &&
    (observed.mode === 'collaboration' || e.importsAB + e.importsBA >= HEAVY_IMPORTS)
  ) {
    return `${a} and ${b} depend on each other heavily (observed: ${observed.mode}; ${e.importsAB + e.importsBA} imports, ${e.sharedCommits} shared change sets, ${e.changesAinB + e.changesBinA} cross-team changes) with no interaction declared: add it to \`interactions:\` in conway.yml`;
  }
  return null;
}
