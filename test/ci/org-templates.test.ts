// The organization CI templates (examples/ci/*-org.yml): every command they run is run, with
// bash as the runners do, on three built repositories (test/fixtures/org-repos.ts) and this
// checkout's dist/cli.js. The system edges are replaced, not the commands: GitHub's checkout,
// upload and download actions by the copies they make; GitLab's clone URL by a git `insteadOf`
// that points it at the local repositories; Conway's own checkout and build (it is not on npm) by
// a .conway-src whose dist/ is this checkout's, so the build steps see it built and skip.
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { orgRepos } from '../fixtures/org-repos';
import { gitEnv } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const { repoOf, tempDir } = scratch();

type Step = { name?: string; uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, string> };

function bash(script: string, cwd: string, env: Record<string, string>): void {
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
    cwd,
    env: { ...gitEnv(), ...env },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`step failed (${r.status}): ${r.stderr}`);
}

function expand(text: string, ctx: Record<string, string>): string {
  return text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, e: string) => {
    if (!(e in ctx)) throw new Error(`unknown expression \${{ ${e} }}`);
    return ctx[e];
  });
}

/** What checking out and building Conway leaves in a job's directory: .conway-src/dist/cli.js. */
function conwaySource(dir: string): void {
  mkdirSync(join(dir, '.conway-src'), { recursive: true });
  symlinkSync(join(ROOT, 'dist'), join(dir, '.conway-src', 'dist'));
}

function checkMerged(dir: string): void {
  const org = JSON.parse(readFileSync(join(dir, 'org.json'), 'utf8'));
  expect(org.org.repositories.map((r: { name: string }) => r.name).sort()).toEqual(['api', 'ui', 'web']);
  expect(org.org.dependencies.length).toBe(4);
  expect(readFileSync(join(dir, 'org.html'), 'utf8')).toContain('<html');
}

describe('organization CI templates', () => {
  it('GitHub Actions: a matrix job per repository uploads its report, one job merges them', () => {
    expect(existsSync(CLI), 'build first: npm run build').toBe(true);
    const wf = parse(readFileSync(join(ROOT, 'examples/ci/github-actions-org.yml'), 'utf8'));
    const repos = orgRepos(repoOf);
    const artifacts = tempDir();
    // CONWAY as the workflow sets it: the build of Conway the jobs make.
    expect(wf.env.CONWAY).toBe('node .conway-src/dist/cli.js');
    const env = { ...wf.env, XDG_CACHE_HOME: join(artifacts, 'cache') };
    (wf.jobs.analyze.strategy.matrix.repo as string[]).forEach((repo, index) => {
      const work = tempDir();
      const ctx = { 'matrix.repo': repo, 'strategy.job-index': String(index), 'secrets.CONWAY_READ_TOKEN': 'token' };
      for (const step of wf.jobs.analyze.steps as Step[]) {
        const w = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, expand(String(v), ctx)]));
        if (step.uses?.startsWith('actions/checkout') && w.repository === 'conway/conway') conwaySource(work);
        else if (step.uses?.startsWith('actions/checkout'))
          cpSync(repos[repo.split('/')[1] as keyof typeof repos].dir, join(work, w.path), { recursive: true });
        else if (step.uses?.startsWith('actions/upload-artifact'))
          cpSync(join(work, w.path), join(artifacts, w.name), { recursive: true });
        else if (step.run)
          bash(step.run, work, {
            ...env,
            ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v, ctx)])),
          });
      }
    });
    const work = tempDir();
    for (const step of wf.jobs.merge.steps as Step[]) {
      if (step.uses?.startsWith('actions/checkout')) {
        expect(step.with).toMatchObject({ repository: 'conway/conway', path: '.conway-src' });
        conwaySource(work);
      } else if (step.uses?.startsWith('actions/download-artifact')) {
        expect(step.with).toMatchObject({ pattern: 'conway-report-*', 'merge-multiple': true });
        for (let i = 0; i < 3; i++)
          cpSync(join(artifacts, `conway-report-${i}`), join(work, step.with!.path), { recursive: true });
      } else if (step.run) bash(step.run, work, env);
    }
    checkMerged(work);
  });

  it('GitLab CI: parallel:matrix analyze jobs keep their reports, the merge job needs them all', () => {
    const ci = parse(readFileSync(join(ROOT, 'examples/ci/gitlab-ci-org.yml'), 'utf8'));
    expect(ci['conway-merge'].needs).toEqual(['conway-analyze']);
    const repos = orgRepos(repoOf);
    const host = tempDir();
    for (const [name, repo] of Object.entries(repos))
      cpSync(repo.dir, join(host, 'acme', `${name}.git`), { recursive: true });
    const project = tempDir();
    expect(ci.variables.CONWAY).toBe('node .conway-src/dist/cli.js');
    expect(ci['conway-analyze'].extends).toBe('.conway');
    expect(ci['conway-merge'].extends).toBe('.conway');
    const setup = ci['.conway'].before_script as string[];
    conwaySource(project);
    const base = {
      CONWAY: ci.variables.CONWAY,
      CONWAY_SOURCE: ci.variables.CONWAY_SOURCE,
      CI_PROJECT_DIR: project,
      XDG_CACHE_HOME: join(project, '.conway-cache'),
      CI_JOB_TOKEN: 'tok',
      CI_SERVER_HOST: 'gitlab.example',
    };
    // The clone line runs as written; git rewrites the job-token URL to the local repositories.
    const insteadOf = {
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: `url.file://${host}/.insteadOf`,
      GIT_CONFIG_VALUE_0: 'https://gitlab-ci-token:tok@gitlab.example/',
    };
    for (const vars of ci['conway-analyze'].parallel.matrix as { PROJECT: string[] }[]) {
      for (const PROJECT of vars.PROJECT)
        for (const line of [...setup, ...(ci['conway-analyze'].script as string[])])
          bash(line, project, { ...base, ...insteadOf, PROJECT });
    }
    mkdirSync(join(project, 'merge'));
    cpSync(join(project, 'reports'), join(project, 'merge', 'reports'), { recursive: true });
    conwaySource(join(project, 'merge'));
    for (const line of [...setup, ...(ci['conway-merge'].script as string[])]) bash(line, join(project, 'merge'), base);
    checkMerged(join(project, 'merge'));
  });
});
