// Who delivers a file under a Codeowners Plus `&` rule (pipeline/and-delivery.ts), on a built
// repository shaped like cloudflare/workers-sdk: `* @acme/cli` owns everything, `&` rules add
// the product teams on their directories. The product team delivers its directory; the default
// owner still approves it (review), but is not its deliverer — so a product team's commit that
// also touches the CLI's own code is a shared commit between the two, where before every commit
// was "internal" to the CLI and team coupling read 0.
import { describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import { reviewChange } from '../../analyzer/review';
import type { Report } from '../../analyzer/contract/report';
import { ANN, BOB, CAT, type FixtureCommit, type Person } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const { repoOf, tempDir } = scratch('conway-and-delivery-');
const DAN: Person = { name: 'Dan Wu', email: 'dan@acme.io' };
const PLUS = ['* @acme/cli', '**/package.json @acme/cli', '& src/d1/** @acme/d1', '& src/kv/** @acme/kv', ''].join(
  '\n',
);
const n = (k: number, c: (i: number) => FixtureCommit) => Array.from({ length: k }, (_, i) => c(i));
const history = (plus: string): FixtureCommit[] => [
  { author: ANN, files: { CODEOWNERS: '* @acme-devprod\n', '.codeowners': plus } },
  // Ann: the CLI team, its own code only.
  ...n(12, (i) => ({ author: ANN, files: { 'src/cli.ts': `${i}`, 'src/args.ts': `${i}` } })),
  // Bob: d1's engineer; 6 of his commits also touch the CLI's code.
  ...n(6, (i) => ({ author: BOB, files: { 'src/d1/a.ts': `${i}`, 'src/d1/b.ts': `${i}` } })),
  ...n(6, (i) => ({ author: BOB, files: { 'src/d1/a.ts': `x${i}`, 'src/cli.ts': `b${i}` } })),
  // Cat: kv's engineer; 5 commits touch kv and d1 together.
  ...n(7, (i) => ({ author: CAT, files: { 'src/kv/a.ts': `${i}`, 'src/kv/b.ts': `${i}` } })),
  ...n(5, (i) => ({ author: CAT, files: { 'src/kv/a.ts': `y${i}`, 'src/d1/c.ts': `c${i}` } })),
  // Dan: only the CLI's package.json (a primary rule of the default owner, no `&`).
  ...n(5, (i) => ({ author: DAN, files: { 'package.json': `{"v":${i}}`, 'src/cli.ts': `d${i}` } })),
];
const pairs = (r: Report) => Object.fromEntries(r.coupling.teams.map((c) => [`${c.a} ~ ${c.b}`, c.sharedCommits]));
const opts = {
  cache: false,
  imports: false,
  metrics: { minSample: 5, minRevs: 1, minShared: 1, minDegree: 0 },
} as const;

describe('delivery under Codeowners Plus AND rules', () => {
  it('the `&` team delivers its directory, not the catch-all default owner: shared commits appear', async () => {
    const repo = repoOf(history(PLUS));
    const r = await analyzeRepo(repo.dir, opts);
    const file = (p: string) => r.files.find((f) => f.path === p)!;
    expect(file('src/d1/a.ts').teams).toEqual(['@acme/cli', '@acme/d1']); // both own (and must approve) it
    expect(pairs(r)).toEqual({ '@acme/cli ~ @acme/d1': 6, '@acme/d1 ~ @acme/kv': 5 });
    const members = (id: string) => r.teams.find((t) => t.id === id)!.members.map((m) => m.person);
    expect(members('@acme/d1')).toEqual(['bob@acme.io']);
    expect(members('@acme/cli')).not.toContain('cat@acme.io'); // kv's engineer is not the CLI's member
    // Every commit of Ann's touches only the CLI's own code: independent; Bob's 6 cross into it.
    expect(r.teams.find((t) => t.id === '@acme/cli')!.autonomy.deliveryIndependence).toBeLessThan(1);
  });

  it('the review still needs the default owner and the `&` team for a file under an AND rule', async () => {
    const repo = repoOf(history(PLUS));
    repo.git('branch', '-M', 'main');
    repo.git('checkout', '-q', '-b', 'change');
    repo.commit({ author: BOB, files: { 'src/d1/a.ts': 'changed' } });
    const review = await reviewChange(repo.dir, { base: 'main', cacheDir: tempDir() });
    expect(review.approvals.map((a) => a.owners)).toEqual([['@acme/cli'], ['@acme/d1']]);
  });

  it('a specific primary owner keeps delivering beside the `&` team; only the default owner steps back', async () => {
    const repo = repoOf(
      history(['* @acme/cli', 'src/d1/** @acme/data', '& src/d1/** @acme/d1', '& src/kv/** @acme/kv', ''].join('\n')),
    );
    const r = await analyzeRepo(repo.dir, opts);
    // d1 files: @acme/data (specific primary rule) and @acme/d1 deliver together, so Bob's d1+cli commits couple both with the CLI.
    expect(pairs(r)).toMatchObject({ '@acme/cli ~ @acme/d1': 6, '@acme/cli ~ @acme/data': 6 });
  });
});
