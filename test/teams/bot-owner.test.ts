// A CODEOWNERS owner that is a bot account (teams/bot-owners.ts), on built repositories: matched
// to an account Conway treats as a bot, or named like one, it is `role: "bot"` with no score, no
// members and no coupling, and the report says approval is delegated to a bot.
import { describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import { BOB, type FixtureCommit, type Person } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const { repoOf } = scratch('conway-bot-owner-');
const ANT: Person = { name: 'ANT Bot', email: '116369605+acme-devprod@users.noreply.github.com' };
const work = (codeowners: string): FixtureCommit[] => [
  { files: { CODEOWNERS: codeowners } },
  ...Array.from({ length: 4 }, (_, i) => ({ author: ANT, message: 'Version Packages', files: { [`pkg/CHANGE-${i}.txt`]: `${i}` } })),
  ...Array.from({ length: 12 }, (_, i) => ({ author: BOB, files: { 'pkg/a.ts': `${i}`, 'web/b.ts': `${i}` } })),
];

describe('bot owners', () => {
  it('an owner that is a bot account in the history: role bot, no score, no members, no coupling, and a note', async () => {
    const r = await analyzeRepo(repoOf(work('* @acme-devprod\n/web/ @acme/web\n')).dir, { cache: false, imports: false });
    const bot = r.teams.find((t) => t.id === '@acme-devprod')!;
    expect(bot).toMatchObject({ role: 'bot', members: [], alignment: null });
    expect(bot.autonomy.score).toBeNull();
    expect(r.coupling.teams).toEqual([]);
    expect(r.notes.some((n) => n.startsWith('CODEOWNERS delegates approval to a bot: @acme-devprod (@acme-devprod is the account ANT Bot <116369605+acme-devprod@users.noreply.github.com>, treated as a bot)'))).toBe(true);
    expect(r.teams.find((t) => t.id === '@acme/web')).toMatchObject({ role: 'team' });
  });

  it('an owner named like a bot is one even without commits; a person owner is not', async () => {
    const r = await analyzeRepo(repoOf(work('* @release-bot\n/web/ @bob\n')).dir, { cache: false, imports: false });
    expect(r.teams.find((t) => t.id === '@release-bot')).toMatchObject({ role: 'bot' });
    expect(r.teams.find((t) => t.id === '@bob')).toMatchObject({ role: 'team' });
  });
});
