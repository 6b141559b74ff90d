// Statuses and findings the story repository does not show: a declaration with nothing behind it
// (unused), a heavy dependency nobody declared — a finding only once the team map declares
// interactions at all — and a collaboration whose end date the window has not reached.
import { describe, expect, it } from 'vitest';
import type { Commit, ImportEdge, Team } from '../../analyzer/model/types';
import { interactionFindings } from '../../analyzer/org/interaction-findings';
import { observeInteractions } from '../../analyzer/org/interactions';

const team = (id: string, interactions?: Team['interactions']): Team => ({
  id,
  name: id,
  owners: [`@o/${id}`],
  members: [],
  clusters: [],
  ...(interactions ? { interactions } : {}),
});
const edge = (n: number): ImportEdge => ({
  from: `a/f${n}.ts`,
  to: `b/index.ts`,
  specifier: '../b',
  line: 1,
  kind: 'static',
});
const commit = (sha: string, author: string, date: number, files: string[]): Commit => ({
  sha,
  author,
  authorName: author,
  authorEmail: `${author}@x`,
  date,
  coAuthors: [],
  files: files.map((path) => ({ path, added: 1, deleted: 0 })),
});
const day = (d: string) => Date.parse(`${d}T12:00:00Z`) / 1000;

function observe(teams: Team[], imports: ImportEdge[], commits: Commit[] = [], now = day('2026-06-30')) {
  return observeInteractions({
    input: { commits, imports, deliveryTeamsOf: (p) => [p.split('/')[0]], isPublicApi: (p) => p.endsWith('index.ts') },
    teamsOfPerson: (p) => [p],
    maxChangesetSize: 30,
    delivery: new Set(teams.map((t) => t.id)),
    teams,
    now,
  });
}

const c = (id: string) => ({
  team: id,
  mode: 'collaboration' as const,
  purpose: null,
  since: null,
  until: null,
  line: 4,
});

describe('interaction statuses and findings', () => {
  const heavy = Array.from({ length: 20 }, (_, i) => edge(i));

  it('a declaration with no import, shared change set or cross-team change is unused; 20 public imports undeclared are x-as-a-service', () => {
    const pairs = observe([team('a', [c('c')]), team('b'), team('c')], heavy);
    expect(pairs.map((p) => [p.row.a, p.row.b, p.row.observed.mode, p.row.status])).toEqual([
      ['a', 'b', 'x-as-a-service', 'undeclared'],
      ['a', 'c', 'none', 'unused'],
    ]);
    expect(pairs[0].row.observed).toMatchObject({ by: 'b', evidence: { importsAB: 20, publicApiShare: 1 } });
  });

  it('a heavy undeclared dependency is a finding only when the team map declares interactions', () => {
    const pairs = observe([team('a', [c('c')]), team('b'), team('c')], heavy);
    expect(interactionFindings(pairs, 'conway.yml', true).map((f) => [f.target, f.file, f.line, f.weight])).toEqual([
      ['a ↔ b', 'a/f0.ts', 1, 20],
    ]);
    expect(interactionFindings(pairs, 'conway.yml', false)).toEqual([]);
    // 19 imports are not heavy.
    expect(
      interactionFindings(observe([team('a', [c('c')]), team('b'), team('c')], heavy.slice(1)), 'conway.yml', true),
    ).toEqual([]);
  });

  it('a collaboration is expired only once the window ends after its until, and a finding only with work after it', () => {
    const until = (d: string) => [team('a', [{ ...c('b'), until: d }]), team('b')];
    // ann (team a) and bob (team b) change each other's files twice each, in May.
    const work = [
      commit('1', 'a', day('2026-05-01'), ['b/x.ts']),
      commit('2', 'a', day('2026-05-02'), ['b/x.ts']),
      commit('3', 'b', day('2026-05-03'), ['a/y.ts']),
      commit('4', 'b', day('2026-05-04'), ['a/y.ts']),
    ];
    expect(observe(until('2026-12-31'), [], work)[0].row.status).toBe('matches');
    const ended = observe(until('2026-04-30'), [], work);
    expect(ended[0].row).toMatchObject({
      status: 'expired',
      observed: { mode: 'collaboration', evidence: { changesAinB: 2, changesBinA: 2 } },
    });
    expect(interactionFindings(ended, 'conway.yml', true).map((f) => f.message)).toEqual([
      'the collaboration of a and b ended on 2026-04-30, but 4 cross-team changes and shared change sets came after it: extend `until` or settle the interface (x-as-a-service)',
    ]);
    // Ended after the last cross-team change: expired, nothing to act on.
    const done = observe(until('2026-05-10'), [], work);
    expect(done[0].row.status).toBe('expired');
    expect(interactionFindings(done, 'conway.yml', true)).toEqual([]);
  });
});
