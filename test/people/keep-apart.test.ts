// A merge needs evidence one mis-attributed commit cannot create (people/keep-apart.ts): chained
// merges through a shared email, a shared handle and a three-person chain, on commit records
// (unit) and on a built repository (report and `conway people`).
import { describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import type { Commit } from '../../analyzer/model/types';
import { mergeIdentities } from '../../analyzer/people/merge';
import { cli } from '../fixtures/cli';
import type { FixtureCommit, Person } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const { repoOf } = scratch('conway-keep-apart-');
let n = 0;
const commit = (name: string, email: string): Commit => ({
  sha: `c${n++}`,
  author: email.toLowerCase(),
  authorName: name,
  authorEmail: email,
  date: 0,
  coAuthors: [],
  files: [{ path: 'a.ts', added: 1, deleted: 0 }],
});
const times = (k: number, name: string, email: string) => Array.from({ length: k }, () => commit(name, email));
const personOf = (commits: Commit[], known: [string, string][] = []) =>
  mergeIdentities(commits, new Map(known)).personOf;

describe('identity merge: chained merges are refused', () => {
  it("one commit signed `Ann Lee <bob@…>` does not join Ann and Bob (the name is 1 of Bob's 8 commits)", () => {
    const m = mergeIdentities(
      [
        ...times(3, 'Ann Lee', 'ann@acme.io'),
        ...times(1, 'Ann Lee', 'ann@home.io'),
        ...times(7, 'Bob Stone', 'bob@acme.io'),
        commit('Ann Lee', 'bob@acme.io'),
      ],
      new Map(),
    );
    expect(m.personOf('ann@home.io')).toBe(m.personOf('ann@acme.io'));
    expect(m.personOf('bob@acme.io')).not.toBe(m.personOf('ann@acme.io'));
    expect(m.people.get(m.personOf('bob@acme.io'))!.keptApart).toEqual([
      '`bob@acme.io` used by two names: Bob Stone (7 commits), Ann Lee (1) — kept apart',
    ]);
    expect(m.people.get(m.personOf('ann@acme.io'))!.keptApart).toHaveLength(1);
  });

  it('a handle shared by two full names (email local parts equal to a CODEOWNERS handle) joins only the busier one', () => {
    const p = personOf(
      [
        ...times(3, 'Cat Park', 'cpark@acme.io'),
        ...times(2, 'Carl Parker', 'cpark@gmail.com'),
        ...times(1, 'cpark', '12+cpark@users.noreply.github.com'),
      ],
      [['cpark', 'cpark']],
    );
    expect(p('cpark@acme.io')).toBe('cpark');
    expect(p('cpark')).toBe('cpark');
    expect(p('cpark@gmail.com')).toBe('cpark@gmail.com');
  });

  it("a name with a real share of an identity's commits still cannot bridge two dominant names (three people, one chain)", () => {
    // dray@b.io: Dan Ray 2, Eve Ray 1 (a third: it speaks) — Dan's and Eve's groups stay apart.
    const m = mergeIdentities(
      [
        ...times(4, 'Eve Ray', 'eve@c.io'),
        ...times(3, 'Dan Ray', 'dan@a.io'),
        ...times(2, 'Dan Ray', 'dray@b.io'),
        commit('Eve Ray', 'dray@b.io'),
      ],
      new Map(),
    );
    expect(m.personOf('dray@b.io')).toBe(m.personOf('dan@a.io'));
    expect(m.personOf('eve@c.io')).not.toBe(m.personOf('dan@a.io'));
    expect(m.people.get(m.personOf('eve@c.io'))!.keptApart).toEqual([
      '`same name Eve Ray` would join two names: Dan Ray (5 commits), Eve Ray (4 commits) — kept apart',
    ]);
  });

  it('a one-word name joins a full name, but cannot bridge two', () => {
    const p = personOf(
      [
        ...times(3, 'Trent Mick', 'trentm@elastic.co'),
        ...times(2, 'Tom Mills', 'trentm@gmail.com'),
        ...times(1, 'trentm', 'tm@home.io'),
      ],
      [['trentm', 'trentm']],
    );
    expect(p('tm@home.io')).toBe('trentm');
    expect(p('trentm@elastic.co')).toBe('trentm');
    expect(p('trentm@gmail.com')).toBe('trentm@gmail.com');
  });

  it('identities of one full name still merge however many there are', () => {
    const p = personOf([
      ...times(2, 'José García', 'jose@a.io'),
      ...times(1, 'jose garcia', 'jg@b.io'),
      ...times(1, 'José  García', '9+jgarcia@users.noreply.github.com'),
    ]);
    expect(new Set(['jose@a.io', 'jg@b.io', 'jgarcia'].map(p)).size).toBe(1);
  });
});

describe('identity merge: handle-like words, initials and middle initials (as curated .mailmap files merge them)', () => {
  it('the same handle-like one-word name, or a one-word name equal to an email local part, is one person', () => {
    const p = personOf([
      ...times(3, 'isaacs', 'i@izs.me'),
      ...times(1, 'isaacs', 'i@foohack.com'),
      ...times(2, 'step2yeung', 'syeung@corp.com'),
      ...times(2, 'Stephen Yeung', 'step2yeung@outlook.com'),
    ]);
    expect(p('i@foohack.com')).toBe(p('i@izs.me'));
    expect(p('syeung@corp.com')).toBe(p('step2yeung@outlook.com'));
  });

  it("a one-word name that is some full name's given name is no handle: three Matts stay three people", () => {
    const p = personOf([
      ...times(3, 'Matt Silverlock', 'matt@eatsleep.net'),
      ...times(2, 'Matt', '7+mattzcarey@users.noreply.github.com'),
      ...times(2, 'Matt', 'malonso@corp.com'),
    ]);
    expect(new Set(['matt@eatsleep.net', 'mattzcarey', 'malonso@corp.com'].map(p)).size).toBe(3);
  });

  it('placeholders and short one-word names are no evidence', () => {
    const p = personOf([
      ...times(1, 'unknown', 'a@one.io'),
      ...times(1, 'unknown', 'b@two.io'),
      ...times(1, 'dev', 'c@one.io'),
      ...times(1, 'dev', 'd@two.io'),
    ]);
    expect(new Set(['a@one.io', 'b@two.io', 'c@one.io', 'd@two.io'].map(p)).size).toBe(4);
  });

  it('initial and surname (`afarkas`, `dkirkby@`) join the one full name they spell, never an ambiguous one', () => {
    const p = personOf([
      ...times(2, 'Alexander Farkas', 'a.farkas@mail.io'),
      ...times(3, 'afarkas', 'info@corrupt.io'),
      ...times(1, 'Don Kirkby', 'donkirkby@mail.io'),
      ...times(1, 'don', 'dkirkby@ubc.ca'),
      ...times(1, 'John Smith', 'john@a.io'),
      ...times(1, 'Jane Smith', 'jane@b.io'),
      ...times(1, 'jsmith', 'js@c.io'),
    ]);
    expect(p('info@corrupt.io')).toBe(p('a.farkas@mail.io'));
    expect(p('dkirkby@ubc.ca')).toBe(p('donkirkby@mail.io'));
    expect(new Set(['john@a.io', 'jane@b.io', 'js@c.io'].map(p)).size).toBe(3);
  });

  it('a middle initial is ignored, a surname initial is not', () => {
    const p = personOf([
      ...times(2, 'Benjamin E. Coe', 'bencoe@gmail.com'),
      ...times(1, 'Benjamin Coe', 'ben@npmjs.com'),
      ...times(2, 'Anton M', 'am@one.io'),
      ...times(1, 'Anton M', 'am@two.io'),
      ...times(1, 'Anton', 'anton@three.io'),
    ]);
    expect(p('ben@npmjs.com')).toBe(p('bencoe@gmail.com'));
    expect(p('am@two.io')).toBe(p('am@one.io'));
    expect(p('anton@three.io')).not.toBe(p('am@one.io'));
  });

  it('a renamed person (`Michał Gołębiowski` → `…-Owczarek`) still merges: the old name carries a real share of the group', () => {
    const p = personOf([
      ...times(5, 'Michał Gołębiowski-Owczarek', 'm.goleb@gmail.com'),
      ...times(4, 'Michał Gołębiowski', 'm.goleb@gmail.com'),
      ...times(1, 'Michał Z. Gołębiowski', 'michal@lab.ee'),
    ]);
    expect(p('michal@lab.ee')).toBe(p('m.goleb@gmail.com'));
  });
});

const ANN: Person = { name: 'Ann Lee', email: 'ann@acme.io' };
const ANN_HOME: Person = { name: 'Ann Lee', email: 'ann@home.io' };
const BOB: Person = { name: 'Bob Stone', email: 'bob@acme.io' };
const MISSIGNED: Person = { name: 'Ann Lee', email: 'bob@acme.io' };

describe('identity merge on a built repository', () => {
  const history: FixtureCommit[] = [
    ...[1, 2, 3].map((i) => ({ author: ANN, files: { [`web/a${i}.ts`]: '1' } })),
    { author: ANN_HOME, files: { 'web/b.ts': '1' } },
    ...[1, 2, 3, 4, 5].map((i) => ({ author: BOB, files: { [`api/a${i}.ts`]: '1' } })),
    { author: MISSIGNED, files: { 'api/x.ts': '1' } },
  ];

  it('the report keeps Ann and Bob apart and says why; `people --mailmap` proposes no line mapping one onto the other', async () => {
    const repo = repoOf(history);
    const r = await analyzeRepo(repo.dir, { cache: false, imports: false });
    const bob = r.people!.find((p) => p.emails.includes('bob@acme.io'))!;
    const ann = r.people!.find((p) => p.emails.includes('ann@acme.io'))!;
    expect(bob).toMatchObject({
      commits: 6,
      keptApart: ['`bob@acme.io` used by two names: Bob Stone (5 commits), Ann Lee (1) — kept apart'],
    });
    expect(ann).toMatchObject({ commits: 4, emails: ['ann@acme.io', 'ann@home.io'] });
    const text = await cli(['people', '--repo', repo.dir, '--no-cache']);
    expect(text.stdout).toContain(
      '  kept apart: `bob@acme.io` used by two names: Bob Stone (5 commits), Ann Lee (1) — kept apart',
    );
    const lines = (await cli(['people', '--repo', repo.dir, '--no-cache', '--mailmap'])).stdout
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    // The mis-signed commit keeps Bob's address, so its name is mapped to Bob's, never Ann's identities to Bob.
    expect(lines).toEqual([
      'Bob Stone <bob@acme.io> Ann Lee <bob@acme.io>',
      'Ann Lee <ann@acme.io> Ann Lee <ann@home.io>',
    ]);
  });
});
