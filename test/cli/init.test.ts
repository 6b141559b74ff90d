// `conway init` on a real repository built in a temp dir: the draft passes
// `conway validate` as written, and the analysis with it has the same teams, roles, members and
// violations, now with membership "declared"; `--write` never overwrites.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import type { Report } from '../../analyzer/contract/report';
import { cli } from '../fixtures/cli';
import { ANN, BOB, CAT, makeRepo, type Repo } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const CODEOWNERS =
  '/web/ @acme/web @acme/reviewers\n/api/ @acme/api @acme/reviewers\n/lib/ @acme/lib @acme/reviewers\n/packages/auth/ @ann-gh @cat-gh\n';
let repo: Repo;
let before: Report;
let draft: string;
const { tempDir } = scratch('conway-init-');

beforeAll(async () => {
  repo = makeRepo([
    {
      author: ANN,
      files: {
        CODEOWNERS,
        'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['lib'] }),
        'lib/package.json': JSON.stringify({ name: '@acme/lib', main: 'src/index.ts' }),
        'lib/src/index.ts': "export * from './util';\n",
        'lib/src/util.ts': 'export const u = 1;\n',
        'web/app.ts':
          "import { u } from '@acme/lib';\nimport { h } from '../api/handler';\nexport const app = u + h;\n",
        'api/handler.ts': "import { u } from '@acme/lib';\nexport const h = u;\n",
        'packages/auth/login.ts': 'export const login = 1;\n',
      },
    },
    {
      author: BOB,
      files: {
        'web/app.ts':
          "import { u } from '@acme/lib';\nimport { h } from '../api/handler';\nexport const app = u + h + 1;\n",
      },
    },
    { author: BOB, files: { 'web/page.ts': 'export const p = 1;\n' } },
    {
      author: CAT,
      files: {
        'api/handler.ts': "import { u } from '@acme/lib';\nexport const h = u + 1;\n",
        'lib/src/util.ts': 'export const u = 2;\n',
      },
    },
    {
      author: { name: 'Cat Park', email: '9+cat-gh@users.noreply.github.com' },
      files: { 'packages/auth/login.ts': 'export const login = 2;\n' },
    },
  ]);
  // minSample 1: a tiny history, where every member has a handful of changes.
  before = await analyzeRepo(repo.dir, { cache: false, metrics: { minSample: 1 } });
  const out = await cli(['init', '--repo', repo.dir, '--min-sample', '1']);
  expect(out.code).toBe(0);
  draft = out.stdout;
});
afterAll(() => repo.cleanup());

describe('conway init', () => {
  it('drafts teams from CODEOWNERS with inferred members (changes and share), review groups marked, dependsOn and publicApi from today', () => {
    expect(draft).toContain('  "@acme/reviewers":\n    owners: ["@acme/reviewers"]\n    role: review-group');
    // Ann made 1 of her 8 changes to web's files (12.5%): not a member; Bob made both of his there.
    expect(draft).toMatch(
      /"@acme\/web":\n {4}owners: \["@acme\/web"\]\n {4}members:\n {6}- "bob@acme.io" {2}# Bob Stone: 2 of their 2 changes \(100%\) to this team's files\n {4}dependsOn: \["@acme\/api", "@acme\/lib"\]/,
    );
    expect(draft).toContain(
      '  "@ann-gh+@cat-gh":\n    name: "packages/auth"\n    owners: ["@ann-gh", "@cat-gh"]\n    members:\n      - "@ann-gh"  # declared\n      - "@cat-gh"  # declared',
    );
    expect(draft).toMatch(/"@acme\/lib":[\s\S]*publicApi:\n {6}- "lib\/src\/index.ts"/);
  });

  it('passes conway validate unchanged', async () => {
    const file = join(tempDir(), 'conway.yml');
    writeFileSync(file, draft);
    const out = await cli(['validate', '--repo', repo.dir, '--teams', file]);
    expect(out.stdout).toContain('0 errors, 0 warnings');
    expect(out.code).toBe(0);
  });

  it('analyze with the draft: the same teams, roles, members and violations, membership declared', async () => {
    const file = join(tempDir(), 'conway.yml');
    writeFileSync(file, draft);
    const after = await analyzeRepo(repo.dir, { cache: false, teams: file });
    const shape = (r: Report) => r.teams.map((t) => [t.id, t.role, t.members.map((m) => m.person).sort()]);
    expect(shape(after)).toEqual(shape(before));
    expect(after.teams.map((t) => t.membership)).toEqual(after.teams.map(() => 'declared'));
    expect(after.violations.map((v) => v.fingerprint).sort()).toEqual(
      before.violations.map((v) => v.fingerprint).sort(),
    );
    expect(after.violations.filter((v) => v.kind === 'forbidden-dependency')).toEqual([]);
  });

  it('without CODEOWNERS there is nothing to draft: a clear error, exit 2', async () => {
    const bare = makeRepo([{ files: { 'a.ts': '1' } }]);
    try {
      const out = await cli(['init', '--repo', bare.dir]);
      expect(out.code).toBe(2);
      expect(out.stderr).toContain('ERROR: no teams to draft: no CODEOWNERS file found — write CODEOWNERS rules first');
    } finally {
      bare.cleanup();
    }
  });

  it('--write FILE writes the draft and refuses to overwrite', async () => {
    const dir = tempDir();
    const written = await cli(['init', '--repo', repo.dir, '--min-sample', '1', '--write', 'conway.yml'], dir);
    expect(written.code).toBe(0);
    expect(readFileSync(join(dir, 'conway.yml'), 'utf8')).toBe(draft);
    const again = await cli(['init', '--repo', repo.dir, '--min-sample', '1', '--write', 'conway.yml'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('conway.yml already exists: conway init never overwrites a file');
    expect(existsSync(join(repo.dir, 'conway.yml'))).toBe(false);
  });
});
