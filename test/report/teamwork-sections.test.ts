// The Interactions, Coordination and Scorecard sections of the Markdown and HTML reports on the
// team story (test/fixtures/team-story.ts) with a `gh pr list` export written by hand:
// test/fixtures/prs/gh-team-story-outsiders.json is gh-team-story.json plus a review of #31 by
// `zed` and a pull request #35 by `ghost` (no merge commit) reviewed by `Yan` — three logins of
// nobody in the team map. Every expected cell is counted by hand in the comments.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import type { Report } from '../../analyzer/contract/report';
import { renderReport } from '../../analyzer/report';
import { esc } from '../../analyzer/report/markdown';
import { cellText, scorecardMarkdown } from '../../analyzer/report/scorecard-view';
import { pct } from '../../analyzer/report/format';
import { interactionCounts } from '../../analyzer/report/teamwork-view';
import { buildTeamStoryWithPrs, type TeamStoryWithPrs } from '../fixtures/team-story';

let repo: TeamStoryWithPrs;
let r: Report;
let plain: Report;
const opts = { cache: false, now: () => new Date('2024-07-10T00:00:00Z'), metrics: { minSample: 0 } };
const prsDir = join(__dirname, '..', 'fixtures', 'prs');

beforeAll(async () => {
  repo = buildTeamStoryWithPrs();
  r = await analyzeRepo(repo.dir, { ...opts, prs: join(prsDir, 'gh-team-story-outsiders.json') });
  plain = await analyzeRepo(repo.dir, { ...opts, prs: join(prsDir, 'gh-team-story.json') });
}, 60_000);
afterAll(() => repo.cleanup());

/** The HTML's text of a cell (entities decoded). */
const text = (html: string) =>
  html.replace(/<[^>]+>/g, '').replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
