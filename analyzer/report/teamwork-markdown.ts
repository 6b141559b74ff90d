// The Markdown report's "Interactions" and "Coordination" sections (the selection and cells:
// teamwork-view.ts, shared with the HTML report).
import type { Report } from '../contract/report';
import {
  COORDINATION_FOOTNOTE,
  coordinationView,
  INTERACTION_HEADER,
  INTERACTIONS_FOOTNOTE,
  interactionsView,
} from './teamwork-view';

export function teamworkMarkdown(r: Report, esc: (s: string) => string): string[] {
  return [...interactions(r, esc), ...coordination(r, esc)];
}

function interactions(r: Report, esc: (s: string) => string): string[] {
  const v = interactionsView(r);
  if (!v) return [];
  const out = [
    '',
    '## Interactions',
    '',
    `| ${INTERACTION_HEADER.join(' | ')} |`,
    '| --- | --- | --- | --- | ---: | ---: | ---: | ---: |',
    ...v.rows.map((cells) => `| ${cells.map(esc).join(' | ')} |`),
  ];
  if (v.total > v.shown)
    out.push('', `_showing ${v.shown} of ${v.total} pairs (all in the JSON report's \`interactions\`)._`);
  out.push('', `_${INTERACTIONS_FOOTNOTE}_`);
  return out;
}

function coordination(r: Report, esc: (s: string) => string): string[] {
  const v = coordinationView(r);
  if (!v) return [];
  return [
    '',
    '## Coordination',
    '',
    v.summary,
    '',
    `- needed, not seen: ${esc(v.neededNotSeen)}`,
    `- seen without a dependency: ${esc(v.seenWithoutDependency)}`,
    ...(v.prLogins ? [`- ${esc(v.prLogins)}`] : []),
    '',
    '| team | congruence |',
    '| --- | ---: |',
    ...v.congruence.map(([team, c]) => `| ${esc(team)} | ${c} |`),
    '',
    `_${COORDINATION_FOOTNOTE}_`,
  ];
}
