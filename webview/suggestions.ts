// Suggestions: inferred-module CODEOWNERS changes and clusters of teams that belong together.
import type { Report } from '../analyzer/contract/report';
import { el } from './dom';

export function suggestions(r: Report): HTMLElement {
  const items = [
    ...r.modules.filter((m) => m.suggestion).map((m) => m.suggestion!),
    ...r.suggestions.clusters.map((c) => `cluster ${c.teams.join(' + ')}: ${c.reason}`),
  ];
  if (!items.length && !r.suggestions.codeowners.length) return el('p', {}, 'No suggestions.');
  const lines = r.suggestions.codeowners;
  return el(
    'div',
    {},
    el('ul', { class: 'suggestions' }, ...items.map((s) => el('li', {}, s))),
    ...(lines.length
      ? [el('p', {}, 'CODEOWNERS lines to consider:'), el('pre', { class: 'codeowners' }, lines.join('\n'))]
      : []),
  );
}
