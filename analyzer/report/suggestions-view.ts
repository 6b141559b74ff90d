// The Suggestions section, the same in Markdown and HTML: the module suggestions in
// rank order (the window's changes to the files they move, metrics/modules.ts), the first few
// shown, and the CODEOWNERS lines to consider likewise capped — each cut said in the same words,
// with where the rest are.
import { showing } from './findings-view';
import type { InferredModule, Report } from '../contract/report';

/** Module suggestions shown before "showing N of M". */
export const SUGGESTIONS_SHOWN = 5;
/** CODEOWNERS lines shown before "showing N of M". */
export const CODEOWNERS_SHOWN = 10;

export interface SuggestionsView {
  modules: InferredModule[];
  /** "showing 5 of 12 — the rest are in the JSON report (…)", or null when nothing is cut. */
  modulesCut: string | null;
  clusters: Report['suggestions']['clusters'];
  codeowners: string[];
  codeownersCut: string | null;
}

export function suggestionsView(r: Report): SuggestionsView | null {
  const all = r.modules.filter((m) => m.suggestion).sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  if (!all.length && !r.suggestions.codeowners.length && !r.suggestions.clusters.length) return null;
  return {
    modules: all.slice(0, SUGGESTIONS_SHOWN),
    modulesCut: cut(SUGGESTIONS_SHOWN, all.length, 'modules[].suggestion'),
    clusters: r.suggestions.clusters,
    codeowners: r.suggestions.codeowners.slice(0, CODEOWNERS_SHOWN),
    codeownersCut: cut(CODEOWNERS_SHOWN, r.suggestions.codeowners.length, 'suggestions.codeowners'),
  };
}

function cut(shown: number, total: number, field: string): string | null {
  return total > shown ? `${showing(shown, total)} — the rest are in the JSON report (${field})` : null;
}
