// Identities merged with evidence (mailmap, noreply, handle, same name),
// case-insensitive handles, a person owner committing from an email, bots by name, and
// `conway people --mailmap` — on a real repository built in a temp dir. Ann makes 5 commits
// (6 changes, the first adds CODEOWNERS and .mailmap) from three identities.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import type { PersonRow, Report } from '../../analyzer/contract/report';
import { cli } from '../fixtures/cli';
import { makeRepo, type Person, type Repo } from '../fixtures/repo';

const ANN_WORK: Person = { name: 'Ann Lee', email: 'ann@acme.io' };
const ANN_HOME: Person = { name: 'ann  lee', email: 'ann.lee@gmail.com' };
const ANN_GH: Person = { name: 'Ann Lée', email: '12+ann-gh@users.noreply.github.com' };
const TRENT: Person = { name: 'Trent Mick', email: 'trentm@elastic.co' };
const BOB_OLD: Person = { name: 'Robert Stone', email: 'bob@old.example' };
const BOB: Person = { name: 'Bob Stone', email: 'bob@acme.io' };
const AONE: Person = { name: 'a-one', email: 'first@corp.io' };
const RELEASE_BOT: Person = { name: 'release-bot', email: 'release@acme.io' };
const CAT: Person = { name: 'Cat Talbot', email: 'cat@acme.io' };
const DEV: Person = { name: 'Dev', email: 'dev@one.io' };
const DEV2: Person = { name: 'Dev', email: 'dev@two.io' };
const TRENT_GH: Person = { name: 'tm', email: '77+TrentM@users.noreply.github.com' };

let repo: Repo;
let r: Report;
const person = (id: string) => r.people!.find((p) => p.id === id)!;
const team = (id: string) => r.teams.find((t) => t.id === id)!;

beforeAll(async () => {
  repo = makeRepo([
    {
      author: ANN_WORK,
      files: {
        CODEOWNERS: '/web/ @acme/web\n/web/legacy/ @ACME/Web\n/api/ @trentm\n/auth/ @A-One\n',
        '.mailmap': 'Bob Stone <bob@acme.io> <bob@old.example>\n',
      },
    },
    { author: ANN_WORK, files: { 'web/a.ts': '1' } },
    { author: ANN_WORK, files: { 'web/a.ts': '2' } },
    { author: ANN_HOME, files: { 'web/b.ts': '1' } },
    { author: ANN_GH, files: { 'web/legacy/c.ts': '1' } },
    { author: TRENT, files: { 'api/a.ts': '1' } },
    { author: TRENT, files: { 'api/a.ts': '2' } },
    { author: TRENT, files: { 'api/b.ts': '1' } },
    { author: BOB_OLD, files: { 'web/a.ts': '3' } },
    { author: BOB, files: { 'web/b.ts': '2' } },
    { author: AONE, files: { 'auth/a.ts': '1' } },
    { author: RELEASE_BOT, message: 'chore(release): v1.2.0', files: { 'web/a.ts': '4', 'api/a.ts': '3' } },
    { author: CAT, files: { 'web/b.ts': '3' } },
    { author: DEV, files: { 'web/d.ts': '1' } },
    { author: DEV2, files: { 'web/d.ts': '2' } },
    { author: TRENT_GH, files: { 'api/b.ts': '2' } },
  ]);
  // minSample 1: the fixture's teams have a handful of changes, and integrity is what is checked.
  r = await analyzeRepo(repo.dir, { cache: false, imports: false, metrics: { minSample: 1 } });
});
afterAll(() => repo.cleanup());

describe('people: identity merging', () => {
  it('merges a work email, a home email and a noreply address by the same full name (case, accents, spaces), id = the handle', () => {
    const ann = person('ann-gh');
    expect(ann).toMatchObject({ commits: 5, changes: 6, handles: ['ann-gh'], bot: false });
    expect([...ann.emails].sort()).toEqual(['12+ann-gh@users.noreply.github.com', 'ann.lee@gmail.com', 'ann@acme.io']);
    expect(ann.merged).toContainEqual({ identity: 'ann  lee <ann.lee@gmail.com>', reason: 'same name ann  lee' });
    expect(ann.merged).toContainEqual({
      identity: 'Ann Lée <12+ann-gh@users.noreply.github.com>',
      reason: 'noreply 12+ann-gh@users.noreply.github.com',
    });
    expect(r.people!.filter((p) => p.emails.includes('ann@acme.io'))).toHaveLength(1);
  });

  it('keeps the .mailmap merge git made as evidence', () => {
    const bob = person('bob@acme.io');
    expect(bob).toMatchObject({ commits: 2, names: ['Bob Stone'], emails: ['bob@acme.io'] });
    expect(bob.merged).toEqual([{ identity: '<bob@old.example>', reason: 'mailmap' }]);
  });

  it('a person owner committing from an email is found by the email local part, and joined with their noreply address by the handle', () => {
    expect(person('trentm')).toMatchObject({
      commits: 4,
      emails: ['trentm@elastic.co', '77+TrentM@users.noreply.github.com'],
      names: ['Trent Mick', 'tm'],
      handles: ['trentm'],
      teams: ['@trentm'],
    });
    expect(person('trentm').merged).toEqual([
      { identity: 'tm <77+TrentM@users.noreply.github.com>', reason: 'noreply 77+TrentM@users.noreply.github.com' },
      { identity: 'Trent Mick <trentm@elastic.co>', reason: 'handle @trentm (email local part)' },
    ]);
    const t = team('@trentm');
    expect(t).toMatchObject({ membership: 'declared', role: 'team', alignment: 1 });
    expect(t.members.map((m) => [m.person, m.inferred])).toEqual([['trentm', false]]);
  });

  it('a one-word git name equal to a CODEOWNERS handle is that person, handles compared case-insensitively', () => {
    expect(person('a-one')).toMatchObject({ handles: ['A-One'], teams: ['@A-One'] });
    expect(team('@A-One').members.map((m) => m.person)).toEqual(['a-one']);
  });

  it('one-word names are never merged (two people called Dev stay two)', () => {
    expect(
      r
        .people!.filter((p) => p.names.includes('Dev'))
        .map((p) => p.id)
        .sort(),
    ).toEqual(['dev@one.io', 'dev@two.io']);
  });
});

