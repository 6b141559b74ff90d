// Markdown on the hand-built sample report: every expected line computed by hand from
// test/fixtures/report.ts, and repository strings (an author named like an <img> tag, a path
// with quotes, & and <tags>, pipes and backticks in names, line breaks) never become markup.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../analyzer/report/markdown';
import { sampleReport } from '../fixtures/report';

describe('Markdown reporter', () => {
  const md = renderMarkdown(sampleReport());
  const lines = md.split('\n');

  it('starts with a summary line', () => {
    expect(lines.slice(0, 5)).toEqual([
      '# Conway report — shop (main)',
      '',
      '3 teams, 4 files, 120 commits at `0123456789` since 2024-01-01; 6 violations in 6 findings.',
      '',
      'Window 2024-01-01 → 2024-04-30: 120 commits.',
    ]);
  });

  it('has the autonomy table with its components, best score first', () => {
    const rows = lines.filter((l) => /^\| (Payments|Platform|Web)/.test(l));
    expect(rows).toEqual([
      '| Payments | commerce | 72.5 | 75% | 85% | 65% | 40 | 280 | 2 | &lt;img src=x onerror=alert(1)&gt;, Ann Lee (inferred) |',
      '| Platform | commerce | 64.0 | 60% | 70% | 50% | 70 | 490 | 1 | Bob Stone |',
      '| Web "Storefront" &amp; &lt;Co&gt; | experience | 50.0 | 50% | 60% | 40% | 30 | 210 | 2 | Cat Ray, Dan \\| Pipe \\`tick\\` (inferred) |',
    ]);
    expect(md).toContain('| commerce | payments, platform | 70.0 | 70% | 80% | 60% |');
  });

  it('lists the strongest team coupling first, both import directions', () => {
    const at = lines.indexOf('## Team coupling');
    expect(lines.slice(at + 4, at + 7)).toEqual([
      '| payments ↔ platform | 12 | 20% | 14 | 2 |',
      '| payments ↔ web | 0 | 0% | 0 | 6 |',
      '| platform ↔ web | 4 | 8% | 0 | 0 |',
    ]);
  });

  it('a report without findings (written before they existed) shows one finding per violation, by kind', () => {
    expect(md).toContain('## Findings (6, 6 locations)');
    for (const k of [
      'deep-import',
      'forbidden-dependency',
      'team-cycle',
      'unowned',
      'ownership-drift',
      'invalid-codeowners',
    ])
      expect(md).toContain(`### ${k} (1 finding, 1 location)`);
    expect(md).toContain(
      '- #1 web/src/"quotes" &amp; &lt;tags&gt;.ts:2: import from payments\' public API (payments/index.ts) instead of payments/src/charge.ts — 1 location, 0 changes; e.g. `web/src/"quotes" & <tags>.ts:2`',
    );
    expect(md).toContain(
      '- #6 .github/CODEOWNERS:7: line 7: \\`!\\` negation is not supported by GitHub; the line is ignored',
    );
    expect(md).toContain('main author &lt;img src=x onerror=alert(1)&gt;');
  });

  it('ends with suggestions, CODEOWNERS lines in a fence, and notes', () => {
    expect(md).toContain('- cluster payments + platform + web: 12 shared commits between payments and platform');
    expect(md).toContain('CODEOWNERS lines to consider:\n\n```\n/scripts/ @shop/platform\n```');
    expect(md.trimEnd().split('\n').slice(-2)).toEqual([
      '- history window 2024-01-01 … 2024-04-30',
      '- 1 author matched no team: &lt;img src=x onerror=alert(1)&gt;',
    ]);
  });

  it('says "showing N of M" when a kind has more findings than it lists', () => {
    const r = sampleReport();
    r.findings = Array.from({ length: 60 }, (_, i) => ({
      id: `u${i}`,
      kind: 'unowned' as const,
      title: `dir${i}/`,
      fromTeam: null,
      toTeam: null,
      target: `dir${i}`,
      count: 2,
      changes: 60 - i,
      rank: i + 1,
      examples: [{ file: `dir${i}/a.ts`, line: 1 }],
      suggestion: `/dir${i}/ @o/a`,
    }));
    const out = renderMarkdown(r);
    expect(out).toContain('### unowned (60 findings, 120 locations)');
    expect(out.match(/^- #\d+ /gm)).toHaveLength(50);
    expect(out).toContain('- … showing 50 of 60: the rest are in the JSON report (`findings`) and `conway check`');
    expect(
      out
        .split('## Where to act first')[1]
        .split('##')[0]
        .match(/^\d\. /gm),
    ).toHaveLength(5);
  });

  it('has no raw < outside code spans', () => {
    const raw = lines.filter((l) => l.includes('<'));
    expect(raw.length).toBeGreaterThan(0);
    for (const l of raw) expect(l.replace(/`[^`]*`/g, '')).not.toContain('<');
  });

  it('escapes pipes, backticks and line breaks in names and paths', () => {
    const r = sampleReport();
    r.teams[2].name = 'Web | `x`\nnext';
    r.violations[3].file = 'scripts/a`b\nc.ts';
    r.suggestions.codeowners = ['/odd```dir/ @shop/web'];
    const out = renderMarkdown(r);
    expect(out).toContain('| Web \\| \\`x\\` next | experience |');
    expect(out).toContain("e.g. `scripts/a'b c.ts:1`");
    expect(out).toContain('````\n/odd```dir/ @shop/web\n````');
  });
});

describe('Markdown reporter: membership and roles', () => {
  const r = sampleReport();
  r.teams[0].membership = 'inferred';
  r.teams[1].membership = 'declared';
  r.teams[2] = { ...r.teams[2], role: 'review-group', membership: 'declared', approvalShare: 0.9 };
  const md = renderMarkdown(r);

  it('marks the teams whose membership was inferred and says how to declare it', () => {
    expect(md).toContain(
      '> Teams marked \\*: membership inferred from history — run \\`conway init\\` (it drafts a team map to review).',
    );
    expect(md).toContain(`| ${r.teams[0].name} \\* |`);
    expect(md).not.toContain(`| ${r.teams[1].name} \\* |`);
  });

  it('lists review groups apart, with their share of approvals, not in the autonomy ranking', () => {
    expect(md).toMatch(
      /\| review group \| share of approvals \| files \| members \|\n\| --- \| ---: \| ---: \| --- \|\n\| Web "Storefront" &amp; &lt;Co&gt; \| 90% \| 30 \|/,
    );
    expect(md.match(/\| Web "Storefront"/g)).toHaveLength(1);
  });

  it('says nothing about inferred membership when every team is declared', () => {
    const declared = sampleReport();
    for (const t of declared.teams) t.membership = 'declared';
    expect(renderMarkdown(declared)).not.toContain('membership inferred');
  });
});
