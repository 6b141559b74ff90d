// The Scorecard and Cluster fit sections of the Markdown and HTML reports, and the output of
// `conway scorecard`. Every repository string is escaped (Markdown: esc; HTML: h). The HTML
// draws each number's periods as small multiples: one inline SVG of bars per number, no script.
import type { Report } from '../contract/report';
import type { ClusterFit, ScorePeriod, ScoreScope, ScoreValue } from '../contract/teamwork-scorecard';
import { pct, score } from './format';
import { h } from './html-parts';
import { interactionCounts } from './teamwork-view';

/** The period's numbers (each a ScoreValue); the interaction counts have a column of their own. */
export type NumberKey = keyof Omit<ScorePeriod, 'period' | 'commits' | 'interactions' | 'interactionIssues'>;

/** The numbers of a period row, with how to print them. */
const COLUMNS: {
  key: NumberKey;
  label: string;
  fmt: (x: number | null) => string;
  unit: 'score' | 'ratio' | 'count';
}[] = [
  { key: 'autonomy', label: 'autonomy', fmt: score, unit: 'score' },
  { key: 'deliveryIndependence', label: 'delivery independence', fmt: pct, unit: 'ratio' },
  { key: 'ownershipIntegrity', label: 'ownership integrity', fmt: pct, unit: 'ratio' },
  { key: 'dependencyIndependence', label: 'dependency independence', fmt: pct, unit: 'ratio' },
  { key: 'crossShare', label: 'crossing share', fmt: pct, unit: 'ratio' },
  {
    key: 'crossRatio',
    label: 'crossing time ratio',
    fmt: (x) => (x === null ? '–' : `${x.toFixed(2)}×`),
    unit: 'count',
  },
  { key: 'congruence', label: 'congruence', fmt: pct, unit: 'ratio' },
  { key: 'findingsOpened', label: 'drift findings opened', fmt: (x) => (x === null ? '–' : String(x)), unit: 'count' },
  { key: 'findingsFixed', label: 'drift findings fixed', fmt: (x) => (x === null ? '–' : String(x)), unit: 'count' },
];

const INTERACTIONS_LABEL = 'interactions';
const INTERACTIONS_NOTE =
  "Interactions: the period's statuses of the scope's team pairs (the same modes over the period's change sets, HEAD's imports, the declarations in force at its end); \"contradicted\" counts differs + expired beside the previous period's.";

/**
 * A period's interaction cell: "1 differs · 2 undeclared; contradicted 1 ↑ from 0 (worse)". A report
 * written before per-period statuses has the window's counts only (`scope.interactions`).
 */
export function interactionCell(p: ScorePeriod | undefined, s: ScoreScope): string {
  if (!p || p.interactions === undefined) return interactionCounts(s.interactions);
  const counts = interactionCounts(p.interactions);
  const issues = p.interactionIssues;
  if (!issues || issues.value === null || (!issues.value && !issues.previous)) return counts;
  return `${counts}; contradicted ${cellText(issues, (x) => (x === null ? '–' : String(x)))}`;
}

export type ScopeFilter = { kind: 'team' | 'cluster'; id: string } | null;

/** "62.5 ↓ from 83.3 (worse)"; "–" without a value. */
export function cellText(v: ScoreValue, fmt: (x: number | null) => string): string {
  if (v.value === null) return '–';
  if (v.direction === null) return fmt(v.value);
  // A change below the printed precision reads as none: "82% ↑ from 82%" would say it moved.
  if (v.direction === 'same' || fmt(v.value) === fmt(v.previous)) return `${fmt(v.value)} = ${fmt(v.previous)}`;
  const arrow = v.direction === 'up' ? '↑' : '↓';
  return `${fmt(v.value)} ${arrow} from ${fmt(v.previous)} (${v.direction === v.better ? 'better' : 'worse'})`;
}