describe('people: case-insensitive owners', () => {
  it('@acme/web and @ACME/Web are one team, shown as first written in CODEOWNERS', () => {
    expect(r.teams.map((t) => t.id)).toEqual(['@acme/web', '@trentm', '@A-One']);
    expect(team('@acme/web').files).toBe(4);
    expect(r.files.find((f) => f.path === 'web/legacy/c.ts')).toMatchObject({
      owners: ['@ACME/Web'],
      teams: ['@acme/web'],
    });
  });
});

describe('people: bots', () => {
  it('an account named …-bot is a bot: dropped from the metrics, listed as a bot', () => {
    const bots = r.people!.filter((p) => p.bot);
    expect(bots).toEqual([
      expect.objectContaining({
        names: ['release-bot'],
        emails: ['release@acme.io'],
        commits: 1,
        changes: 2,
        teams: [],
      }),
    ]);
    expect(r.window.commits).toBe(16 - 1);
    expect(person('cat@acme.io').bot).toBe(false); // "Talbot" ends in "bot" but is a surname
  });

  it('--include-bots keeps them, still marked as bots', async () => {
    const kept = await analyzeRepo(repo.dir, { cache: false, imports: false, includeBots: true });
    expect(kept.window.commits).toBe(16);
    expect(kept.people!.filter((p: PersonRow) => p.bot).map((p) => [p.id, p.commits])).toEqual([
      ['release@acme.io', 1],
    ]);
  });
});

describe('conway people', () => {
  it('--mailmap prints the lines that make git merge what Conway merged, busiest identity first', async () => {
    const out = await cli(['people', '--repo', repo.dir, '--mailmap']);
    expect(out.code).toBe(0);
    const lines = out.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^# /);
    expect(lines.slice(1).sort()).toEqual([
      'Ann Lee <ann@acme.io> Ann Lée <12+ann-gh@users.noreply.github.com>',
      'Ann Lee <ann@acme.io> ann  lee <ann.lee@gmail.com>',
      'Trent Mick <trentm@elastic.co> tm <77+TrentM@users.noreply.github.com>',
    ]);
  });

  it('--mailmap lines, once in .mailmap, make git agree: one identity', async () => {
    const out = await cli(['people', '--repo', repo.dir, '--mailmap']);
    const copy = makeRepo([{ files: { '.mailmap': out.stdout } }]);
    try {
      for (const a of [ANN_WORK, ANN_HOME, ANN_GH]) copy.commit({ author: a, files: { [`f-${a.email}`]: '1' } });
      expect(copy.git('log', '--use-mailmap', '--format=%aN <%aE>', '-3').trim().split('\n')).toEqual(
        Array(3).fill('Ann Lee <ann@acme.io>'),
      );
    } finally {
      copy.cleanup();
    }
  });

  it('lists every person with evidence, and who was treated as a bot', async () => {
    const out = await cli(['people', '--repo', repo.dir, '--min-sample', '1']);
    expect(out.stdout).toContain('ann-gh  5 commits, 6 changes  teams: @acme/web');
    expect(out.stdout).toContain('  merged:  Trent Mick <trentm@elastic.co> — handle @trentm (email local part)');
    expect(out.stdout).toMatch(/Treated as bots[^\n]*\n  release-bot <release@acme.io>  1 commit, 2 changes/);
    const json = JSON.parse((await cli(['people', '--repo', repo.dir, '--json'])).stdout) as PersonRow[];
    expect(json.find((p) => p.id === 'trentm')?.teams).toEqual(['@trentm']);
  });
});

describe('conway validate: case-insensitive owners', () => {
  it('a team map owner matches the CODEOWNERS owner in any case (GitHub slugs and handles are case-insensitive)', async () => {
    const r = makeRepo([
      {
        files: {
          CODEOWNERS: '/web/ @ACME/Web\n/api/ @TrentM\n',
          'conway.yml': 'teams:\n  web:\n    owners: ["@acme/web", "@trentm"]\n',
          'web/a.ts': '1',
          'api/a.ts': '1',
        },
      },
    ]);
    try {
      const out = await cli(['validate', '--repo', r.dir]);
      expect(out.stdout).toContain('0 errors, 0 warnings');
      expect((await cli(['who', '--repo', r.dir, 'web/a.ts', 'api/a.ts', '--json'])).stdout).toContain(
        '"teams": [\n        "web"\n      ]',
      );
    } finally {
      r.cleanup();
    }
  });
});
