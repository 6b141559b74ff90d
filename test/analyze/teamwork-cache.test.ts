// The team-work passes' results kept between runs (analyzer/pipeline/teamwork-cache.ts): a warm run
// serves them from the cache directory and equals a --no-cache run; every input they read gives
// another key, so an edit is never served stale; any fault with the cache is a miss. On the team
// story with pull requests (test/fixtures/team-story.ts, its gh export in test/fixtures/prs/).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeRepo, type AnalyzeOptions } from '../../analyzer/analyze';
import type { Report } from '../../analyzer/contract/report';
import { buildTeamStoryWithPrs, EVE, type TeamStoryWithPrs } from '../fixtures/team-story';

let repo: TeamStoryWithPrs;
let cacheDir: string;
let scratch: string;
const prs = join(__dirname, '..', 'fixtures', 'prs', 'gh-team-story.json');
const base: AnalyzeOptions = {
  since: 'all',
  now: () => new Date('2024-07-10T00:00:00Z'),
  prs,
  metrics: { minSample: 0 },
};

beforeAll(() => {
  repo = buildTeamStoryWithPrs();
  cacheDir = mkdtempSync(join(tmpdir(), 'conway-teamwork-cache-'));
  scratch = mkdtempSync(join(tmpdir(), 'conway-teamwork-scratch-'));
}, 60_000);
afterAll(() => {
  repo.cleanup();
  rmSync(cacheDir, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

/** The report as the CLI writes it, without its time stamp. */
const json = (r: Report) => JSON.parse(JSON.stringify({ ...r, generatedAt: null })) as Report;
/** What the issue-20 passes give the report. */
const teamwork = (r: Report) =>
  json({
    ...r,
    violations: r.violations.filter((v) => v.kind === 'interaction'),
  } as Report) as unknown as Record<string, unknown>;
const parts = (r: Report) => {
  const j = teamwork(r) as unknown as Report;
  return {
    interactions: j.interactions,
    coordination: j.coordination,
    violations: j.violations,
    crossing: j.crossing,
    clusterFit: j.clusterFit,
    scorecard: j.scorecard,
  };
};
const entries = () => readdirSync(join(cacheDir, 'teamwork')).map((f) => join(cacheDir, 'teamwork', f));
const warm = (o: AnalyzeOptions = {}) => analyzeRepo(repo.dir, { ...base, cacheDir, ...o });
const fresh = (o: AnalyzeOptions = {}) => analyzeRepo(repo.dir, { ...base, cache: false, ...o });

/** The baseline's entry is in the cache (an edit whose key missed an input would be served it). */
const prime = async () => expect(json(await warm())).toEqual(json(await fresh()));

/** A warm run after a filling run equals the --no-cache run, and the change shows in the passes' results. */
async function notStale(baseline: Report, o: AnalyzeOptions = {}): Promise<Report> {
  await warm(o); // fills the cache for these inputs (or is served, if an earlier test did)
  const [w, f] = [await warm(o), await fresh(o)];
  expect(json(w)).toEqual(json(f));
  expect(parts(f)).not.toEqual(parts(baseline));
  return w;
}

describe('the team-work cache', () => {
  let baseline: Report;

  it('serves a warm run from the cache: the same report as --no-cache', async () => {
    baseline = await fresh();
    const cold = await warm();
    expect(entries()).toHaveLength(1);
    const again = await warm();
    expect(json(cold)).toEqual(json(baseline));
    expect(json(again)).toEqual(json(baseline));
    expect(baseline.interactions!.length).toBeGreaterThan(0);
    expect(baseline.crossing?.length).toBeGreaterThan(0);
    expect(baseline.scorecard).toBeDefined();
  }, 60_000);

  it('reads the stored results (an edited entry shows in the report)', async () => {
    const [file] = entries();
    const saved = readFileSync(file, 'utf8');
    const data = JSON.parse(saved) as { entries: [string, { notes: string[] }][] };
    data.entries[0][1].notes = ['planted note'];
    writeFileSync(file, JSON.stringify(data));
    expect((await warm()).notes).toContain('planted note');
    writeFileSync(file, saved);
    expect((await warm()).notes).not.toContain('planted note');
  }, 60_000);

  it('a corrupt, truncated or other-version entry is a miss', async () => {
    const [file] = entries();
    const saved = readFileSync(file, 'utf8');
    for (const bad of [
      '{not json',
      saved.slice(0, saved.length / 2),
      saved.replace('{"v":1,', '{"v":99,'),
      '{"v":1,"entries":[["k",{"interactions":3}]]}',
    ]) {
      writeFileSync(file, bad);
      expect(json(await warm())).toEqual(json(baseline));
    }
    // The miss wrote a whole entry again.
    expect(JSON.parse(readFileSync(file, 'utf8')).entries).toHaveLength(1);
  }, 60_000);

  it('a cache directory that is a file, or --no-cache, reads and writes nothing', async () => {
    const file = join(scratch, 'a-file');
    writeFileSync(file, 'x');
    expect(json(await analyzeRepo(repo.dir, { ...base, cacheDir: file }))).toEqual(json(baseline));
    const before = entries().map((f) => readFileSync(f, 'utf8'));
    await analyzeRepo(repo.dir, { ...base, cacheDir, cache: false, period: 'month' });
    expect(entries().map((f) => readFileSync(f, 'utf8'))).toEqual(before);
  }, 60_000);

  it('an uncommitted CODEOWNERS edit is another key', async () => {
    await prime();
    const text = readFileSync(join(repo.dir, 'CODEOWNERS'), 'utf8');
    repo.write('CODEOWNERS', text.replace('/tools/enable/ @o/enablement', '/tools/enable/ @o/search'));
    try {
      await notStale(baseline);
    } finally {
      repo.write('CODEOWNERS', text);
    }
  }, 60_000);

  it('a conway.yml interactions edit and a clusters edit are other keys', async () => {
    await prime();
    const text = readFileSync(join(repo.dir, 'conway.yml'), 'utf8');
    try {
      repo.write('conway.yml', text.replace('mode: x-as-a-service', 'mode: collaboration'));
      const w = await notStale(baseline);
      expect(
        w.interactions!.find((i) => i.declared?.mode === 'collaboration' && [i.a, i.b].includes('platform')),
      ).toBeDefined();
      repo.write('conway.yml', text);
      await prime();
      repo.write(
        'conway.yml',
        text
          .replace('shop: [checkout, search]', 'shop: [checkout, search, enablement]')
          .replace('base: [platform, enablement]', 'base: [platform]'),
      );
      await notStale(baseline);
    } finally {
      repo.write('conway.yml', text);
    }
  }, 60_000);

  it('--period month, another --prs export and another threshold are other keys', async () => {
    await prime();
    await notStale(baseline, { period: 'month' });
    // PR #31 opened an hour earlier (07:00): cross-team elapsed 12 h and 9 h, median 10.5.
    const other = join(scratch, 'gh-earlier.json');
    writeFileSync(
      other,
      readFileSync(prs, 'utf8').replace('"createdAt": "2024-07-01T08:00:00Z"', '"createdAt": "2024-07-01T07:00:00Z"'),
    );
    await prime();
    const w = await notStale(baseline, { prs: other });
    expect(w.crossing!.find((x) => x.scope.kind === 'all' && x.period === '2024-Q3')!.cross.medianHours).toBe(10.5);
    await prime();
    await notStale(baseline, { metrics: { minSample: 0, maxChangesetSize: 1 } });
  }, 60_000);

  it('a new cross-team import in the work tree is another key', async () => {
    await prime();
    // checkout imports platform twice at HEAD (cart.ts through index.ts, pay.ts deep): a third,
    // deep, from cart.ts makes 3 imports, 1 of them through the public API.
    const path = join(repo.dir, 'app/checkout/cart.ts');
    const text = readFileSync(path, 'utf8');
    repo.write(
      'app/checkout/cart.ts',
      `import { charge as c } from '../../lib/platform/internal';\n${text}export const d = c(1);\n`,
    );
    try {
      const pair = (r: Report) =>
        r.interactions!.find((i) => i.a === 'checkout' && i.b === 'platform')!.observed.evidence;
      expect(pair(baseline)).toMatchObject({ importsAB: 2, publicApiShare: 0.5 });
      const w = await notStale(baseline);
      expect(pair(w)).toMatchObject({ importsAB: 3, publicApiShare: 0.333 });
    } finally {
      writeFileSync(path, text);
    }
  }, 60_000);

  it('a new commit is another key; the entries stay bounded', async () => {
    await prime();
    repo.commit({
      author: EVE,
      date: '2024-07-08T10:00:00Z',
      files: { 'app/search/rank.ts': 'export const rank = 99;\n' },
    });
    await notStale(baseline);
    const kept = JSON.parse(readFileSync(entries()[0], 'utf8')).entries as unknown[];
    expect(kept.length).toBeLessThanOrEqual(4);
  }, 60_000);
});
