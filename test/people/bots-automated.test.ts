// An account named like a bot is a bot only when its commits are automated
// (at least half with machine subjects). Built repository: `release-bot` writes release and
// dependency subjects, `abbot` (a person whose one-word git name ends in "bot") writes human
// ones, and `dependabot[bot]` writes human-looking subjects but stays a bot by its suffix.
import { describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import type { PersonRow, Report } from '../../analyzer/contract/report';
import { cli } from '../fixtures/cli';
import type { FixtureCommit, Person } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const { repoOf, tempDir } = scratch('conway-bots-');
const RELEASE_BOT: Person = { name: 'release-bot', email: 'release@acme.io' };
const ABBOT: Person = { name: 'abbot', email: 'abbot@acme.io' };
const DEPENDABOT: Person = { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' };
const ANN: Person = { name: 'Ann Lee', email: 'ann@acme.io' };

const HISTORY: FixtureCommit[] = [
  { author: ANN, message: 'Add the web app', files: { 'web/a.ts': '1', 'package.json': '{}' } },
  { author: ABBOT, message: 'Fix login redirect', files: { 'web/a.ts': '2' } },
  { author: RELEASE_BOT, message: 'chore(release): v1.0.0', files: { 'package.json': '{"v":1}' } },
  { author: ABBOT, message: 'Add retry to uploads', files: { 'web/b.ts': '1' } },
  { author: DEPENDABOT, message: 'Make the session store faster', files: { 'web/c.ts': '1' } },
  { author: RELEASE_BOT, message: 'Bump lodash from 4.17.20 to 4.17.21', files: { 'package.json': '{"v":2}' } },
  { author: ABBOT, message: 'chore(deps): bump vitest from 1.0.0 to 1.1.0', files: { 'package.json': '{"v":3}' } },
  { author: ABBOT, message: 'Refactor the session store', files: { 'web/c.ts': '2' } },
  { author: RELEASE_BOT, message: 'Release v1.1.0', files: { 'package.json': '{"v":4}' } },
];

const row = (r: Report, email: string) => r.people!.find((p) => p.emails.includes(email))!;
const analyze = (dir: string, opts: Parameters<typeof analyzeRepo>[1] = {}) =>
  analyzeRepo(dir, { cache: false, imports: false, ...opts });

describe('bots: named like a bot and automated', () => {
  it('release-bot (automated subjects) is a bot; abbot (1 of 4 automated) stays a person, with the reason; dependabot[bot] stays a bot', async () => {
    const repo = repoOf(HISTORY);
    const r = await analyze(repo.dir);
    expect(row(r, RELEASE_BOT.email)).toMatchObject({ bot: true, commits: 3 });
    expect(row(r, DEPENDABOT.email)).toMatchObject({ bot: true, commits: 1 });
    expect(row(r, ABBOT.email)).toMatchObject({
      bot: false,
      commits: 4,
      botNote: 'named like a bot, but 1 of 4 commits look automated',
    });
    expect(r.window.commits).toBe(HISTORY.length - 3 - 1);
    const out = await cli(['people', '--repo', repo.dir, '--no-cache']);
    expect(out.stdout).toContain('abbot@acme.io  4 commits');
    expect(out.stdout).toContain('  kept as a person: named like a bot, but 1 of 4 commits look automated');
    expect(out.stdout).toMatch(/Treated as bots[^\n]*\n(?:  [^\n]*\n)*  release-bot <release@acme.io>  3 commits/);
  });

  it('a bot-named account whose commits mostly repeat one subject template is a bot', async () => {
    const nightly = Array.from({ length: 5 }, (_, i): FixtureCommit => ({
      author: { name: 'nightlybot', email: 'n@acme.io' },
      message: `snapshot 2024-01-0${i + 1}`,
      files: { 'snap.txt': String(i) },
    }));
    const r = await analyze(repoOf([...HISTORY, ...nightly]).dir);
    expect(row(r, 'n@acme.io')).toMatchObject({ bot: true, commits: 5 });
  });

  it('--include-bots keeps all of them, still marked', async () => {
    const r = await analyze(repoOf(HISTORY).dir, { includeBots: true });
    expect(r.window.commits).toBe(HISTORY.length);
    expect(
      r
        .people!.filter((p: PersonRow) => p.bot)
        .map((p) => p.emails[0])
        .sort(),
    ).toEqual([DEPENDABOT.email, RELEASE_BOT.email]);
  });

  it('cold, warm (one commit on top of the cache) and --no-cache agree; the tally counts cached and new commits', async () => {
    const repo = repoOf(HISTORY);
    const cacheDir = tempDir();
    const verdicts = (r: Report) => r.people!.map((p) => [p.id, p.bot, p.commits, p.botNote ?? '']).sort();
    await analyze(repo.dir, { cache: true, cacheDir });
    // New commits alone (1 of 2 automated) would make abbot a bot; with the cached 4 it is 2 of 6.
    repo.commit({ author: ABBOT, message: 'Version Packages', files: { 'package.json': '{"v":5}' } });
    repo.commit({ author: ABBOT, message: 'Improve the upload progress bar', files: { 'web/b.ts': '2' } });
    const warm = await analyze(repo.dir, { cache: true, cacheDir });
    const cold = await analyze(repo.dir);
    expect(verdicts(warm)).toEqual(verdicts(cold));
    expect(row(warm, ABBOT.email)).toMatchObject({
      bot: false,
      commits: 6,
      botNote: 'named like a bot, but 2 of 6 commits look automated',
    });
  });
});