export function scopesOf(r: Report, only: ScopeFilter): ScoreScope[] {
  const card = r.scorecard;
  if (!card) return [];
  const all = [...card.teams, ...card.clusters];
  return only ? all.filter((s) => s.kind === only.kind && s.id === only.id) : all;
}

function improveText(s: ScoreScope, md: (x: string) => string): string {
  if (!s.improve) return '';
  const who = s.improve.contributors.map((c) => `${md(c.name)} (${md(c.detail)})`).join('; ');
  return `${md(s.improve.component)} ${pct(s.improve.value)}${who ? `: ${who}` : ': no single contributor stands out'}`;
}

export function scorecardMarkdown(r: Report, esc: (s: string) => string, only: ScopeFilter = null): string[] {
  const card = r.scorecard;
  if (!card || !card.periods.length) return [];
  const latest = card.periods[card.periods.length - 1];
  const out = ['', `## Scorecard (per ${card.period}, latest ${esc(latest)})`, ''];
  const scopes = scopesOf(r, only);
  if (only && !scopes.length) return [...out, `No ${only.kind} ${esc(only.id)} in this report.`];
  if (only) {
    // One scope: every period, oldest first.
    const s = scopes[0];
    out.push(`${s.kind} **${esc(s.id)}** · open findings at HEAD: ${s.openFindings}`, '');
    out.push(
      `| period | commits | ${COLUMNS.map((c) => c.label).join(' | ')} | ${INTERACTIONS_LABEL} |`,
      `| --- | ---: | ${COLUMNS.map(() => '---:').join(' | ')} | --- |`,
    );
    for (const p of s.periods)
      out.push(
        `| ${esc(p.period)} | ${p.commits} | ${COLUMNS.map((c) => cellText(p[c.key], c.fmt)).join(' | ')} | ${p.interactions !== undefined || p.period === latest ? esc(interactionCell(p, s)) : ''} |`,
      );
    if (s.improve) out.push('', `Where to improve (${esc(latest)}): ${improveText(s, esc)}`);
  } else {
    out.push(
      `| | ${COLUMNS.map((c) => c.label).join(' | ')} | ${INTERACTIONS_LABEL} | where to improve |`,
      `| --- | ${COLUMNS.map(() => '---:').join(' | ')} | --- | --- |`,
    );
    for (const s of scopes) {
      const p = s.periods.find((x) => x.period === latest);
      if (!p) continue;
      out.push(
        `| ${s.kind === 'cluster' ? 'cluster ' : ''}${esc(s.id)} | ${COLUMNS.map((c) => cellText(p[c.key], c.fmt)).join(' | ')} | ${esc(interactionCell(p, s))} | ${improveText(s, esc)} |`,
      );
    }
  }
  out.push(
    '',
    `_Each value is beside the previous ${card.period}'s; "better" is up for autonomy, its components and congruence, down for crossing and findings opened. ${INTERACTIONS_NOTE} ${card.notes.map(esc).join('; ')}. Definitions: docs/metrics.md ("Scorecard")._`,
  );
  return out;
}

export function clusterFitText(fit: ClusterFit): string[] {
  const lines: string[] = [];
  const q = (x: number | null) => (x === null ? '–' : x.toFixed(3));
  lines.push(
    `declared clusters: modularity ${q(fit.declared.modularity)}; best partition found: ${q(fit.best.modularity)} (${fit.best.clusters.length} clusters, resolution ${fit.best.resolution}); share reached ${pct(fit.share)}`,
  );
  if (fit.moves.length)
    lines.push(
      `fewest moves to ${fit.afterMoves.reached ? 'reach' : 'approach'} 90% of the best: ${fit.moves.map((m) => `${m.team} ${m.from ?? '(no cluster)'} → ${m.to} (+${m.gain.toFixed(3)})`).join(', ')} → modularity ${q(fit.afterMoves.modularity)} (${pct(fit.afterMoves.share)})`,
    );
  if (fit.outsideSize.length)
    lines.push(`clusters outside 3–5 teams: ${fit.outsideSize.map((c) => `${c.cluster} (${c.teams})`).join(', ')}`);
  if (fit.best.clusters.length)
    lines.push(`best partition: ${fit.best.clusters.map((c) => `{${c.join(', ')}}`).join(' ')}`);
  for (const c of fit.coupling)
    lines.push(
      `cluster ${c.cluster}: coupling inside ${c.internal}, to the rest ${c.external} (${pct(c.externalShare)} outside)`,
    );
  return [...lines, ...fit.notes];
}

