// Interactions on the team graph (declared vs observed, Team Topologies modes). The report's
// `interactions` rows come from the interaction analysis; a report without them draws none.
// The shape is the contract's (InteractionRow), read defensively: the dashboard also opens
// reports of older or newer Conway versions, so every row is checked field by field and rebuilt
// from what is there (an unknown status or mode is kept as text and drawn grey).
import type { Report } from '../analyzer/contract/report';
import type { InteractionEvidence, InteractionMode, InteractionRow } from '../analyzer/contract/teamwork-interactions';

export type { InteractionRow } from '../analyzer/contract/teamwork-interactions';

/** Status → edge colour (a fixed, colour-blind-safe set; unknown statuses are grey). */
export const STATUS_COLORS: Record<string, string> = {
  matches: '#1a7f37',
  differs: '#cf222e',
  undeclared: '#bf8700',
  expired: '#8250df',
  unused: '#8c959f',
};

type Loose = Record<string, unknown>;
const isObject = (x: unknown): x is Loose => !!x && typeof x === 'object' && !Array.isArray(x);
const str = (x: unknown): string | null => (typeof x === 'string' ? x : null);
const num = (x: unknown): number => (typeof x === 'number' && Number.isFinite(x) ? x : 0);

/** The report's interaction rows that have a pair, a status and an observed mode; others are skipped. */
export function interactionsOf(r: Report): InteractionRow[] {
  const rows = (r as { interactions?: unknown }).interactions;
  if (!Array.isArray(rows)) return [];
  const out: InteractionRow[] = [];
  for (const x of rows as unknown[]) {
    if (!isObject(x) || !isObject(x.observed)) continue;
    const a = str(x.a);
    const b = str(x.b);
    const status = str(x.status);
    const mode = str(x.observed.mode);
    if (a === null || b === null || status === null || mode === null) continue;
    const d = isObject(x.declared) && str(x.declared.mode) !== null ? x.declared : null;
    const e = isObject(x.observed.evidence) ? x.observed.evidence : {};
    const evidence: InteractionEvidence = {
      importsAB: num(e.importsAB),
      importsBA: num(e.importsBA),
      publicApiShare: typeof e.publicApiShare === 'number' ? e.publicApiShare : null,
      sharedCommits: num(e.sharedCommits),
      changesAinB: num(e.changesAinB),
      changesBinA: num(e.changesBinA),
    };
    const by = str(x.observed.by);
    out.push({
      a,
      b,
      declared: d
        ? {
            mode: d.mode as InteractionMode,
            purpose: str(d.purpose),
            since: str(d.since),
            until: str(d.until),
          }
        : null,
      observed: { mode: mode as InteractionRow['observed']['mode'], evidence, ...(by !== null ? { by } : {}) },
      status: status as InteractionRow['status'],
    });
  }
  return out;
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\0${b}` : `${b}\0${a}`;
}

export function interactionColor(i: InteractionRow): string {
  return Object.prototype.hasOwnProperty.call(STATUS_COLORS, i.status) ? STATUS_COLORS[i.status] : '#8c959f';
}

export function interactionText(i: InteractionRow): string {
  const d = i.declared;
  const declared = d
    ? `declared ${d.mode}${d.purpose ? ` (${d.purpose})` : ''}${d.until ? ` until ${d.until}` : ''}`
    : 'not declared';
  return `${i.a} ↔ ${i.b}: ${declared}, observed ${i.observed.mode}${i.observed.by ? ` (${i.observed.by})` : ''} — ${i.status}`;
}
