// A CODEOWNERS person owner whose handle the window never shows (the maintainer commits with a
// personal address now, with the GitHub noreply address years ago — payloadcms/payload's
// `@AlessioGr`) is matched by the full name that noreply address was used with, when exactly
// one person in the window has that name and carries no other handle. Built repositories.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import type { Report } from '../../analyzer/contract/report';
import { BOB, type FixtureCommit, type Person } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const { repoOf, tempDir } = scratch('conway-owner-names-');
const OLD: Person = { name: 'Alessio Gravo', email: '70709113+AlessGr@users.noreply.github.com' };
const NOW: Person = { name: 'Alessio Gravo', email: 'github@gravo.net' };
const day = (d: number) => new Date(Date.UTC(2024, 5, 1) + d * 86_400_000).toISOString();
const history = (now: Person): FixtureCommit[] => [
  { author: BOB, date: '2020-01-01T00:00:00Z', files: { CODEOWNERS: '/ui/ @AlessGr\n/api/ @bob-gh\n' } },
  ...Array.from({ length: 3 }, (_, i) => ({
    author: OLD,
    date: `2020-02-0${i + 1}T00:00:00Z`,
    files: { 'ui/old.ts': `${i}` },
  })),
  ...Array.from({ length: 12 }, (_, i) => ({ author: now, date: day(i), files: { 'ui/a.ts': `${i}` } })),
  ...Array.from({ length: 12 }, (_, i) => ({
    author: { name: 'Bob Stone', email: '9+bob-gh@users.noreply.github.com' },
    date: day(20 + i),
    files: { 'api/a.ts': `${i}` },
  })),
];
const team = (r: Report, id: string) => r.teams.find((t) => t.id === id)!;

describe('person owners matched through the whole history', () => {
  it('the owner is the one person in the window with the name their noreply address was used with', async () => {
    const r = await analyzeRepo(repoOf(history(NOW)).dir, { cache: false, imports: false });
    expect(r.window.commits).toBe(24); // the 2020 commits are outside the default window
    expect(team(r, '@AlessGr').members.map((m) => [m.name, m.inferred])).toEqual([['Alessio Gravo', false]]);
    expect(team(r, '@AlessGr').autonomy.ownershipIntegrity).toBe(1);
    expect(r.notes).toContain(
      'CODEOWNERS person owner @AlessGr has no identity in the window under that handle: matched to Alessio Gravo, who committed as 70709113+AlessGr@users.noreply.github.com earlier in the history (3 commits) and is the only person of that name in the window',
    );
  });

  it('no match when the person of that name carries another handle in the window', async () => {
    const other: Person = { name: 'Alessio Gravo', email: '5+someone-else@users.noreply.github.com' };
    const r = await analyzeRepo(repoOf(history(other)).dir, { cache: false, imports: false });
    expect(team(r, '@AlessGr').members).toEqual([]);
    expect(r.notes.some((n) => n.includes('person owner @AlessGr'))).toBe(false);
  });

  it('an owner that never used a noreply address is the one person whose name the handle spells', async () => {
    const DANIEL: Person = { name: 'Daniel Roe', email: 'daniel@roe.dev' };
    const DORA: Person = { name: 'Dora Roe', email: 'dora@roe.dev' };
    const repo = repoOf([
      { author: DANIEL, date: day(0), files: { CODEOWNERS: '* @danielroe\n/docs/ @droe\n' } },
      ...Array.from({ length: 12 }, (_, i) => ({ author: DANIEL, date: day(1 + i), files: { 'src/a.ts': `${i}` } })),
      ...Array.from({ length: 12 }, (_, i) => ({ author: DORA, date: day(20 + i), files: { 'docs/a.md': `${i}` } })),
    ]);
    const r = await analyzeRepo(repo.dir, { cache: false, imports: false });
    expect(team(r, '@danielroe').members.map((m) => [m.name, m.inferred])).toEqual([['Daniel Roe', false]]);
    expect(r.notes).toContain(
      'CODEOWNERS person owner @danielroe has no identity in the window under that handle: matched to Daniel Roe, the only person in the window whose name the handle spells',
    );
    // `droe` is spelled by Daniel Roe and Dora Roe alike: no evidence, no member.
    expect(team(r, '@droe').members).toEqual([]);
  });

  it('every initial and the surname, without a generational suffix, is a spelling too', async () => {
    const JOSE: Person = { name: 'Jose C Quintas Jr', email: 'juniorq@example.com' };
    const repo = repoOf([
      { author: JOSE, date: day(0), files: { CODEOWNERS: '/charts/ @JCQuintas @bob-gh\n' } },
      ...Array.from({ length: 12 }, (_, i) => ({ author: JOSE, date: day(1 + i), files: { 'charts/a.ts': `${i}` } })),
    ]);
    const r = await analyzeRepo(repo.dir, { cache: false, imports: false });
    expect(team(r, '@JCQuintas+@bob-gh').members.map((m) => m.name)).toEqual(['Jose C Quintas Jr']);
  });
});

describe('the whole-history scan is kept in the cache directory', () => {
  const note = (r: Report) => r.notes.filter((n) => n.includes('person owner @AlessGr'));
  const kept = (dir: string) => readdirSync(join(dir, 'handles')).filter((f) => f.endsWith('.json'));

  it('per HEAD: a warm run reads the kept answer, a new commit asks git again, a broken file is a miss', async () => {
    const repo = repoOf(history(NOW));
    const cacheDir = tempDir();
    const opts = { cacheDir, imports: false };
    const cold = await analyzeRepo(repo.dir, { cache: false, imports: false });
    const first = await analyzeRepo(repo.dir, opts);
    expect(note(first)).toEqual(note(cold));
    expect(note(first)).toHaveLength(1);
    expect(kept(cacheDir)).toHaveLength(1);
    // The kept answer is what the warm run uses: written over, the warm run says what the file says.
    const [file] = kept(cacheDir);
    writeFileSync(
      join(cacheDir, 'handles', file),
      JSON.stringify([['alessgr', { name: 'Alessio Gravo', email: 'kept@example.com', commits: 9 }]]),
    );
    expect(note(await analyzeRepo(repo.dir, opts))[0]).toContain(
      'committed as kept@example.com earlier in the history (9 commits)',
    );
    // Not what was written (a fault of any kind): a miss, and git is asked again.
    writeFileSync(join(cacheDir, 'handles', file), '{"not": "rows"}');
    expect(note(await analyzeRepo(repo.dir, opts))).toEqual(note(cold));
    // A new HEAD is a new key: the history under it may hold other names.
    repo.commit({ author: BOB, date: day(40), files: { 'api/b.ts': 'again' } });
    const moved = await analyzeRepo(repo.dir, opts);
    expect(kept(cacheDir)).toHaveLength(2);
    expect(note(moved)).toEqual(note(await analyzeRepo(repo.dir, { cache: false, imports: false })));
  });
});