export function clusterFitMarkdown(r: Report, esc: (s: string) => string): string[] {
  if (!r.clusterFit || !r.clusterFit.teams) return [];
  return [
    '',
    '## Cluster fit',
    '',
    ...clusterFitText(r.clusterFit).map((l) => `- ${esc(l)}`),
    '',
    `_Team graph: ${esc(r.clusterFit.weights)}. Modularity (Newman) of the declared clusters vs Louvain's best partition preferring 3–5 teams (docs/metrics.md, "Cluster fit")._`,
  ];
}

/** Small multiples: one row of bars per number, one bar per period (the latest darker). */
function multiples(s: ScoreScope): string {
  const cells = COLUMNS.filter((c) => s.periods.some((p) => p[c.key].value !== null)).map((c) => {
    const vals = s.periods.map((p) => p[c.key].value);
    const max = c.unit === 'score' ? 100 : c.unit === 'ratio' ? 1 : Math.max(1, ...vals.map((v) => v ?? 0));
    const w = 12;
    const hgt = 28;
    const bars = vals
      .map((v, i) =>
        v === null
          ? ''
          : `<rect x="${i * w + 1}" y="${(hgt - (v / max) * (hgt - 2)).toFixed(1)}" width="${w - 2}" height="${((v / max) * (hgt - 2)).toFixed(1)}"${i === vals.length - 1 ? ' class="last"' : ''}><title>${h(`${s.periods[i].period}: ${c.fmt(v)}`)}</title></rect>`,
      )
      .join('');
    const last = s.periods[s.periods.length - 1][c.key];
    return `<td><div class="muted">${h(c.label)}</div><svg class="multiple" width="${vals.length * w}" height="${hgt}" viewBox="0 0 ${vals.length * w} ${hgt}">${bars}</svg><div>${h(cellText(last, c.fmt))}</div></td>`;
  });
  return cells.join('');
}

export function scorecardHtml(r: Report, only: ScopeFilter = null): string {
  const card = r.scorecard;
  if (!card || !card.periods.length) return '';
  const scopes = scopesOf(r, only);
  const rows = scopes.map(
    (s) =>
      `<tr data-scope="${h(s.kind)}:${h(s.id)}"><th>${s.kind === 'cluster' ? '<i>cluster</i> ' : ''}${h(s.id)}</th>${multiples(s)}<td class="interactions"><div class="muted">${h(INTERACTIONS_LABEL)}</div><div>${h(interactionCell(s.periods[s.periods.length - 1], s))}</div></td><td>${h(improveText(s, (x) => x))}</td></tr>`,
  );
  const fit =
    !only && r.clusterFit && r.clusterFit.teams
      ? `<h2>Cluster fit</h2><ul class="cluster-fit">${clusterFitText(r.clusterFit)
          .map((l) => `<li>${h(l)}</li>`)
          .join('')}</ul><p class="muted">Team graph: ${h(r.clusterFit.weights)}.</p>`
      : '';
  return `<h2>Scorecard (per ${h(card.period)}: ${h(card.periods[0])} … ${h(card.periods[card.periods.length - 1])})</h2>
<p class="muted">Bars: one per ${h(card.period)}, oldest first, the latest darker; text: the latest beside the previous. ${h(INTERACTIONS_NOTE)} ${h(card.notes.join('; '))}.</p>
<table class="scorecard"><tbody>${rows.join('')}</tbody></table>${fit}`;
}
