// Every parser of repository data meets a 10,000-level nesting and a 100,000-scale list: each
// answers (or reports the file with a clear message) in seconds — no "Maximum call stack size
// exceeded … a bug in Conway", no quadratic lookup.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_EXPORTS_DEPTH } from '../../analyzer/imports/package-api';
import { cli } from '../fixtures/cli';
import { scratch } from '../fixtures/scratch';

const { repoOf, tempDir } = scratch('conway-deep-');
const DEEP = 10_000;

const nestedJson = (leaf: string) => '{"a":'.repeat(DEEP) + leaf + '}'.repeat(DEEP);
const nestedYaml = (key: string) => `${key}: ${'['.repeat(DEEP)}${']'.repeat(DEEP)}\n`;

/** Runs a command and returns it with how long it took. */
async function timed(args: string[]) {
  const start = performance.now();
  const out = await cli(args);
  return { ...out, ms: performance.now() - start };
}

const notInternal = (o: { stderr: string }) => expect(o.stderr).not.toMatch(/internal error|Maximum call stack/);

describe('10,000 levels deep', () => {
  it('package.json exports: analyze, check, review and init answer, with a note', async () => {
    const exportsDeep =
      '{"name": "@acme/ui", "exports": ' + '{"import":'.repeat(DEEP) + '"./src/index.ts"' + '}'.repeat(DEEP) + '}';
    const r = repoOf([
      {
        files: {
          CODEOWNERS: '/pkgs/ @acme/ui\n/app/ @acme/app\n',
          'package.json': '{"workspaces": ["pkgs/*"]}',
          'pkgs/ui/package.json': exportsDeep,
          'pkgs/ui/src/index.ts': 'export {};\n',
          'app/a.ts': "import '@acme/ui';\n",
        },
      },
    ]);
    r.git('branch', 'base', 'HEAD');
    const analyze = await cli(['analyze', '--repo', r.dir, '--no-cache']);
    expect(analyze.code).toBe(0);
    expect(JSON.parse(analyze.stdout).notes).toContain(
      `pkgs/ui/package.json: "exports" nests deeper than ${MAX_EXPORTS_DEPTH} levels; the deeper levels are ignored`,
    );
    for (const args of [['check'], ['review', '--base', 'base'], ['init']]) {
      const out = await cli([...args, '--repo', r.dir, '--no-cache']);
      notInternal(out);
      expect(out.code).not.toBe(2);
    }
  });

  it('conway.yml, pnpm-workspace.yaml, tsconfig.json and the baseline: an error or a note naming the file', async () => {
    const r = repoOf([
      {
        files: {
          'conway.yml': nestedYaml('teams'),
          'pnpm-workspace.yaml': nestedYaml('packages'),
          'tsconfig.json': nestedJson('1'),
          'conway-baseline.json': nestedJson('1'),
          'a.ts': 'export {};\n',
        },
      },
    ]);
    const teams = join(tempDir(), 'teams.yml');
    writeFileSync(teams, 'teams: {}\n');
    const validate = await cli(['validate', '--repo', r.dir]);
    notInternal(validate);
    expect(validate.stdout).toMatch(/^conway\.yml:1: error: /m);
    const check = await cli(['check', '--repo', r.dir, '--no-cache', '--teams', teams]);
    notInternal(check);
    expect(check.stderr).toMatch(/^ERROR: conway-baseline\.json: "version" is missing/);
    const analyze = await cli(['analyze', '--repo', r.dir, '--no-cache', '--teams', teams]);
    notInternal(analyze);
    expect(analyze.code).toBe(0);
  });

  it('a source file nesting 10,000 brackets', async () => {
    const r = repoOf([
      {
        files: {
          'a.ts': `import './b';\nexport const x = ${'['.repeat(DEEP)}${']'.repeat(DEEP)};\n`,
          'b.ts': 'export {};\n',
        },
      },
    ]);
    const out = await cli(['analyze', '--repo', r.dir, '--no-cache']);
    notInternal(out);
    expect(JSON.parse(out.stdout).graph.edges).toBe(1);
  });
});

describe('100,000-scale lists', () => {
  it("45,000 GitLab sections (1.5 MB): who answers in seconds, with every section's owner", async () => {
    const lines: string[] = [];
    for (let i = 0; i < 45_000; i++) lines.push(`[Section ${i}] @acme/t${i}`, `/src/ @acme/t${i}`);
    const r = repoOf([{ files: { CODEOWNERS: lines.join('\n') + '\n', 'src/a.ts': 'export {};\n' } }]);
    const out = await timed(['who', '--repo', r.dir, '--flavor', 'gitlab', '--json', 'src/a.ts']);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).files[0].owners).toHaveLength(45_000);
    expect(out.ms).toBeLessThan(15_000);
  });

  it('100,000 CODEOWNERS rules and a 100,000-line .mailmap: who and people answer in seconds', async () => {
    const rules = Array.from({ length: 100_000 }, (_, i) => `/d${i}/ @acme/t${i % 50}`);
    const mailmap = Array.from({ length: 100_000 }, (_, i) => `P${i} <p${i}@acme.io> <old${i}@acme.io>`);
    const r = repoOf([
      {
        files: {
          CODEOWNERS: rules.join('\n') + '\n',
          '.mailmap': mailmap.join('\n') + '\n',
          'd99999/a.ts': 'export {};\n',
        },
      },
    ]);
    const who = await timed(['who', '--repo', r.dir, '--json', 'd99999/a.ts']);
    expect(JSON.parse(who.stdout).files[0].owners).toEqual(['@acme/t49']);
    expect(who.ms).toBeLessThan(15_000);
    const people = await timed(['people', '--repo', r.dir, '--no-cache', '--json']);
    expect(people.code).toBe(0);
    expect(people.ms).toBeLessThan(30_000);
  });
});
