// Every text surface that names a team's members labels an inferred one (not listed in
// conway.yml) as inferred, with the share of their own changes that went to the team's files;
// a member the team map lists is named plainly. Analysed from a repository built in a temp dir.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import type { Report } from '../../analyzer/contract/report';
import { renderHtml } from '../../analyzer/report/html';
import { renderMarkdown } from '../../analyzer/report/markdown';
import { memberLabel } from '../../analyzer/report/format';
import { ANN, BOB, CAT, makeRepo, type Person, type Repo } from '../fixtures/repo';

const DAN: Person = { name: 'Dan Wu', email: 'dan@acme.io' };
let repo: Repo;
let r: Report;
beforeAll(async () => {
  const codeowners = '/web/ @acme/web @acme/reviewers\n/api/ @acme/api @acme/reviewers\n/docs/ @acme/docs\n';
  // Docs is declared with Dan; web, api and the reviewers pool are inferred from history.
  const teamMap = 'teams:\n  docs:\n    owners: ["@acme/docs"]\n    members: [dan@acme.io]\n';
  const work: [Person, string[]][] = [
    ...Array.from({ length: 6 }, (): [Person, string[]] => [BOB, ['web/a.ts']]), // Bob: 6 of 8 own changes to web (75%)
    [BOB, ['api/a.ts', 'api/b.ts']],
    ...Array.from({ length: 4 }, (): [Person, string[]] => [CAT, ['api/a.ts']]), // Cat: all 4 to api
    ...Array.from({ length: 3 }, (): [Person, string[]] => [DAN, ['docs/x.md']]),
  ];
  repo = makeRepo([
    { author: ANN, files: { CODEOWNERS: codeowners, 'conway.yml': teamMap } },
    ...work.map(([author, paths], i) => ({ author, files: Object.fromEntries(paths.map((p) => [p, `// ${i}\n`])) })),
  ]);
  r = await analyzeRepo(repo.dir, { cache: false, imports: false, metrics: { minSample: 1 } });
});
afterAll(() => repo.cleanup());
const team = (id: string) => r.teams.find((t) => t.id === id)!;

describe('inferred members are labelled on every surface that names members', () => {
  it("the label carries the share of the person's own changes; a declared member is plain", () => {
    const bob = team('@acme/web').members.find((m) => m.person === 'bob@acme.io')!;
    expect(bob).toMatchObject({ inferred: true, ownShare: 0.75 });
    expect(memberLabel(bob)).toBe('Bob Stone (inferred, 75% of own changes)');
    const dan = team('docs').members.find((m) => m.person === 'dan@acme.io')!;
    expect(dan.inferred).toBe(false);
    expect(memberLabel(dan)).toBe('Dan Wu');
  });

  it("Markdown: the autonomy table's top members label inferred members and name declared ones plainly", () => {
    const md = renderMarkdown(r).split('\n');
    expect(md).toContain(
      '| team | cluster | score | delivery independence | ownership integrity | dependency independence | files | changes¹ | truck factor | top members |',
    );
    const row = (name: string) => md.find((l) => l.startsWith(`| ${name}`))!;
    expect(row('@acme/web \\*')).toMatch(/\| Bob Stone \(inferred, 75% of own changes\) \|$/);
    expect(row('@acme/api \\*')).toContain(
      'Bob Stone (inferred, 25% of own changes), Cat Park (inferred, 100% of own changes) |',
    );
    expect(row('docs')).toMatch(/\| Dan Wu \|$/);
  });

  it('HTML: the top members column labels inferred members and names declared ones plainly', () => {
    const html = renderHtml(r);
    const rowOf = (id: string) => html.match(new RegExp(`<tr data-team="${id}">.*?</tr>`))![0];
    expect(rowOf('@acme/web')).toContain('<td>Bob Stone (inferred, 75% of own changes)</td></tr>');
    expect(rowOf('docs')).toContain('<td>Dan Wu</td></tr>');
  });
});
