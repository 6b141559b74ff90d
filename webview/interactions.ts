// Interactions on the team graph (declared vs observed, Team Topologies modes). The report's
// `interactions` rows come from the interaction analysis; a report without them draws none.
// The local shape is the contract's (InteractionRow), read defensively: the dashboard also
// opens reports of older Conway versions.
import type { Report } from '../analyzer/contract/report';

export interface InteractionView {
  a: string;
  b: string;
  declared: { mode: string; purpose?: string | null; since?: string | null; until?: string | null } | null;
  observed: { mode: string } | null;
  status: string;
}

/** Status → edge colour (a fixed, colour-blind-safe set; unknown statuses are grey). */
export const STATUS_COLORS: Record<string, string> = {
  matches: '#1a7f37',
  differs: '#cf222e',
  undeclared: '#bf8700',
  expired: '#8250df',
  unused: '#8c959f',
};

export function interactionsOf(r: Report): InteractionView[] {
  const rows = (r as { interactions?: unknown }).interactions;
  if (!Array.isArray(rows)) return [];
  return rows.filter(
    (x): x is InteractionView =>
      !!x &&
      typeof x === 'object' &&
      typeof (x as InteractionView).a === 'string' &&
      typeof (x as InteractionView).b === 'string' &&
      typeof (x as InteractionView).status === 'string',
  );
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\0${b}` : `${b}\0${a}`;
}

export function interactionColor(i: InteractionView): string {
  return Object.prototype.hasOwnProperty.call(STATUS_COLORS, i.status) ? STATUS_COLORS[i.status] : '#8c959f';
}

export function interactionText(i: InteractionView): string {
  const d = i.declared;
  const declared = d
    ? `declared ${d.mode}${d.purpose ? ` (${d.purpose})` : ''}${d.until ? ` until ${d.until}` : ''}`
    : 'not declared';
  return `${i.a} ↔ ${i.b}: ${declared}, observed ${i.observed?.mode ?? 'none'} — ${i.status}`;
}
