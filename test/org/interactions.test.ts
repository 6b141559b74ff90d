// Interactions declared in conway.yml against the ones a built repository shows: the story of
// test/fixtures/team-story.ts, with every number counted by hand from its commits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import type { Report } from '../../analyzer/contract/report';
import { renderSarif } from '../../analyzer/report/sarif';
import { renderMarkdown } from '../../analyzer/report/markdown';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../fixtures/cli';
import { scratch } from '../fixtures/scratch';
import type { Repo } from '../fixtures/repo';
import { buildTeamStory, STORY_TEAM_MAP } from '../fixtures/team-story';

let repo: Repo;
let r: Report;

beforeAll(async () => {
  repo = buildTeamStory();
  r = await analyzeRepo(repo.dir, { cache: false });
});
afterAll(() => repo.cleanup());

const row = (a: string, b: string) => r.interactions!.find((i) => i.a === a && i.b === b);

describe('observed interactions', () => {
  it('lists the pairs declared or observed, and no other', () => {
    expect(r.interactions!.map((i) => `${i.a}|${i.b}`)).toEqual([
      'checkout|enablement',
      'checkout|platform',
      'checkout|search',
      'enablement|platform',
      'enablement|search',
    ]);
  });

  it('an agreed x-as-a-service with one deep import of two differs', () => {
    // cart.ts imports platform/index (public), pay.ts imports platform/internal (deep).
    expect(row('checkout', 'platform')).toEqual({
      a: 'checkout',
      b: 'platform',
      declared: { mode: 'x-as-a-service', purpose: 'payments API', since: '2024-01-01', until: null },
      observed: {
        mode: 'none',
        evidence: { importsAB: 2, importsBA: 0, publicApiShare: 0.5, sharedCommits: 0, changesAinB: 0, changesBinA: 0 },
      },
      status: 'differs',
    });
  });

  it('a collaboration past its end date is expired, and still observed', () => {
    // Shared change sets: cole's 02-01 and sam's 02-02. checkout in search: query (02-01), rank (04-10);
    // search in checkout: cart as co-author (02-01), pay (02-02), cart (04-11).
    expect(row('checkout', 'search')).toMatchObject({
      declared: { mode: 'collaboration', until: '2024-03-31' },
      observed: {
        mode: 'collaboration',
        evidence: {
          importsAB: 0,
          importsBA: 0,
          publicApiShare: null,
          sharedCommits: 2,
          changesAinB: 2,
          changesBinA: 3,
        },
      },
      status: 'expired',
    });
  });

  it('the facilitating team: declared with search (matches), undeclared with the other two', () => {
    expect(row('enablement', 'search')).toMatchObject({
      declared: { mode: 'facilitating', purpose: 'lint rules' },
      observed: { mode: 'facilitating', by: 'enablement', evidence: { changesAinB: 2, changesBinA: 0, importsAB: 0 } },
      status: 'matches',
    });
    expect(row('checkout', 'enablement')).toMatchObject({
      declared: null,
      observed: { mode: 'facilitating', by: 'enablement', evidence: { changesAinB: 0, changesBinA: 2 } },
      status: 'undeclared',
    });
    expect(row('enablement', 'platform')).toMatchObject({
      declared: null,
      observed: { mode: 'facilitating', by: 'enablement' },
      status: 'undeclared',
    });
  });
});

describe('interaction findings', () => {
  it('the broken service and the overrun collaboration, located at their declarations and ranked by cross-team work', () => {
    const found = r.findings!.filter((f) => f.kind === 'interaction');
    expect(found.map((f) => [f.target, f.changes, f.examples])).toEqual([
      // 2 shared change sets + 2 + 3 cross-team changes
      ['checkout ↔ search', 7, [{ file: 'conway.yml', line: 11 }]],
      // 2 import edges
      ['checkout ↔ platform', 2, [{ file: 'conway.yml', line: 10 }]],
    ]);
    expect(found[0].title).toBe(
      'the collaboration of checkout and search ended on 2024-03-31, but 2 cross-team changes and shared change sets came after it',
    );
    expect(found[1].title).toContain('1 import around the public API');
    expect(found[1].suggestion).toMatch(/^import through the public API/);
  });

  it('are SARIF results of rule TeamInteraction and a Markdown finding like the others', () => {
    const sarif = JSON.parse(renderSarif(r));
    const results = sarif.runs[0].results.filter((x: { ruleId: string }) => x.ruleId === 'interaction');
    expect(
      results
        .map(
          (x: { locations: { physicalLocation: { region: { startLine: number } } }[] }) =>
            x.locations[0].physicalLocation.region.startLine,
        )
        .sort(),
    ).toEqual([10, 11]);
    expect(sarif.runs[0].tool.driver.rules.map((x: { id: string }) => x.id)).toContain('interaction');
    const md = renderMarkdown(r);
    expect(md).toContain('### interaction (2 findings, 2 locations)');
    // Pairs that differ from their declaration first; then expired, undeclared, matching.
    const rows = md
      .split('\n')
      .filter(
        (l) => l.includes(' ↔ ') && l.startsWith('| ') && / (differs|expired|undeclared|matches|unused) \|/.test(l),
      );
    expect(rows.map((l) => l.split(' | ').slice(0, 4).join(' | '))).toEqual([
      '| checkout ↔ platform | x-as-a-service | none | differs',
      '| checkout ↔ search | collaboration until 2024-03-31 | collaboration | expired',
      '| checkout ↔ enablement | – | facilitating (enablement) | undeclared',
      '| enablement ↔ platform | – | facilitating (enablement) | undeclared',
      '| enablement ↔ search | facilitating | facilitating (enablement) | matches',
    ]);
    expect(md).toContain('- needed, not seen: checkout ↔ enablement, enablement ↔ search');
  });
});

