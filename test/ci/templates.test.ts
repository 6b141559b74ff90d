// The CI templates users copy: action.yml (composite GitHub Action), examples/ci/ (GitHub
// workflow, GitLab CI, generic runner script). Each file is parsed with the `yaml` package and
// every command it runs is run — with bash as GitHub runs it, or sh — against the feature-branch
// repository of test/fixtures/review.ts, using this checkout's dist/cli.js. The one step that
// talks to GitHub's API (the PR comment) runs against a recording client: that is the system edge.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REVIEW_MARKER } from '../../analyzer/report/review-markdown';
import { reviewRepo } from '../fixtures/review';
import { gitEnv } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const { repoOf, tempDir } = scratch();

type Step = {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  if?: string;
};

/** Replaces `${{ expr }}` with the value the test's context gives that exact expression. */
function expand(text: string, ctx: Record<string, string>): string {
  return text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expr: string) => {
    if (!(expr in ctx)) throw new Error(`the test does not know the expression \${{ ${expr} }}: add it to the context`);
    return ctx[expr];
  });
}

function runBash(script: string, cwd: string, env: Record<string, string>): number {
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
    cwd,
    env: { ...gitEnv(), XDG_CACHE_HOME: env.XDG_CACHE_HOME, ...env },
    encoding: 'utf8',
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`step failed (${r.status}): ${r.stderr}`);
  return r.status ?? -1;
}

function readKeyValues(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  return Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

describe('action.yml', () => {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'));

  it('is a composite action whose inputs have defaults and whose run steps set a shell', () => {
    expect(action.runs.using).toBe('composite');
    for (const [name, input] of Object.entries(
      action.inputs as Record<string, { default?: string; description: string }>,
    )) {
      expect(input.description, name).toBeTruthy();
      expect(input.default, name).toBeDefined();
    }
    for (const step of action.runs.steps as Step[]) if (step.run) expect(step.shell, step.name).toBe('bash');
  });

  it('runs check (SARIF), review (the comment) and the gate on a pull request; the comment is created once, then updated', async () => {
    expect(existsSync(CLI), 'build first: npm run build').toBe(true);
    const repo = reviewRepo(repoOf);
    const temp = tempDir();
    const files = { GITHUB_ENV: join(temp, 'env'), GITHUB_OUTPUT: join(temp, 'out') };
    const inputs = Object.fromEntries(
      Object.entries(action.inputs as Record<string, { default: string }>).map(([k, v]) => [`inputs.${k}`, v.default]),
    );
    const outputs: Record<string, Record<string, string>> = {};
    const ctx = (): Record<string, string> => ({
      ...inputs,
      'github.action_path': ROOT,
      'runner.temp': temp,
      'runner.os': 'Linux',
      'github.sha': repo.git('rev-parse', 'HEAD').trim(),
      'inputs.base || github.event.pull_request.base.sha': repo.git('rev-parse', 'main').trim(),
      "github.event_name == 'pull_request' || github.event_name == 'pull_request_target' || inputs.base != ''": 'true',
      ...Object.fromEntries(
        Object.entries(outputs).flatMap(([id, o]) =>
          Object.entries(o).map(([k, v]) => [`steps.${id}.outputs.${k}`, v]),
        ),
      ),
    });
    const comments: { id: number; body: string }[] = [];
    for (const step of action.runs.steps as Step[]) {
      if (step.uses?.startsWith('actions/github-script')) {
        const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v, ctx())]));
        for (let push = 0; push < 2; push++) await runGithubScript(step.with!.script, env, comments);
        continue;
      }
      if (!step.run) continue;
      const env = {
        ...readKeyValues(files.GITHUB_ENV),
        ...files,
        XDG_CACHE_HOME: join(temp, 'cache'),
        ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v, ctx())])),
      };
      writeFileSync(files.GITHUB_OUTPUT, '');
      const code = runBash(step.run, repo.dir, env);
      if (step.id) outputs[step.id] = readKeyValues(files.GITHUB_OUTPUT);
      if (step.name === 'Gate')
        expect(code).toBe(1); // the change adds a deep import
      else expect(code, step.name).toBe(0);
    }
    const sarif = JSON.parse(readFileSync(join(temp, 'conway.sarif'), 'utf8'));
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toContain('deep-import');
    expect(outputs.check).toEqual({ exit: '1', 'new-violations': String(sarif.runs[0].results.length) });
    expect(outputs.review).toEqual({ exit: '1' });
    expect(comments).toHaveLength(1); // two pushes, one comment
    expect(comments[0].body.startsWith(REVIEW_MARKER)).toBe(true);
  });
});

