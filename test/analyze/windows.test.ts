// Honest windows: the default window is the 12 months before HEAD's commit date (an
// inactive repository still shows its last year), `--since all` reads everything, an empty or
// tiny window gives "–" with a reason — never a perfect 100 — and a date word git would skip is
// an error naming it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import { renderMarkdown } from '../../analyzer/report/markdown';
import { cli } from '../fixtures/cli';
import { ANN, BOB, makeRepo, type Repo } from '../fixtures/repo';

let repo: Repo;

beforeAll(() => {
  const files = (n: number) => ({
    CODEOWNERS: '/a/ @o/a\n/b/ @o/b\n',
    'a/x.ts': `import { y } from '../b/y';\nexport const x = y + ${n};\n`,
    'b/y.ts': `export const y = ${n};\n`,
  });
  // One commit in 2021, three in May 2024: the repository has been quiet since (HEAD is from 2024).
  repo = makeRepo([
    { author: ANN, date: '2021-06-01T10:00:00Z', files: files(0) },
    ...[1, 2, 3].map((n) => ({ author: n === 2 ? BOB : ANN, date: `2024-05-0${n}T10:00:00Z`, files: files(n) })),
  ]);
});
afterAll(() => repo.cleanup());

describe('windows', () => {
  it('defaults to the 12 months before HEAD’s commit date, not before today', async () => {
    const r = await analyzeRepo(repo.dir, { cache: false });
    expect(r.window).toMatchObject({ since: '2023-05-03', until: null, commits: 3 });
    expect(r.window.first!.date).toBe('2024-05-01T10:00:00.000Z');
    expect(r.window.last!.sha).toBe(repo.git('rev-parse', 'HEAD').trim());
  });

  it('--since all reads the whole history', async () => {
    const r = await analyzeRepo(repo.dir, { cache: false, since: 'all' });
    expect(r.window).toMatchObject({ since: null, commits: 4 });
    expect(r.window.first!.date).toBe('2021-06-01T10:00:00.000Z');
  });

  it('an empty window: no commits, every score null (never 100), and the report says so', async () => {
    const r = await analyzeRepo(repo.dir, { cache: false, since: '2025-01-01' });
    expect(r.window).toMatchObject({ commits: 0, first: null, last: null });
    expect(r.teams.map((t) => t.autonomy)).toEqual(
      [0, 1].map(() => ({
        score: null,
        deliveryIndependence: null,
        ownershipIntegrity: null,
        dependencyIndependence: null,
      })),
    );
    const md = renderMarkdown(r);
    expect(md).toContain('Window 2025-01-01 → HEAD: no commits in it');
    // Even with every minimum lifted, imports alone give no score: @o/a's one import is known, its score is not.
    const loose = await analyzeRepo(repo.dir, { cache: false, since: '2025-01-01', metrics: { minSample: 0 } });
    expect(loose.teams.find((t) => t.id === '@o/a')!.autonomy).toEqual({
      score: null,
      deliveryIndependence: null,
      ownershipIntegrity: null,
      dependencyIndependence: 0,
    });
    expect(loose.notes).toContain(
      'autonomy score is "–" for 1 team without history data in the window (only dependency independence is known; a score from imports alone would rate code nobody changed): @o/a',
    );
    expect(md).toMatch(/^\| @o\/a( \\\*)? \|  \| – \| – \| – \| – \|/m);
  });

  it('a tiny window: components below the minimum are null with the reason in the notes', async () => {
    const r = await analyzeRepo(repo.dir, { cache: false });
    expect(r.teams.find((t) => t.id === '@o/a')!.autonomy.score).toBeNull();
    expect(r.notes).toContain(
      'ownership integrity is "–" (too few data) for 2 teams with fewer than 10 changes in the window to their files (--min-sample): @o/a, @o/b',
    );
    // Nobody made 10 changes to a team's files: no inferred member, so no member commits to measure.
    expect(
      r.notes.find((n) =>
        n.startsWith('delivery independence and ownership integrity are "–" for 2 teams with no inferred member'),
      ),
    ).toContain('@o/a, @o/b');
    expect(
      r.notes.some((n) =>
        n.startsWith('dependency independence is "–" (too few data) for 1 team with fewer than 10 import edges'),
      ),
    ).toBe(true);
    // With the minimum lowered, the same window has numbers.
    const loose = await analyzeRepo(repo.dir, { cache: false, metrics: { minSample: 1 } });
    expect(loose.teams.find((t) => t.id === '@o/a')!.autonomy.score).not.toBeNull();
  });
});

describe('CLI input errors', () => {
  it('a date word git would skip is exit 2, naming the word', async () => {
    const since = await cli(['analyze', '--repo', repo.dir, '--since', 'last tuesdayy']);
    expect(since).toMatchObject({ code: 2, stdout: '' });
    expect(since.stderr).toContain('ERROR: --since last tuesdayy: git does not understand "tuesdayy"');
    expect((await cli(['analyze', '--repo', repo.dir, '--until', 'yesterdayy'])).stderr).toContain('"yesterdayy"');
    expect((await cli(['analyze', '--repo', repo.dir, '--since', '2 weeks ago', '--no-imports'])).code).toBe(0);
  });

  it('--out into a missing directory and --json with another --format are usage errors, before any analysis', async () => {
    const out = await cli(['analyze', '--repo', repo.dir, '--out', '/nonexistent-dir-conway/r.json']);
    expect(out).toMatchObject({
      code: 2,
      stderr:
        'ERROR: cannot write /nonexistent-dir-conway/r.json: the directory /nonexistent-dir-conway does not exist; create it first (mkdir -p /nonexistent-dir-conway)\n',
    });
    const both = await cli(['analyze', '--repo', repo.dir, '--json', '--format', 'md']);
    expect(both).toMatchObject({
      code: 2,
      stderr: 'ERROR: --json and --format md ask for two formats: give one (--json is --format json)\n',
    });
  });
});