describe('conway init drafts the interactions', () => {
  const { tempDir } = scratch('conway-story-init-');

  it('keeps the declared ones, adds the observed ones on the consumer or facilitator side, and passes validate', async () => {
    const init = await cli(['init', '--repo', repo.dir]);
    expect(init.code).toBe(0);
    const lines = init.stdout.split('\n').filter((l) => l.includes('{ team: '));
    expect(lines).toEqual([
      '      - { team: "platform", mode: "x-as-a-service", purpose: "payments API", since: "2024-01-01" }  # declared; observed none: 2 imports, 0 shared change sets, 0 cross-team changes',
      '      - { team: "search", mode: "collaboration", purpose: "basket search", since: "2024-01-01", until: "2024-03-31" }  # declared; observed collaboration: 0 imports, 2 shared change sets, 5 cross-team changes',
      '      - { team: "checkout", mode: "facilitating" }  # observed facilitating: 0 imports, 0 shared change sets, 2 cross-team changes; add purpose',
      '      - { team: "platform", mode: "facilitating" }  # observed facilitating: 0 imports, 0 shared change sets, 2 cross-team changes; add purpose',
      '      - { team: "search", mode: "facilitating", purpose: "lint rules" }  # declared; observed facilitating: 0 imports, 0 shared change sets, 2 cross-team changes',
    ]);
    const file = join(tempDir(), 'conway.yml');
    writeFileSync(file, init.stdout);
    const v = await cli(['validate', '--repo', repo.dir, '--teams', file]);
    expect(v.stdout).toContain('0 errors');
  });
});

describe('interaction statuses per period (the scorecard cells)', () => {
  const { tempDir } = scratch('conway-story-periods-');
  const cells = (rep: Report, team: string) =>
    rep.scorecard!.teams.find((s) => s.id === team)!.periods.map((p) => [p.period, p.interactions]);

  it('reads each quarter on its own change sets, with HEAD imports and the declarations then in force', () => {
    // 2024-Q1 (Jan–Mar): cole+sam's co-authored commit and sam's pay.ts edit cross checkout↔search
    // (1 change one way, 2 the other: under the 2-each collaboration rule) → differs from the
    // declared collaboration, whose until (03-31) is not past at the quarter's end; HEAD's imports
    // of platform (one deep of two) → the x-as-a-service differs; eve changes checkout, search and
    // platform twice each → facilitating: undeclared with checkout and platform, matches with search.
    // 2024-Q2 (Apr–Jun): the collaboration is past its end → expired; the service still differs;
    // eve changed nothing → enablement↔search, declared, shows nothing → unused.
    expect(cells(r, 'checkout')).toEqual([
      ['2024-Q1', { differs: 2, undeclared: 1 }],
      ['2024-Q2', { differs: 1, expired: 1 }],
    ]);
    expect(cells(r, 'enablement')).toEqual([
      ['2024-Q1', { undeclared: 2, matches: 1 }],
      ['2024-Q2', { unused: 1 }],
    ]);
    const q2 = r.scorecard!.teams.find((s) => s.id === 'checkout')!.periods[1];
    // differs + expired: 2 in Q1 (two differs), 2 in Q2 (one of each).
    expect(q2.interactionIssues).toEqual({ value: 2, previous: 2, direction: 'same', better: 'down' });
  });

  it('counts a declaration only from its since day', async () => {
    const file = join(tempDir(), 'conway.yml');
    // enablement's facilitating agreement now starts in April: in Q1 the pair is observed and undeclared.
    writeFileSync(
      file,
      STORY_TEAM_MAP.replace(
        'mode: facilitating, purpose: lint rules',
        'mode: facilitating, purpose: lint rules, since: 2024-04-01',
      ),
    );
    const later = await analyzeRepo(repo.dir, { cache: false, teams: file });
    expect(cells(later, 'enablement')).toEqual([
      ['2024-Q1', { undeclared: 3 }],
      ['2024-Q2', { unused: 1 }],
    ]);
  });
});
