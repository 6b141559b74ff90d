// Membership follows a person's own work (metrics/membership.ts), on built repositories: a
// sweeping commit does not make its author a member of the teams it crossed, a share is of the
// person's own changes (owned or not), a member needs --min-sample changes, --member-share
// moves the bar; and team change coupling ignores commits above --max-changeset.
import { describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import type { Report } from '../../analyzer/contract/report';
import { cli } from '../fixtures/cli';
import type { FixtureCommit, Person } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const { repoOf } = scratch('conway-membership-');
const GINA: Person = { name: 'Gina Holt', email: 'gina@acme.io' };
const HAL: Person = { name: 'Hal Roe', email: 'hal@acme.io' };
const IVY: Person = { name: 'Ivy Tan', email: 'ivy@acme.io' };
const CODEOWNERS = '/docs/ @acme/docs\n/sdk/ @acme/sdk\n/web/ @acme/web\n';
const files = (dir: string, n: number, v: string) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`${dir}/f${i}.ts`, v]));

const HISTORY: FixtureCommit[] = [
  { files: { CODEOWNERS } },
  // Gina: one dependency upgrade across 35 docs files and 5 sdk files, then 12 sdk changes of her own.
  { author: GINA, message: 'Upgrade the toolchain', files: { ...files('docs', 35, '1'), ...files('sdk', 5, '1') } },
  ...Array.from({ length: 12 }, (_, i) => ({ author: GINA, files: { 'sdk/core.ts': `${i}` } })),
  // Hal: 12 web changes among 60 of his own (48 to unowned tools/): 20% of his work.
  ...Array.from({ length: 12 }, (_, i) => ({
    author: HAL,
    files: {
      'web/a.ts': `${i}`,
      'tools/a.ts': `${i}`,
      'tools/b.ts': `${i}`,
      'tools/c.ts': `${i}`,
      'tools/d.ts': `${i}`,
    },
  })),
  // Ivy: 3 web changes, all of her work.
  ...Array.from({ length: 3 }, (_, i) => ({ author: IVY, files: { 'web/b.ts': `${i}` } })),
];

const team = (r: Report, id: string) => r.teams.find((t) => t.id === id)!;
const teamsOf = (r: Report, email: string) => r.people!.find((p) => p.emails.includes(email))!.teams;

describe('inferred membership', () => {
  it('a sweeping commit counts for nothing: Gina is sdk (12 of her 12 counted changes), not docs', async () => {
    const r = await analyzeRepo(repoOf(HISTORY).dir, { cache: false, imports: false });
    expect(teamsOf(r, GINA.email)).toEqual(['@acme/sdk']);
    expect(team(r, '@acme/sdk').members).toEqual([
      expect.objectContaining({ person: 'gina@acme.io', inferred: true, ownShare: 1, teamChanges: 12, ownChanges: 12 }),
    ]);
    expect(team(r, '@acme/docs').members).toEqual([]);
    // Nobody's work was measured: integrity "–" with a reason, never 0.
    expect(team(r, '@acme/docs')).toMatchObject({ alignment: null, autonomy: { ownershipIntegrity: null } });
    expect(
      r.notes.find((n) =>
        n.startsWith('delivery independence and ownership integrity are "–" for 2 teams with no inferred member'),
      ),
    ).toContain('@acme/docs, @acme/web');
  });

  it("the share is of the person's own changes, owned files or not: Hal (20%) is nobody's member; --member-share 0.2 makes him web", async () => {
    const repo = repoOf(HISTORY);
    expect(teamsOf(await analyzeRepo(repo.dir, { cache: false, imports: false }), HAL.email)).toEqual([]);
    const r = await analyzeRepo(repo.dir, { cache: false, imports: false, metrics: { memberShare: 0.2 } });
    expect(team(r, '@acme/web').members.find((m) => m.person === 'hal@acme.io')).toMatchObject({
      ownShare: 0.2,
      teamChanges: 12,
      ownChanges: 60,
    });
  });

  it('a member needs --min-sample changes to the team: Ivy (3) is a member only with --min-sample 3', async () => {
    const repo = repoOf(HISTORY);
    expect(teamsOf(await analyzeRepo(repo.dir, { cache: false, imports: false }), IVY.email)).toEqual([]);
    expect(
      teamsOf(await analyzeRepo(repo.dir, { cache: false, imports: false, metrics: { minSample: 3 } }), IVY.email),
    ).toEqual(['@acme/web']);
  });

  it("`conway init` comments show the counts and the share of the person's own work; a bad --member-share is a usage error", async () => {
    const repo = repoOf(HISTORY);
    const out = await cli(['init', '--repo', repo.dir, '--no-cache']);
    expect(out.stdout).toContain(
      '      - "gina@acme.io"  # Gina Holt: 12 of their 12 changes (100%) to this team\'s files',
    );
    const bad = await cli(['analyze', '--repo', repo.dir, '--member-share', '25']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--member-share 25: expected a share between 0 and 1');
  });
});

describe('drift and --max-changeset', () => {
  it('sweeps by an sdk member across docs are no takeover of docs; let in by --max-changeset 35, they are', async () => {
    const sweeps = Array.from({ length: 3 }, (_, i) => ({
      author: GINA,
      message: 'Bump the toolchain',
      files: { 'docs/guide.md': `${i}`, ...files('sdk', 31, `${i}`) },
    }));
    const repo = repoOf([...HISTORY, ...sweeps]);
    const drift = (r: Report) =>
      r.violations
        .filter((v) => v.kind === 'ownership-drift' && v.file === 'docs/guide.md')
        .map((v) => [v.fromTeam, v.toTeam]);
    expect(drift(await analyzeRepo(repo.dir, { cache: false, imports: false }))).toEqual([]);
    expect(
      drift(await analyzeRepo(repo.dir, { cache: false, imports: false, metrics: { maxChangesetSize: 35 } })),
    ).toEqual([['@acme/docs', '@acme/sdk']]);
  });
});

describe('team change coupling and --max-changeset', () => {
  it('a sweep across two teams couples them only when --max-changeset lets it in', async () => {
    const sweeps = Array.from({ length: 6 }, (_, i) => ({
      author: GINA,
      files: { ...files('docs', 20, `${i}`), ...files('web', 20, `${i}`) },
    }));
    const repo = repoOf([{ files: { CODEOWNERS } }, ...sweeps]);
    const pairs = (r: Report) => r.coupling.teams.map((c) => `${c.a} ~ ${c.b}`);
    expect(pairs(await analyzeRepo(repo.dir, { cache: false, imports: false }))).toEqual([]);
    expect(
      pairs(await analyzeRepo(repo.dir, { cache: false, imports: false, metrics: { maxChangesetSize: 100 } })),
    ).toEqual(['@acme/docs ~ @acme/web']);
  });
});
