// conway.yml `interactions:`: read into the team map with their lines, and every mistake named
// with its file, line and fix (unknown team or mode, a date that is not one, an end before the
// start, a team naming itself), through `conway validate` as a user runs it.
import { describe, expect, it } from 'vitest';
import { parseTeamMap } from '../../analyzer/teams/parse';
import { cli } from '../fixtures/cli';
import { makeRepo } from '../fixtures/repo';
import { STORY_TEAM_MAP } from '../fixtures/team-story';

describe('interactions in the team map', () => {
  it('reads each entry with its line; purpose and dates are optional', () => {
    const p = parseTeamMap(STORY_TEAM_MAP, 'conway.yml');
    expect(p.errors).toEqual([]);
    expect(p.map.teams.find((t) => t.id === 'checkout')!.interactions).toEqual([
      { team: 'platform', mode: 'x-as-a-service', purpose: 'payments API', since: '2024-01-01', until: null, line: 10 },
      {
        team: 'search',
        mode: 'collaboration',
        purpose: 'basket search',
        since: '2024-01-01',
        until: '2024-03-31',
        line: 11,
      },
    ]);
    expect(p.map.teams.find((t) => t.id === 'search')!.interactions).toBeUndefined();
  });

  it('names every mistake with its line and how to fix it', () => {
    const text = [
      'teams:',
      '  a:',
      "    owners: ['@o/a']",
      '    interactions:',
      '      - { team: bb, mode: collaboration }',
      '      - { team: b, mode: x-as-service }',
      '      - { team: b, mode: collaboration, since: 2026-02-30 }',
      '      - { team: b, mode: collaboration, since: 2026-03-01, until: 2026-01-31 }',
      '      - { team: a, mode: facilitating }',
      '      - { team: b, mode: facilitating, purpse: help }',
      '      - { mode: facilitating }',
      '  b:',
      "    owners: ['@o/b']",
      '    interactions: { team: a }',
      '',
    ].join('\n');
    const p = parseTeamMap(text, 'conway.yml');
    expect(p.errors.map((e) => `${e.line}: ${e.message}`).sort()).toEqual([
      "10: team 'a': interactions: unknown key 'purpse' — did you mean 'purpose'? (allowed: team, mode, purpose, since, until)",
      '11: team \'a\': interactions: an entry has no `team:` — name the other team, e.g. `- { team: payments, mode: x-as-a-service, purpose: "charge cards", since: 2026-01-05 }`',
      '14: team \'b\': interactions must be a list of entries like `- { team: payments, mode: x-as-a-service, purpose: "charge cards", since: 2026-01-05 }`',
      "5: team 'a': interactions names unknown team 'bb' — did you mean 'b'?",
      "6: team 'a': interactions: unknown mode 'x-as-service' — did you mean 'x-as-a-service'? (modes: collaboration, x-as-a-service, facilitating)",
      "7: team 'a': interactions: since '2026-02-30' is not a date — write YYYY-MM-DD, e.g. 2026-03-31",
      "8: team 'a': interactions: until 2026-01-31 is before since 2026-03-01 — swap them or fix the date",
      "9: team 'a': interactions: an entry names the team itself — name the other team it works with",
    ]);
  });

  it('conway validate prints them as file:line errors and exits 1', async () => {
    const repo = makeRepo([
      {
        files: {
          CODEOWNERS: '/a/ @o/a\n',
          'a/x.ts': 'export {};\n',
          'conway.yml': "teams:\n  a:\n    owners: ['@o/a']\n    interactions:\n      - { team: a, mode: pairing }\n",
        },
      },
    ]);
    try {
      const r = await cli(['validate', '--repo', repo.dir]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(
        "conway.yml:5: error: team 'a': interactions: unknown mode 'pairing' (modes: collaboration, x-as-a-service, facilitating)",
      );
    } finally {
      repo.cleanup();
    }
  });
});
