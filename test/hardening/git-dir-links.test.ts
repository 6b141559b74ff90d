// A path the repository chooses is read only as a regular file inside the work tree and outside
// the git directory, and no message quotes a file's content: a CI checkout's `.git/config` holds
// `http.<url>.extraheader` (a token), which a committed link would otherwise copy into notes,
// reports and logs. The baseline is never read or written through a committed link.
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../fixtures/cli';
import { type Repo } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const { repoOf, tempDir } = scratch('conway-gitdir-');
const TOKEN = 'c2VjcmV0LXRva2VuLTQyNDI=';

/** A repository with a CI-style token in .git/config and committed links (path → target, relative). */
function ciCheckout(links: Record<string, string>, files: Record<string, string> = {}): Repo {
  const r = repoOf();
  r.git('config', 'http.https://git.example/.extraheader', `AUTHORIZATION: basic ${TOKEN}`);
  for (const [path, content] of Object.entries({ CODEOWNERS: '* @acme/core\n', 'src/a.ts': 'export {};\n', ...files }))
    r.write(path, content);
  for (const [path, target] of Object.entries(links)) symlinkSync(target, join(r.dir, path));
  r.commit({});
  return r;
}

const everything = (o: { stdout: string; stderr: string }) => o.stdout + o.stderr;

describe('links into the git directory are outside the repository', () => {
  it('pnpm-workspace.yaml -> .git/config: a note naming the link, no token in any report format', async () => {
    const r = ciCheckout({ 'pnpm-workspace.yaml': '.git/config' }, { 'package.json': '{"name": "root"}' });
    for (const format of ['json', 'md', 'html']) {
      const out = await cli(['analyze', '--repo', r.dir, '--no-cache', '--format', format]);
      expect(out.code).toBe(0);
      expect(everything(out)).not.toContain(TOKEN);
      expect(everything(out)).not.toContain('extraheader');
    }
    const json = JSON.parse((await cli(['analyze', '--repo', r.dir, '--no-cache'])).stdout);
    expect(
      json.notes.some((n: string) =>
        /^pnpm-workspace\.yaml: skipped: a link to .*\.git\/config, outside the repository$/.test(n),
      ),
    ).toBe(true);
  });

  it('conway.yml -> .git/config: validate names the link and prints no config value', async () => {
    const r = ciCheckout({ 'conway.yml': '.git/config' });
    const out = await cli(['validate', '--repo', r.dir]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^ERROR: conway\.yml is a link to .*\.git\/config, outside the repository/);
    expect(everything(out)).not.toContain(TOKEN);
  });

  it('.mailmap -> .git/config is not read by people (a token-shaped "name" never appears)', async () => {
    const r = ciCheckout({ '.mailmap': '.git/config' });
    r.git('config', 'user.name', `Ann <ann@acme.io> ${TOKEN} <x@y>`);
    const out = await cli(['people', '--repo', r.dir, '--no-cache', '--json']);
    expect(out.code).toBe(0);
    expect(everything(out)).not.toContain(TOKEN);
  });

  it('a link to an untracked file of the work tree: syntax errors name the line and kind, never the text', async () => {
    const r = ciCheckout(
      { 'conway.yml': '.env', 'pnpm-workspace.yaml': '.env' },
      { 'package.json': '{"name": "root"}' },
    );
    writeFileSync(join(r.dir, '.env'), `packages:\n  - a\nAPI_TOKEN: "${TOKEN}" extra: [\n`);
    const v = await cli(['validate', '--repo', r.dir]);
    expect(v.stdout).toMatch(/^conway\.yml:3: error: YAML syntax: [a-z ]+ at column \d+$/m);
    const a = await cli(['analyze', '--repo', r.dir, '--no-cache', '--teams', join(tempDir(), 'none.yml')]);
    expect(everything(v) + everything(a)).not.toContain(TOKEN);
  });
});

describe('the baseline file', () => {
  it('a committed conway-baseline.json -> /etc/passwd: check names the link, quotes nothing', async () => {
    const r = ciCheckout({ 'conway-baseline.json': '/etc/passwd' });
    const out = await cli(['check', '--repo', r.dir, '--no-cache']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^ERROR: conway-baseline\.json is a link to \/etc\/passwd, outside the repository/);
    expect(out.stderr).not.toContain('root:');
  });

  it('--update-baseline never writes through a committed link, even to a file inside the repository', async () => {
    const r = ciCheckout({ 'conway-baseline.json': 'src/a.ts' });
    const out = await cli(['check', '--repo', r.dir, '--no-cache', '--update-baseline']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(
      /^ERROR: conway-baseline\.json is a link \(to src\/a\.ts\): Conway never writes through a link in the repository/,
    );
    expect(readFileSync(join(r.dir, 'src/a.ts'), 'utf8')).toBe('export {};\n');
  });

  it('invalid JSON: the place of the error, not the text', async () => {
    const r = ciCheckout({}, { 'conway-baseline.json': `{"version": 1, "fingerprints": [${TOKEN}]}` });
    const out = await cli(['check', '--repo', r.dir, '--no-cache']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^ERROR: conway-baseline\.json: not valid JSON( at line 1, column \d+)?; regenerate it/);
    expect(out.stderr).not.toContain(TOKEN.slice(0, 8));
  });
});