const htmlRows = (html: string, table: string) => {
  const body = new RegExp(`<table class="${table}">.*?<tbody>(.*?)</tbody>`).exec(html)![1];
  return [...body.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((m) =>
    [...m[1].matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((c) => text(c[1])),
  );
};
const mdRows = (md: string, heading: string) => {
  const lines = md.split('\n');
  const start = lines.indexOf(heading);
  const rows: string[][] = [];
  for (const l of lines.slice(start + 4)) {
    if (!l.startsWith('| ')) break;
    rows.push(l.slice(2, -2).split(' | '));
  }
  return rows;
};

describe('Interactions and Coordination, one selection for both reports', () => {
  it('lists the same pairs in the same order with the same cells in Markdown and HTML', () => {
    const md = renderReport('md', r);
    const html = renderReport('html', r);
    // differs first, then expired, then the two undeclared facilitations, the match last.
    const expected = [
      ['checkout ↔ platform', 'x-as-a-service', 'none', 'differs', '2 / 0', '50%', '0', '0 / 0'],
      ['checkout ↔ search', 'collaboration until 2024-03-31', 'collaboration', 'expired', '0 / 0', '–', '4', '2 / 3'],
      ['checkout ↔ enablement', '–', 'facilitating (enablement)', 'undeclared', '0 / 0', '–', '0', '0 / 2'],
      ['enablement ↔ platform', '–', 'facilitating (enablement)', 'undeclared', '0 / 0', '–', '0', '2 / 0'],
      ['enablement ↔ search', 'facilitating', 'facilitating (enablement)', 'matches', '0 / 0', '–', '0', '2 / 0'],
    ];
    expect(mdRows(md, '## Interactions')).toEqual(expected);
    expect(htmlRows(html, 'interactions')).toEqual(expected);
    expect([...html.matchAll(/<tr data-status="(\w+)">/g)].map((m) => m[1])).toEqual([
      'differs',
      'expired',
      'undeclared',
      'undeclared',
      'matches',
    ]);
    // Coordination: the three needed pairs all show it (story.test.ts), two pairs coordinate without a need.
    const summary =
      '3 team pairs need coordination (their work co-changes); 3 of them show it (co-authored commits, reviews, change sets by both).';
    expect(md).toContain(summary);
    expect(html).toContain(`<h2>Coordination</h2><p>${summary}</p>`);
    expect(md).toContain('- seen without a dependency: platform ↔ search, checkout ↔ platform');
    expect(text(html)).toContain('seen without a dependency: platform ↔ search, checkout ↔ platform');
    expect(htmlRows(html, 'congruence')).toEqual([
      ['checkout', '100%'],
      ['enablement', '100%'],
      ['search', '100%'],
    ]);
    // The HTML sections sit with the crossing rows after the findings, outside the part the
    // interactive dashboard replaces, and before the scorecard.
    const at = (s: string) => html.indexOf(s);
    expect(at('<h2>Findings')).toBeLessThan(at('<div id="teamwork">'));
    expect(at('<div id="teamwork">')).toBeLessThan(at('<h2>Crossing boundaries'));
    expect(at('<h2>Crossing boundaries')).toBeLessThan(at('<h2>Interactions'));
    expect(at('<h2>Interactions')).toBeLessThan(at('<h2>Coordination'));
    expect(at('<h2>Coordination')).toBeLessThan(at('<h2>Scorecard'));
  });

  it('counts the export logins that match no team member, in the notes and the Coordination section', () => {
    // Authors: sam, cole (members), ghost → 1 of 3. Reviewers: eve, sam, pia (members), zed, yan
    // (lowercased) → 2 of 5. Examples: reviewers first, then authors.
    expect(r.changeSets!.prs!.logins).toEqual({
      authors: 3,
      unmatchedAuthors: 1,
      reviewers: 5,
      unmatchedReviewers: 2,
      examples: ['yan', 'zed', 'ghost'],
    });
    const note = `--prs ${join(prsDir, 'gh-team-story-outsiders.json')}: 2 of 5 reviewer logins and 1 of 3 author logins match no team member (yan, zed, ghost); their reviews and pull requests count as no team's — add each as '@login' beside the member's address in conway.yml members, or join their addresses with a .mailmap`;
    expect(r.notes).toContain(note);
    const md = renderReport('md', r);
    const coordination = md.slice(md.indexOf('## Coordination'), md.indexOf('## Findings'));
    expect(coordination).toContain(`- ${esc(note)}`);
    expect(md.slice(md.indexOf('## Notes'))).toContain(`- ${esc(note)}`);
    const html = renderReport('html', r);
    expect(text(/<li class="pr-logins">(.*?)<\/li>/.exec(html)![1])).toBe(note);
    // The story's own export: every login is a member's, so nothing to say.
    expect(plain.changeSets!.prs!.logins).toEqual({
      authors: 2,
      unmatchedAuthors: 0,
      reviewers: 3,
      unmatchedReviewers: 0,
      examples: [],
    });
    expect(plain.notes.join('\n')).not.toContain('match no team member');
    expect(renderReport('md', plain)).not.toContain('match no team member');
  });

  it('escapes every repository string in both reports', () => {
    const bad = structuredClone(r);
    const xaas = bad.interactions!.find((i) => i.a === 'checkout' && i.b === 'platform')!;
    xaas.a = '<img src=x onerror=alert(1)>';
    xaas.declared!.until = 'a|b`c';
    bad.coordination!.neededNotHappening = [{ a: '<script>x()</script>', b: 'q' }];
    bad.changeSets!.prs!.file = '<b>prs</b>.json';
    const html = renderReport('html', bad);
    for (const raw of ['<img src=x', '<script>x()', '<b>prs'])
      expect(html.slice(html.indexOf('<h2>Interactions'), html.indexOf('<h2>Scorecard'))).not.toContain(raw);
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62; ↔ platform');
    const md = renderReport('md', bad);
    expect(md).toContain('| &lt;img src=x onerror=alert(1)&gt; ↔ platform | x-as-a-service until a\\|b\\`c | none |');
    expect(md).toContain('- needed, not seen: &lt;script&gt;x()&lt;/script&gt; ↔ q');
    expect(md).toContain('- --prs &lt;b&gt;prs&lt;/b&gt;.json: 2 of 5 reviewer logins');
  });
});

describe('interaction status as a scorecard column', () => {
  // The latest quarter, 2024-Q3 (the four pull requests of July): checkout↔platform differs (HEAD's
  // imports of platform, one deep of two; declared x-as-a-service); checkout↔search expired (its
  // collaboration ended 2024-03-31; the PRs' shared change sets do not make it one again);
  // enablement↔search unused (declared facilitating, eve changed nothing). 2024-Q2 has the same three
  // statuses (April's cross-team changes are one each way, under the 2-each rule), so "contradicted"
  // (differs + expired) is unchanged. Clusters: shop {checkout, search} has all three pairs, base
  // {platform, enablement} the two touching either.
  const expected: [string, string][] = [
    ['platform', '1 differs; contradicted 1 = 1'],
    ['checkout', '1 differs · 1 expired; contradicted 2 = 2'],
    ['search', '1 expired · 1 unused; contradicted 1 = 1'],
    ['enablement', '1 unused'],
    ['cluster shop', '1 differs · 1 expired · 1 unused; contradicted 2 = 2'],
    ['cluster base', '1 differs · 1 unused; contradicted 1 = 1'],
  ];

  it('is a column of the Markdown scorecard, per scope, and on every row of one scope', () => {
    const md = renderReport('md', r);
    const lines = md.split('\n');
    const head = lines.find((l) => l.startsWith('| | autonomy'))!.split(' | ');
    const col = head.indexOf('interactions');
    expect(col).toBe(10);
    const rows = mdRows(md, '## Scorecard (per quarter, latest 2024-Q3)');
    expect(rows.map((c) => [c[0], c[col]])).toEqual(expected);
    expect(md).not.toContain('· interactions:');
    // One team, every quarter. 2024-Q1: checkout↔search and checkout↔platform differ (the
    // collaboration was on, but 1 change one way and 2 the other is under its 2-each rule), eve's
    // facilitating into checkout is undeclared; no quarter before it to compare.
    const one = scorecardMarkdown(r, esc, { kind: 'team', id: 'checkout' }).filter((l) => l.startsWith('| 2024-'));
    expect(one.map((l) => l.slice(2, -2).split(' | ').pop())).toEqual([
      '2 differs · 1 undeclared; contradicted 2',
      '1 differs · 1 expired; contradicted 2 = 2',
      '1 differs · 1 expired; contradicted 2 = 2',
    ]);
  });

  it('is a cell of each HTML scorecard row', () => {
    const html = renderReport('html', r);
    for (const [scope, cell] of expected) {
      const key = scope.startsWith('cluster ') ? `cluster:${scope.slice(8)}` : `team:${scope}`;
      const row = new RegExp(`<tr data-scope="${key}">(.*?)</tr>`).exec(html)![1];
      expect(text(/<td class="interactions">(.*?)<\/td>/.exec(row)![1])).toBe(`interactions${cell}`);
    }
  });

  it('says – when a scope has no status to count', () => {
    expect([interactionCounts(null), interactionCounts({}), interactionCounts({ matches: 0 })]).toEqual([
      '–',
      '–',
      '–',
    ]);
    expect(interactionCounts({ matches: 2, someday: 1, differs: 1 })).toBe('1 differs · 2 matches · 1 someday');
  });
});

describe('scorecard cells', () => {
  it('print a change below the shown precision as none (dd-trace-js: "82% ↑ from 82%")', () => {
    // 0.824 and 0.818 both print 82%: no arrow; 0.83 vs 0.818 print 83% and 82%: up, worse for crossing.
    expect(cellText({ value: 0.824, previous: 0.818, direction: 'up', better: 'down' }, pct)).toBe('82% = 82%');
    expect(cellText({ value: 0.83, previous: 0.818, direction: 'up', better: 'down' }, pct)).toBe(
      '83% ↑ from 82% (worse)',
    );
  });
});
