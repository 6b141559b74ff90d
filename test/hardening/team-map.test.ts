// A conway.yml the user wrote and Conway cannot read stops analyze and check (exit 2,
// file, line, reason) instead of being ignored; ids must be non-empty strings; checks stay
// near-linear on very large maps.
import { describe, expect, it } from 'vitest';
import { parseTeamMap } from '../../analyzer/teams/parse';
import { cli } from '../fixtures/cli';
import { scratch } from '../fixtures/scratch';

const { repoOf } = scratch('conway-teammap-');

function repoWithMap(yml: string) {
  return repoOf([{ files: { CODEOWNERS: '* @acme/core\n', 'conway.yml': yml, 'a.ts': 'x\n' } }]);
}

describe('an unreadable team map is an input error in analyze and check', () => {
  const cases: [string, string, RegExp][] = [
    [
      'a syntax error',
      'teams:\n  core: { owners: ["@acme/core"]\n  web: [\n',
      /^ERROR: conway\.yml:\d+: YAML syntax: /,
    ],
    [
      'a duplicate key',
      'teams:\n  core:\n    owners: ["@acme/core"]\n  core:\n    owners: ["@acme/web"]\n',
      /^ERROR: conway\.yml:4: duplicate key 'core' \(also on line 2\)/,
    ],
    [
      'an alias bomb',
      `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [${'*a,'.repeat(9)}*a]\nc: &c [${'*b,'.repeat(9)}*b]\nteams:\n  core: { owners: ["@acme/core"], members: *c }\n`,
      /^ERROR: conway\.yml:2: aliases \(\*a\) are not supported in a team map/,
    ],
  ];
  for (const [what, yml, message] of cases) {
    it(`${what}: exit 2 with file, line and reason`, async () => {
      const r = repoWithMap(yml);
      for (const cmd of ['analyze', 'check']) {
        const out = await cli([cmd, '--repo', r.dir, '--no-cache']);
        expect(out.code, cmd).toBe(2);
        expect(out.stderr).toMatch(message);
        expect(out.stdout).toBe('');
      }
      expect((await cli(['validate', '--repo', r.dir])).code).toBe(1);
    });
  }
});

describe('team ids', () => {
  it('validate rejects empty and non-string ids, naming the line; the other teams still load', async () => {
    const r = repoWithMap(
      'teams:\n  "": { owners: ["@acme/a"] }\n  123: { owners: ["@acme/b"] }\n  ? [x]\n  : { owners: ["@acme/c"] }\n  core: { owners: ["@acme/core"] }\n',
    );
    const v = await cli(['validate', '--repo', r.dir]);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain(
      'conway.yml:2: error: team ids must be non-empty strings, not an empty id — write a name, e.g. billing; the team is skipped',
    );
    expect(v.stdout).toContain(
      "conway.yml:3: error: team ids must be non-empty strings, not id 123 — quote it: '123'; the team is skipped",
    );
    expect(v.stdout).toMatch(/conway\.yml:4: error: team ids must be non-empty strings/);
    expect(
      parseTeamMap('teams:\n  "": { owners: ["@a/b"] }\n  core: { owners: ["@a/c"] }\n', 'conway.yml').map.teams.map(
        (t) => t.id,
      ),
    ).toEqual(['core']);
  });
});

describe('YAML warnings', () => {
  it('are validate warnings with their line, not raw process warnings', async () => {
    const r = repoWithMap('teams:\n  core: { owners: [!foo "@acme/core"] }\n');
    const v = await cli(['validate', '--repo', r.dir]);
    expect(v.stdout).toContain('conway.yml:2: warning: YAML: unresolved tag');
  });
});

describe('large team maps', () => {
  it('10,000 teams that each name an unknown team: checked in near-linear time, with short messages', () => {
    const n = 10_000;
    const yml =
      'teams:\n' +
      Array.from({ length: n }, (_, i) => `  t${i}:\n    owners: ["@org/t${i}"]\n    dependsOn: [gone${i}]\n`).join(
        '',
      ) +
      'clusters:\n  all: [t1, t2, nope]\n';
    const t = performance.now();
    const parsed = parseTeamMap(yml, 'conway.yml');
    const ms = performance.now() - t;
    expect(parsed.map.teams).toHaveLength(n);
    expect(parsed.errors).toHaveLength(n + 1);
    expect(parsed.errors[0].message).toBe(
      "cluster 'all' names unknown team 'nope' (teams: t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, … (10000 in all))",
    );
    expect(ms).toBeLessThan(30_000);
  });
});
