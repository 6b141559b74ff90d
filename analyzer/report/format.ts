// Number formatting shared by the text reporters: ratios as percentages, null as "–".
import { INFERRED_MEMBERSHIP } from '../contract/report';

export { INFERRED_MEMBERSHIP };

export function pct(x: number | null | undefined): string {
  return x === null || x === undefined ? '–' : `${Math.round(x * 100)}%`;
}

export function score(x: number | null | undefined): string {
  return x === null || x === undefined ? '–' : x.toFixed(1);
}

export function num(x: number | null | undefined): string {
  return x === null || x === undefined ? '–' : String(x);
}

/** ` (review group)` / ` (membership inferred …)` after a team's numbers; '' for a declared delivery team. */
export function teamCaveat(row: { membership?: string; role?: string } | undefined): string {
  const parts = [
    row?.role === 'review-group' ? 'review group' : '',
    row?.membership === 'inferred' ? INFERRED_MEMBERSHIP : '',
  ].filter(Boolean);
  return parts.length ? ` (${parts.join('; ')})` : '';
}

/** A member as every surface names one: an inferred member says so, with the share of their own changes that went to the team's files. */
export function memberLabel(m: { name: string; inferred: boolean; ownShare?: number }): string {
  if (!m.inferred) return m.name;
  return `${m.name} (inferred${m.ownShare !== undefined ? `, ${pct(m.ownShare)} of own changes` : ''})`;
}
