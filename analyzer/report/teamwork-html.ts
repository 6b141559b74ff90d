// The HTML report's "Interactions" and "Coordination" sections: the same pairs, order and cells
// as the Markdown report's (teamwork-view.ts); every repository string through h().
import type { Report } from '../contract/report';
import { h } from './html-parts';
import {
  COORDINATION_FOOTNOTE,
  coordinationView,
  INTERACTION_HEADER,
  INTERACTIONS_FOOTNOTE,
  interactionsView,
} from './teamwork-view';

export function teamworkHtml(r: Report): string {
  return interactions(r) + coordination(r);
}

function interactions(r: Report): string {
  const v = interactionsView(r);
  if (!v) return '';
  const head = INTERACTION_HEADER.map((c) => `<th>${h(c)}</th>`).join('');
  const rows = v.rows
    .map(
      (cells, i) =>
        `<tr data-status="${h(v.statuses[i])}">${cells.map((c, j) => `<td${j >= 4 ? ' style="text-align:right"' : ''}>${h(c)}</td>`).join('')}</tr>`,
    )
    .join('');
  const more =
    v.total > v.shown
      ? `<p class="muted">Showing ${v.shown} of ${v.total} pairs (all in the JSON report's <code>interactions</code>).</p>`
      : '';
  return `\n<h2>Interactions</h2><table class="interactions"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>${more}<p class="muted">${h(INTERACTIONS_FOOTNOTE)}</p>`;
}

function coordination(r: Report): string {
  const v = coordinationView(r);
  if (!v) return '';
  const rows = v.congruence.map(([team, c]) => `<tr><td>${h(team)}</td><td style="text-align:right">${c}</td></tr>`);
  return `\n<h2>Coordination</h2><p>${h(v.summary)}</p><ul class="coordination"><li>needed, not seen: ${h(v.neededNotSeen)}</li><li>seen without a dependency: ${h(v.seenWithoutDependency)}</li>${v.prLogins ? `<li class="pr-logins">${h(v.prLogins)}</li>` : ''}</ul>${rows.length ? `<table class="congruence"><thead><tr><th>team</th><th>congruence</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : ''}<p class="muted">${h(COORDINATION_FOOTNOTE)}</p>`;
}
