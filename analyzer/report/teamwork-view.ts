// The "Interactions" and "Coordination" sections both reporters show (org/interactions.ts and
// org/coordination.ts compute them): which pairs a lead reads first (not matching first, then the
// heaviest evidence), and the coordination lists — as plain-text cells the Markdown and HTML
// reporters escape and lay out, so the two reports can never choose differently.
import type { Report } from '../contract/report';
import { STATUS_ORDER, statusCountText, type InteractionRow } from '../contract/teamwork-interactions';
import { prLoginText } from '../contract/teamwork-crossing';

export const INTERACTIONS_SHOWN = 15;

export const INTERACTION_HEADER = [
  'teams',
  'declared',
  'observed',
  'status',
  'imports a→b / b→a',
  'public API',
  'shared change sets',
  'changes a→b / b→a',
];

export interface InteractionsView {
  /** The shown pairs' cells, in INTERACTION_HEADER's order (first cell: the pair). */
  rows: string[][];
  /** The shown rows' statuses (for a class or colour). */
  statuses: InteractionRow['status'][];
  shown: number;
  total: number;
}

export function interactionsView(r: Report): InteractionsView | null {
  const all = [...(r.interactions ?? [])].sort(
    (x, y) => STATUS_ORDER.indexOf(x.status) - STATUS_ORDER.indexOf(y.status) || weight(y) - weight(x),
  );
  if (!all.length) return null;
  const shown = all.slice(0, INTERACTIONS_SHOWN);
  const rows = shown.map((i) => {
    const e = i.observed.evidence;
    return [
      `${i.a} ↔ ${i.b}`,
      i.declared ? `${i.declared.mode}${i.declared.until ? ` until ${i.declared.until}` : ''}` : '–',
      `${i.observed.mode}${i.observed.by ? ` (${i.observed.by})` : ''}`,
      i.status,
      `${e.importsAB} / ${e.importsBA}`,
      e.publicApiShare === null ? '–' : `${Math.round(100 * e.publicApiShare)}%`,
      String(e.sharedCommits),
      `${e.changesAinB} / ${e.changesBinA}`,
    ];
  });
  return { rows, statuses: shown.map((i) => i.status), shown: shown.length, total: all.length };
}

export const INTERACTIONS_FOOTNOTE =
  'Observed modes and their thresholds: docs/metrics.md, "Interactions". (x) is the team whose API is consumed, or the team that facilitates.';

function weight(i: InteractionRow): number {
  const e = i.observed.evidence;
  return e.importsAB + e.importsBA + e.sharedCommits + e.changesAinB + e.changesBinA;
}

/** A scope's interaction statuses as "1 differs · 2 undeclared" (the lead's order); "–" when none. */
export function interactionCounts(counts: Record<string, number> | null | undefined): string {
  return counts ? statusCountText(counts, '–') : '–';
}

export interface CoordinationView {
  /** "3 team pairs need coordination …; 2 of them show it …" */
  summary: string;
  neededNotSeen: string;
  seenWithoutDependency: string;
  /** [team, congruence] for the teams with a need, lowest first. */
  congruence: [string, string][];
  /** With `--prs`: how many of the export's logins match no team member, and what to do (null when all do). */
  prLogins: string | null;
}

export const COORDINATION_FOOTNOTE =
  'Congruence: of the team\'s pairs that need coordination, the share where it was seen (Cataldo et al. 2008; docs/metrics.md, "Coordination").';

export function coordinationView(r: Report): CoordinationView | null {
  const c = r.coordination;
  if (!c || !c.pairs.length) return null;
  const list = (ps: { a: string; b: string }[]) =>
    ps.length
      ? `${ps
          .slice(0, 10)
          .map((p) => `${p.a} ↔ ${p.b}`)
          .join(', ')}${ps.length > 10 ? ` and ${ps.length - 10} more` : ''}`
      : 'none';
  const needed = c.pairs.filter((p) => p.needed).length;
  const both = c.pairs.filter((p) => p.needed && p.happened).length;
  return {
    summary: `${needed} team pairs need coordination (their work co-changes); ${both} of them show it (co-authored commits, reviews, change sets by both).`,
    neededNotSeen: list(c.neededNotHappening),
    seenWithoutDependency: list(c.happeningWithoutDependency),
    congruence: c.teams
      .filter((t) => t.congruence !== null)
      .sort((x, y) => x.congruence! - y.congruence!)
      .map((t) => [t.team, `${Math.round(100 * t.congruence!)}%`]),
    prLogins: prLoginText(r.changeSets),
  };
}
