// The Markdown report's "Interactions" and "Coordination" sections: the pairs whose declared
// and observed modes a lead should compare (not matching first), and the coordination lists.
import type { Report } from '../contract/report';
import type { InteractionRow } from '../contract/teamwork-interactions';

const SHOWN = 15;
const ORDER: InteractionRow['status'][] = ['differs', 'expired', 'undeclared', 'unused', 'matches'];

export function teamworkMarkdown(r: Report, esc: (s: string) => string): string[] {
  return [...interactions(r, esc), ...coordination(r, esc)];
}

function interactions(r: Report, esc: (s: string) => string): string[] {
  const rows = [...(r.interactions ?? [])].sort(
    (x, y) => ORDER.indexOf(x.status) - ORDER.indexOf(y.status) || weight(y) - weight(x),
  );
  if (!rows.length) return [];
  const out = [
    '',
    '## Interactions',
    '',
    '| teams | declared | observed | status | imports a→b / b→a | public API | shared change sets | changes a→b / b→a |',
    '| --- | --- | --- | --- | ---: | ---: | ---: | ---: |',
  ];
  for (const i of rows.slice(0, SHOWN)) {
    const e = i.observed.evidence;
    const declared = i.declared ? `${i.declared.mode}${i.declared.until ? ` until ${i.declared.until}` : ''}` : '–';
    const observed = `${i.observed.mode}${i.observed.by ? ` (${esc(i.observed.by)})` : ''}`;
    out.push(
      `| ${esc(i.a)} ↔ ${esc(i.b)} | ${declared} | ${observed} | ${i.status} | ${e.importsAB} / ${e.importsBA} | ${e.publicApiShare === null ? '–' : `${Math.round(100 * e.publicApiShare)}%`} | ${e.sharedCommits} | ${e.changesAinB} / ${e.changesBinA} |`,
    );
  }
  if (rows.length > SHOWN)
    out.push('', `_showing ${SHOWN} of ${rows.length} pairs (all in the JSON report's \`interactions\`)._`);
  out.push(
    '',
    '_Observed modes and their thresholds: docs/metrics.md, "Interactions". (x) is the team whose API is consumed, or the team that facilitates._',
  );
  return out;
}

function weight(i: InteractionRow): number {
  const e = i.observed.evidence;
  return e.importsAB + e.importsBA + e.sharedCommits + e.changesAinB + e.changesBinA;
}

function coordination(r: Report, esc: (s: string) => string): string[] {
  const c = r.coordination;
  if (!c || !c.pairs.length) return [];
  const pair = (p: { a: string; b: string }) => `${esc(p.a)} ↔ ${esc(p.b)}`;
  const list = (ps: { a: string; b: string }[]) =>
    ps.length
      ? `${ps.slice(0, 10).map(pair).join(', ')}${ps.length > 10 ? ` and ${ps.length - 10} more` : ''}`
      : 'none';
  const needed = c.pairs.filter((p) => p.needed).length;
  const both = c.pairs.filter((p) => p.needed && p.happened).length;
  return [
    '',
    '## Coordination',
    '',
    `${needed} team pairs need coordination (their work co-changes); ${both} of them show it (co-authored commits, reviews, change sets by both).`,
    '',
    `- needed, not seen: ${list(c.neededNotHappening)}`,
    `- seen without a dependency: ${list(c.happeningWithoutDependency)}`,
    '',
    '| team | congruence |',
    '| --- | ---: |',
    ...c.teams
      .filter((t) => t.congruence !== null)
      .sort((x, y) => x.congruence! - y.congruence!)
      .map((t) => `| ${esc(t.team)} | ${Math.round(100 * t.congruence!)}% |`),
    '',
    '_Congruence: of the team\'s pairs that need coordination, the share where it was seen (Cataldo et al. 2008; docs/metrics.md, "Coordination")._',
  ];
}
