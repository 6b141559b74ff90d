// Co-author trailers as git reads them (`Name <email>`), AI agents and bots in trailers, a
// co-author who never committed, and an account named `… Bot` that only rolls dependencies —
// on a built repository.
import { describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import { isAgent } from '../../analyzer/history/agents';
import { machineSubject } from '../../analyzer/history/automated';
import type { FixtureCommit, Person } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const { repoOf } = scratch('conway-trailers-');
const FAY: Person = { name: 'Fay Wu', email: 'fay@acme.io' };
const ROLLER: Person = { name: 'Roller Bot', email: 'roller@acme.io' };
const trailers = (...values: string[]) => `Add a feature\n\n${values.map((v) => `Co-authored-by: ${v}`).join('\n')}\n`;

const HISTORY: FixtureCommit[] = [
  {
    author: FAY,
    message: trailers('Dee Moss dee@acme.io', 'Claude <noreply@anthropic.com>', 'Gil Oz <gil@acme.io>'),
    files: { 'web/a.ts': '1' },
  },
  {
    author: FAY,
    message: trailers(
      'Cursor Agent <cursoragent@cursor.com>',
      'Copilot <175728472+Copilot@users.noreply.github.com>',
      'renovate[bot] <29139614+renovate[bot]@users.noreply.github.com>',
    ),
    files: { 'web/b.ts': '1' },
  },
  {
    author: { name: 'Hal Roe', email: 'hal@acme.io' },
    message: trailers('Fay Wu <fay.wu@home.io>', 'Gil Oz <gil@acme.io>'),
    files: { 'web/c.ts': '1' },
  },
  { author: ROLLER, message: 'chore: bump chromium in DEPS to 123.0.6312.0', files: { DEPS: '1' } },
  { author: ROLLER, message: 'chore: bump node in DEPS to 20.11.1', files: { DEPS: '2' } },
  { author: ROLLER, message: 'Roll skia to 4f3a9c1e77', files: { DEPS: '3' } },
];

describe('co-author trailers, agents and bots', () => {
  it('a malformed trailer is ignored and counted in a note; agents and bots in trailers are no people; a co-author-only person has their name; a co-author joins the committer of the same name', async () => {
    const r = await analyzeRepo(repoOf(HISTORY).dir, { cache: false, imports: false });
    const emails = r.people!.flatMap((p) => p.emails);
    expect(emails.some((e) => /dee|anthropic|cursor|copilot|renovate/i.test(e))).toBe(false);
    expect(r.notes).toContain('1 Co-authored-by trailer ignored: not `Name <email>` (`Dee Moss dee@acme.io`)');
    expect(r.people!.find((p) => p.emails.includes('gil@acme.io'))).toMatchObject({
      names: ['Gil Oz'],
      commits: 0,
      bot: false,
    });
    expect(r.people!.find((p) => p.emails.includes('fay@acme.io'))).toMatchObject({
      commits: 2,
      emails: ['fay@acme.io', 'fay.wu@home.io'],
    });
  });

  it('`Roller Bot`, whose commits roll dependencies to versions and hashes, is a bot', async () => {
    const r = await analyzeRepo(repoOf(HISTORY).dir, { cache: false, imports: false });
    expect(r.people!.find((p) => p.emails.includes(ROLLER.email))).toMatchObject({ bot: true, commits: 3 });
    expect(r.window.commits).toBe(3);
  });

  it('agents are matched by the address they write, not by a first name', () => {
    expect(
      [
        'noreply@anthropic.com',
        'cursoragent@cursor.com',
        '198982749+copilot@users.noreply.github.com',
        'codex@openai.com',
      ].every(isAgent),
    ).toBe(true);
    expect(['claude@monet.fr', 'devin@acme.io', 'copilot@acme.io'].some(isAgent)).toBe(false);
  });

  it('dependency rolls with a version or hash after `to` are machine subjects; prose with `to` is not', () => {
    expect(
      [
        'chore: bump chromium in DEPS to 123.0.6312.0',
        'Roll v8 to 4f3a9c1',
        'build(deps): update esbuild to v0.20.1',
      ].every(machineSubject),
    ).toBe(true);
    expect(['Bump the timeout to avoid flakes', 'Update docs to explain roles'].some(machineSubject)).toBe(false);
  });
});
