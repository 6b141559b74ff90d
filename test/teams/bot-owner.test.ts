// A CODEOWNERS owner that is a bot account (teams/bot-owners.ts), on built repositories: matched
// to an account Conway treats as a bot, or named like one, it is `role: "bot"` with no score, no
// members and no coupling, and the report says approval is delegated to a bot.
import { describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import { reviewChange } from '../../analyzer/review';
import { cli } from '../fixtures/cli';
import { BOB, type FixtureCommit, type Person } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const { repoOf, tempDir } = scratch('conway-bot-owner-');
const ANT: Person = { name: 'ANT Bot', email: '116369605+acme-devprod@users.noreply.github.com' };
const work = (codeowners: string): FixtureCommit[] => [
  { files: { CODEOWNERS: codeowners } },
  ...Array.from({ length: 4 }, (_, i) => ({
    author: ANT,
    message: 'Version Packages',
    files: { [`pkg/CHANGE-${i}.txt`]: `${i}` },
  })),
  ...Array.from({ length: 12 }, (_, i) => ({ author: BOB, files: { 'pkg/a.ts': `${i}`, 'web/b.ts': `${i}` } })),
];

describe('bot owners', () => {
  it('an owner that is a bot account in the history: role bot, no score, no members, no coupling, and a note', async () => {
    const r = await analyzeRepo(repoOf(work('* @acme-devprod\n/web/ @acme/web\n')).dir, {
      cache: false,
      imports: false,
    });
    const bot = r.teams.find((t) => t.id === '@acme-devprod')!;
    expect(bot).toMatchObject({ role: 'bot', members: [], alignment: null });
    expect(bot.autonomy.score).toBeNull();
    expect(r.coupling.teams).toEqual([]);
    expect(
      r.notes.some((n) =>
        n.startsWith(
          'CODEOWNERS delegates approval to a bot: @acme-devprod (@acme-devprod is the account ANT Bot <116369605+acme-devprod@users.noreply.github.com>, treated as a bot)',
        ),
      ),
    ).toBe(true);
    expect(r.teams.find((t) => t.id === '@acme/web')).toMatchObject({ role: 'team' });
  });

  it('an owner named like a bot is one even without commits; a person owner is not', async () => {
    const r = await analyzeRepo(repoOf(work('* @release-bot\n/web/ @bob\n')).dir, { cache: false, imports: false });
    expect(r.teams.find((t) => t.id === '@release-bot')).toMatchObject({ role: 'bot' });
    expect(r.teams.find((t) => t.id === '@bob')).toMatchObject({ role: 'team' });
  });

  it('validate names the rule, the bot and what it means; a rule beside a team owner is not delegated', async () => {
    const repo = repoOf(work('# the bot approves for another tool\n* @acme-devprod\n/web/ @acme/web @acme-devprod\n'));
    const text = await cli(['validate', '--repo', repo.dir]);
    const notes = text.stdout.split('\n').filter((l) => l.includes(': note: '));
    expect(notes).toEqual([
      "CODEOWNERS:2: note: '*' delegates approval to a bot: @acme-devprod is the account ANT Bot <116369605+acme-devprod@users.noreply.github.com>, treated as a bot — approval is given by another tool (the bot approves when its own checks pass); Conway scores no team for the files this rule decides",
    ]);
    expect(text.code).toBe(0); // a note, not an error
    const json = JSON.parse((await cli(['validate', '--repo', repo.dir, '--json'])).stdout);
    expect(json.notes).toEqual([
      { file: 'CODEOWNERS', line: 2, message: expect.stringContaining('@acme-devprod is the account ANT Bot') },
    ]);
  });

  it('validate says nothing when the one owner is a person with ordinary commits', async () => {
    const repo = repoOf(work('* @bob\n'));
    expect((await cli(['validate', '--repo', repo.dir])).stdout).not.toContain('delegates approval');
  });

  it('review says which required approval a bot gives, with the rule and the changed files', async () => {
    const repo = repoOf(work('* @acme-devprod\n/web/ @acme/web\n'));
    repo.git('branch', '-M', 'main');
    repo.git('checkout', '-q', '-b', 'change');
    repo.commit({ author: BOB, files: { 'pkg/a.ts': 'changed', 'pkg/c.ts': 'new' } });
    const r = await reviewChange(repo.dir, { base: 'main', cacheDir: tempDir() });
    expect(r.approvals.map((a) => a.owners)).toEqual([['@acme-devprod']]);
    expect(r.notes).toContainEqual(
      expect.stringMatching(
        /^CODEOWNERS:1: '\*' delegates approval to a bot: @acme-devprod is the account ANT Bot .* \(2 changed files\)$/,
      ),
    );
    repo.git('checkout', '-q', '-b', 'web-only', 'main');
    repo.commit({ author: BOB, files: { 'web/b.ts': 'changed' } });
    const web = await reviewChange(repo.dir, { base: 'main', cacheDir: tempDir() });
    expect(web.notes.some((n) => n.includes('delegates approval'))).toBe(false);
  });

  it('validate names the forge CODEOWNERS that hands every file to the bot beside Codeowners Plus files', async () => {
    const repo = repoOf([
      { files: { CODEOWNERS: '* @acme-devprod\n', '.codeowners': '* @acme/web\n' } },
      ...work('* @acme-devprod\n').slice(1),
    ]);
    const notes = (await cli(['validate', '--repo', repo.dir])).stdout
      .split('\n')
      .filter((l) => l.includes(': note: '));
    expect(notes).toEqual([
      "CODEOWNERS:1: note: '*' delegates approval to a bot: @acme-devprod is the account ANT Bot <116369605+acme-devprod@users.noreply.github.com>, treated as a bot — approval is given by another tool (the bot approves when its own checks pass); Conway reads the Codeowners Plus rules that tool enforces instead",
    ]);
  });
});
