import { describe, expect, it } from 'vitest';
import { parseTeamMap } from '../../analyzer/teams/parse';

const EXAMPLE = `teams:
  billing:
    name: Billing
    owners: ["@acme/billing"]
    members: ["ann@acme.io", "Ann Lee", "@ann-gh"]
    dependsOn: [core]
    publicApi: ["billing/api/**"]
  core:
    owners: ["@acme/core", "@lead-person"]
clusters:
  money: [billing, core]
`;

describe('parseTeamMap', () => {
  it('reads the documented format', () => {
    const p = parseTeamMap(EXAMPLE, 'conway.yml');
    expect(p.errors).toEqual([]);
    expect(p.map.teams).toEqual([
      {
        id: 'billing',
        name: 'Billing',
        owners: ['@acme/billing'],
        members: ['ann@acme.io', 'Ann Lee', '@ann-gh'],
        dependsOn: ['core'],
        publicApi: ['billing/api/**'],
        clusters: ['money'],
        membersDeclared: true,
      },
      { id: 'core', name: 'core', owners: ['@acme/core', '@lead-person'], members: [], clusters: ['money'] },
    ]);
    expect(p.map.clusters).toEqual([{ id: 'money', teams: ['billing', 'core'] }]);
  });

  it('reads a role and rejects an unknown one with its line', () => {
    const ok = parseTeamMap(
      EXAMPLE.replace(
        '    owners: ["@acme/core", "@lead-person"]',
        '    owners: ["@acme/core"]\n    role: review-group',
      ),
      'conway.yml',
    );
    expect(ok.errors).toEqual([]);
    expect(ok.map.teams[1].role).toBe('review-group');
    const bad = parseTeamMap(
      EXAMPLE.replace('    owners: ["@acme/core", "@lead-person"]', '    owners: ["@acme/core"]\n    role: reviewers'),
      'conway.yml',
    );
    expect(bad.errors).toEqual([
      {
        file: 'conway.yml',
        line: 10,
        message:
          "team 'core': role must be one of team, review-group (a review group approves other teams' code; a team delivers it)",
      },
    ]);
  });

  it('reports an unknown key with its line and a did-you-mean', () => {
    const p = parseTeamMap(EXAMPLE.replace('    dependsOn: [core]', '    dependOn: [core]'), 'conway.yml');
    expect(p.errors).toEqual([
      {
        file: 'conway.yml',
        line: 6,
        message:
          "unknown key in team 'billing' 'dependOn' — did you mean 'dependsOn'? (allowed: name, owners, members, dependsOn, publicApi, role, interactions)",
      },
    ]);
  });

  it('reports a cluster naming a missing team', () => {
    const p = parseTeamMap(EXAMPLE.replace('[billing, core]', '[billing, cor, payments]'), 'conway.yml');
    expect(p.errors.map((e) => [e.line, e.message])).toEqual([
      [11, "cluster 'money' names unknown team 'cor' — did you mean 'core'?"],
      [11, "cluster 'money' names unknown team 'payments' (teams: billing, core)"],
    ]);
  });

  it('reports a team with no owners and says what to write', () => {
    const p = parseTeamMap('teams:\n  search:\n    name: Search\n', 'conway.yml');
    expect(p.errors).toEqual([
      {
        file: 'conway.yml',
        line: 2,
        message:
          "team 'search' has no owners: add `owners: ['@org/search']` with the CODEOWNERS owners that mean this team",
      },
    ]);
  });

  it('reports a dependsOn naming a missing team', () => {
    const p = parseTeamMap('teams:\n  a:\n    owners: ["@o/a"]\n    dependsOn: [b]\n', 'conway.yml');
    expect(p.errors[0]).toMatchObject({ line: 4, message: "team 'a': dependsOn names unknown team 'b' (teams: a)" });
  });

  it('reports YAML syntax errors with their line instead of throwing', () => {
    const p = parseTeamMap('teams:\n  a:\n    owners: ["@o/a"\n', 'conway.yml');
    expect(p.errors[0].message).toMatch(/^YAML syntax:/);
    expect(p.errors[0].line).toBeGreaterThan(0);
  });

  it('reports wrong types and unknown top-level keys', () => {
    const p = parseTeamMap('team:\n  a: {}\n', 'conway.yml');
    expect(p.errors.map((e) => e.message)).toEqual([
      "unknown top-level key 'team' — did you mean 'teams'? (allowed: teams, clusters, testPaths, cost)",
      expect.stringMatching(/^missing `teams:`/),
    ]);
  });
});

describe('loadTeamMap', () => {
  it('parses a file once while its text is unchanged, again when it changes', async () => {
    const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { loadTeamMap } = await import('../../analyzer/teams/load');
    const { WarmContext } = await import('../../analyzer/model/warm');
    const warm = new WarmContext(); // what the editor's worker keeps between runs
    const dir = mkdtempSync(join(tmpdir(), 'conway-teams-'));
    try {
      writeFileSync(join(dir, 'conway.yml'), EXAMPLE);
      const first = loadTeamMap(dir, undefined, warm);
      expect(loadTeamMap(dir, undefined, warm)).toBe(first);
      writeFileSync(join(dir, 'conway.yml'), EXAMPLE.replace('name: Billing', 'name: Payments'));
      const changed = loadTeamMap(dir, undefined, warm);
      expect(changed).not.toBe(first);
      expect(changed!.map.teams.find((t) => t.id === 'billing')!.name).toBe('Payments');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