/** Runs the github-script step's body with a client that records what it would do on GitHub. */
async function runGithubScript(script: string, env: Record<string, string>, comments: { id: number; body: string }[]) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const github = {
    paginate: async (fn: () => Promise<unknown>) => fn(),
    rest: {
      issues: {
        listComments: async () => [{ id: 1, body: 'an unrelated comment' }, ...comments],
        updateComment: async ({ comment_id, body }: { comment_id: number; body: string }) =>
          void (comments.find((c) => c.id === comment_id)!.body = body),
        createComment: async ({ body }: { body: string }) => void comments.push({ id: comments.length + 10, body }),
      },
    },
  };
  const context = { repo: { owner: 'acme', repo: 'shop' }, issue: { number: 7 } };
  try {
    const fn = new Function('github', 'context', 'require', `return (async () => { ${script} })();`);
    await fn(github, context, require);
  } finally {
    process.env = saved;
  }
}

describe('examples/ci', () => {
  it('github-actions.yml: full-history checkout, the permissions the action needs, only inputs the action has', () => {
    const wf = parse(readFileSync(join(ROOT, 'examples/ci/github-actions.yml'), 'utf8'));
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
    expect(wf.on).toHaveProperty('pull_request');
    expect(wf.permissions).toMatchObject({ 'security-events': 'write', 'pull-requests': 'write' });
    const steps = wf.jobs.conway.steps as Step[];
    expect(steps[0]).toMatchObject({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    const conway = steps.find((s) => s.uses?.startsWith('conway/conway@'))!;
    for (const key of Object.keys(conway.with ?? {})) expect(Object.keys(action.inputs)).toContain(key);
  });

  it('gitlab-ci.yml: the check job writes a Code Quality report, the review job the comment; both commands run', () => {
    const ci = parse(readFileSync(join(ROOT, 'examples/ci/gitlab-ci.yml'), 'utf8'));
    expect(ci['conway-check'].artifacts.reports.codequality).toBe('gl-code-quality-report.json');
    const repo = reviewRepo(repoOf);
    const temp = tempDir();
    const env = {
      CONWAY: `node ${CLI}`,
      CI_PROJECT_DIR: repo.dir,
      CI_MERGE_REQUEST_DIFF_BASE_SHA: repo.git('rev-parse', 'main').trim(),
      XDG_CACHE_HOME: join(temp, 'cache'),
    };
    for (const job of ['conway-check', 'conway-review'])
      for (const line of ci[job].script as string[]) expect(runBash(line, repo.dir, env), line).toBe(1);
    const issues = JSON.parse(readFileSync(join(repo.dir, 'gl-code-quality-report.json'), 'utf8'));
    expect(issues.map((i: { check_name: string }) => i.check_name)).toContain('conway/deep-import');
    expect(readFileSync(join(repo.dir, 'conway-review.md'), 'utf8').startsWith(REVIEW_MARKER)).toBe(true);
  });

  it('conway-ci.sh: SARIF and the comment in CONWAY_OUT, exit 1 on new violations, 0 when there are none', () => {
    const repo = reviewRepo(repoOf);
    const out = tempDir();
    const env = {
      ...gitEnv(),
      CONWAY: `node ${CLI}`,
      CONWAY_BASE: 'main',
      CONWAY_OUT: out,
      XDG_CACHE_HOME: join(out, 'cache'),
    };
    const first = spawnSync('sh', [join(ROOT, 'examples/ci/conway-ci.sh')], { cwd: repo.dir, env, encoding: 'utf8' });
    expect(first.status, first.stderr).toBe(1);
    expect(JSON.parse(readFileSync(join(out, 'conway.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(join(out, 'review.md'), 'utf8').startsWith(REVIEW_MARKER)).toBe(true);
    // accept today's violations and review main against itself: nothing new, exit 0
    execFileSync('node', [CLI, 'check', '--update-baseline'], { cwd: repo.dir, env, stdio: 'ignore' });
    mkdirSync(join(out, 'again'));
    const second = spawnSync('sh', [join(ROOT, 'examples/ci/conway-ci.sh')], {
      cwd: repo.dir,
      env: { ...env, CONWAY_BASE: 'HEAD', CONWAY_OUT: join(out, 'again') },
      encoding: 'utf8',
    });
    expect(second.status, second.stderr).toBe(0);
  });
});
