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
const commit = (name: string, email: string): Commit => ({ sha: `c${n++}`, author: email.toLowerCase(), authorName: name, authorEmail: email, date: 0, coAuthors: [], files: [{ path: 'a.ts', added: 1, deleted: 0 }] });
const times = (k: number, name: string, email: string) => Array.from({ length: k }, () => commit(name, email));
const personOf = (commits: Commit[], known: [string, string][] = []) => mergeIdentities(commits, new Map(known)).personOf;

describe('identity merge: chained merges are refused', () => {
  it('one commit signed `Ann Lee <bob@…>` does not join Ann and Bob (the name is 1 of Bob\'s 8 commits)', () => {
    const m = mergeIdentities([...times(3, 'Ann Lee', 'ann@acme.io'), ...times(1, 'Ann Lee', 'ann@home.io'), ...times(7, 'Bob Stone', 'bob@acme.io'), commit('Ann Lee', 'bob@acme.io')], new Map());
    expect(m.personOf('ann@home.io')).toBe(m.personOf('ann@acme.io'));
    expect(m.personOf('bob@acme.io')).not.toBe(m.personOf('ann@acme.io'));
    expect(m.people.get(m.personOf('bob@acme.io'))!.keptApart).toEqual(['`bob@acme.io` used by two names: Bob Stone (7 commits), Ann Lee (1) — kept apart']);
    expect(m.people.get(m.personOf('ann@acme.io'))!.keptApart).toHaveLength(1);
  });

  it('a handle shared by two full names (email local parts equal to a CODEOWNERS handle) joins only the busier one', () => {
    const p = personOf([...times(3, 'Cat Park', 'cpark@acme.io'), ...times(2, 'Carl Parker', 'cpark@gmail.com'), ...times(1, 'cpark', '12+cpark@users.noreply.github.com')], [['cpark', 'cpark']]);
    expect(p('cpark@acme.io')).toBe('cpark');
    expect(p('cpark')).toBe('cpark');
    expect(p('cpark@gmail.com')).toBe('cpark@gmail.com');
  });

  it('a name with a real share of an identity\'s commits still cannot bridge two dominant names (three people, one chain)', () => {
    // dray@b.io: Dan Ray 2, Eve Ray 1 (a third: it speaks) — Dan's and Eve's groups stay apart.
    const m = mergeIdentities([...times(4, 'Eve Ray', 'eve@c.io'), ...times(3, 'Dan Ray', 'dan@a.io'), ...times(2, 'Dan Ray', 'dray@b.io'), commit('Eve Ray', 'dray@b.io')], new Map());
    expect(m.personOf('dray@b.io')).toBe(m.personOf('dan@a.io'));
    expect(m.personOf('eve@c.io')).not.toBe(m.personOf('dan@a.io'));
    expect(m.people.get(m.personOf('eve@c.io'))!.keptApart).toEqual(['`same name Eve Ray` would join two names: Dan Ray (5 commits), Eve Ray (4 commits) — kept apart']);
  });

  it('a one-word name joins a full name, but cannot bridge two', () => {
    const p = personOf([...times(3, 'Trent Mick', 'trentm@elastic.co'), ...times(2, 'Tom Mills', 'trentm@gmail.com'), ...times(1, 'trentm', 'tm@home.io')], [['trentm', 'trentm']]);
    expect(p('tm@home.io')).toBe('trentm');
    expect(p('trentm@elastic.co')).toBe('trentm');
    expect(p('trentm@gmail.com')).toBe('trentm@gmail.com');
  });

  it('identities of one full name still merge however many there are', () => {
    const p = personOf([...times(2, 'José García', 'jose@a.io'), ...times(1, 'jose garcia', 'jg@b.io'), ...times(1, 'José  García', '9+jgarcia@users.noreply.github.com')]);
    expect(new Set(['jose@a.io', 'jg@b.io', 'jgarcia'].map(p)).size).toBe(1);
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
    expect(bob).toMatchObject({ commits: 6, keptApart: ['`bob@acme.io` used by two names: Bob Stone (5 commits), Ann Lee (1) — kept apart'] });
    expect(ann).toMatchObject({ commits: 4, emails: ['ann@acme.io', 'ann@home.io'] });
    const text = await cli(['people', '--repo', repo.dir, '--no-cache']);
    expect(text.stdout).toContain('  kept apart: `bob@acme.io` used by two names: Bob Stone (5 commits), Ann Lee (1) — kept apart');
    const lines = (await cli(['people', '--repo', repo.dir, '--no-cache', '--mailmap'])).stdout.split('\n').filter((l) => l && !l.startsWith('#'));
    // The mis-signed commit keeps Bob's address, so its name is mapped to Bob's, never Ann's identities to Bob.
    expect(lines).toEqual(['Bob Stone <bob@acme.io> Ann Lee <bob@acme.io>', 'Ann Lee <ann@acme.io> Ann Lee <ann@home.io>']);
  });
});
