// `conway check` asks for the gate's sections only (metrics.gateOnly): the violations, findings,
// window, coverage and notes it prints must be those of the whole report, on built repositories
// with import, CODEOWNERS, drift and team-work (interaction) violations; the sections it does not
// print (team and cluster rows, people, crossing, scorecard) are left empty, and so are the notes
// about them (sample sizes of team rows, cluster suggestions): check prints no notes of the report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import type { Report } from '../../analyzer/contract/report';
import { boundariesRepo } from '../fixtures/boundaries';
import { buildTeamStory } from '../fixtures/team-story';
import type { Repo } from '../fixtures/repo';

const repos: Record<string, Repo> = {};
beforeAll(() => {
  repos.boundaries = boundariesRepo();
  repos.story = buildTeamStory();
});
afterAll(() => Object.values(repos).forEach((r) => r.cleanup()));

const gateParts = (r: Report) => ({
  violations: r.violations,
  findings: r.findings,
  window: r.window,
  coverage: r.coverage,
  repo: r.repo,
});

describe('the gate-only analysis', () => {
  for (const name of ['boundaries', 'story']) {
    it(`gives check the whole report's violations, findings, window and coverage (${name})`, async () => {
      const now = () => new Date('2025-01-01T00:00:00Z');
      const opts = { cache: false, since: 'all', now };
      const full = await analyzeRepo(repos[name].dir, { ...opts, metrics: { skipModules: true } });
      const gate = await analyzeRepo(repos[name].dir, { ...opts, metrics: { skipModules: true, gateOnly: true } });
      expect(full.violations.length).toBeGreaterThan(0);
      expect(gateParts(gate)).toEqual(gateParts(full));
      expect(gate.notes.every((n) => full.notes.includes(n))).toBe(true);
      expect(gate.notes.filter((n) => n.includes('(too few data)') || n.startsWith('no cluster'))).toEqual([]);
      expect(full.teams.length).toBeGreaterThan(0);
      expect(gate).toMatchObject({ teams: [], clusters: [], people: [] });
      expect(gate.scorecard).toBeUndefined();
      expect(gate.crossing).toBeUndefined();
    });
  }

  it('covers the kinds the gate reads: deep imports, unowned files, drift or team work', async () => {
    const kinds = async (name: string) =>
      new Set(
        (
          await analyzeRepo(repos[name].dir, { cache: false, since: 'all', metrics: { gateOnly: true } })
        ).violations.map((v) => v.kind),
      );
    const all = new Set([...(await kinds('boundaries')), ...(await kinds('story'))]);
    expect(all.has('deep-import')).toBe(true);
    expect(all.size).toBeGreaterThan(2);
  });
});
