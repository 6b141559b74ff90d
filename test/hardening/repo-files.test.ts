// Commands and files from the repository, and denial of service (docs/security.md): Conway reads only
// regular files inside the repository, with size caps, and says what it skipped.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import { MAX_EXTENDS } from '../../analyzer/imports/tsconfig';
import { cli } from '../fixtures/cli';
import { scratch } from '../fixtures/scratch';

const { repoOf, tempDir } = scratch('conway-files-');
const SECRET = 'token-1234-do-not-print';

/** A repository whose committed files are links to `target` (made outside it). */
function linkedRepo(links: Record<string, string>, files: Record<string, string> = {}) {
  const r = repoOf();
  for (const [path, content] of Object.entries(files)) r.write(path, content);
  for (const [path, target] of Object.entries(links)) {
    mkdirSync(join(r.dir, path, '..'), { recursive: true });
    symlinkSync(target, join(r.dir, path));
  }
  r.commit({});
  return r;
}

function secretFile(text = `* @evil/${SECRET}\n`): string {
  const f = join(tempDir(), 'secret');
  writeFileSync(f, text);
  return f;
}

describe('links that leave the repository are refused, never read', () => {
  it('a committed .github/CODEOWNERS link: validate, who and analyze name the link, not its lines', async () => {
    const r = linkedRepo({ '.github/CODEOWNERS': secretFile() }, { 'a.ts': 'export {};\n' });
    for (const args of [['validate'], ['who', 'a.ts'], ['analyze', '--no-cache']]) {
      const out = await cli([...args, '--repo', r.dir]);
      expect(out.code).toBe(2);
      expect(out.stderr).toMatch(
        /^ERROR: \.github\/CODEOWNERS is a link to .*secret, outside the repository: Conway reads only files inside it/,
      );
      expect(out.stdout + out.stderr).not.toContain(SECRET.slice(6));
    }
  });

  it('a committed .github directory link is refused the same way', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'CODEOWNERS'), `* @evil/${SECRET}\n`);
    const r = linkedRepo({ '.github': dir }, { 'a.ts': 'export {};\n' });
    const out = await cli(['validate', '--repo', r.dir]);
    expect(out.code).toBe(2);
    expect(out.stdout + out.stderr).not.toContain(SECRET.slice(6));
  });

  it('a conway.yml link: exit 2 with the reason', async () => {
    const r = linkedRepo({ 'conway.yml': secretFile(`teams:\n  ${SECRET}: { owners: ['@a/b'] }\n`) });
    const out = await cli(['analyze', '--repo', r.dir, '--no-cache']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^ERROR: conway\.yml is a link to .*, outside the repository/);
  });

  it('sources, package.json and tsconfig extends outside the repository are skipped with a note', async () => {
    const outside = tempDir();
    writeFileSync(join(outside, 'evil.ts'), "import 'secret-package';\n");
    writeFileSync(join(outside, 'base.json'), '{"compilerOptions": {"baseUrl": "."}}');
    const r = linkedRepo(
      {
        'src/evil.ts': join(outside, 'evil.ts'),
        'pkg/package.json': '/dev/zero',
        'tsconfig.base.json': join(outside, 'base.json'),
      },
      {
        'src/a.ts': "import './b';\n",
        'src/b.ts': 'export {};\n',
        'tsconfig.json': '{"extends": "./tsconfig.base.json"}',
        'package.json': '{"workspaces": ["pkg"]}',
        'src/zero.ts': '',
      },
    );
    const report = await analyzeRepo(r.dir, { cache: false });
    expect(
      report.notes.some((n) => /^src\/evil\.ts: skipped: a link to .*evil\.ts, outside the repository$/.test(n)),
    ).toBe(true);
    expect(report.graph?.parseErrors).toBe(1);
    expect(report.notes).toContainEqual('pkg/package.json: skipped: a link to /dev/zero, outside the repository');
    expect(
      report.notes.some((n) =>
        /^tsconfig\.json: extends .*tsconfig\.base\.json \(a link to .*base\.json\), outside the repository — not read$/.test(
          n,
        ),
      ),
    ).toBe(true);
    expect(JSON.stringify(report)).not.toContain('secret-package');
  });
});

describe('only regular files, with caps', () => {
  it('--codeowners and --teams pointing at a FIFO fail at once with a clear error', async () => {
    const r = repoOf([{ files: { 'a.ts': 'x\n' } }]);
    const fifo = join(tempDir(), 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(await cli(['who', '--repo', r.dir, '--codeowners', fifo, 'a.ts'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(
        /^ERROR: .*fifo: cannot read the file: not a regular file \(a FIFO, device or socket\)/,
      ),
    });
    expect(await cli(['who', '--repo', r.dir, '--teams', fifo, 'a.ts'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^ERROR: .*fifo: cannot read the file: not a regular file/),
    });
  });

  it('a tsconfig extending /dev/zero is skipped with a note', async () => {
    const r = repoOf([
      { files: { 'tsconfig.json': '{"extends": "/dev/zero"}', 'a.ts': "import './b';\n", 'b.ts': 'export {};\n' } },
    ]);
    const report = await analyzeRepo(r.dir, { cache: false });
    expect(report.notes).toContain('tsconfig.json: extends /dev/zero, outside the repository — not read');
    expect(report.graph?.edges).toBe(1);
  });

  it(`an extends chain deeper than ${MAX_EXTENDS} stops there with a note, and the directory keeps its imports`, async () => {
    const files: Record<string, string> = {
      'src/a.ts': "import './b';\n",
      'src/b.ts': 'export {};\n',
      'src/tsconfig.json': '{"extends": "../c/0.json"}',
    };
    for (let i = 0; i < 300; i++) files[`c/${i}.json`] = JSON.stringify({ extends: `./${i + 1}.json` });
    const r = repoOf([{ files }]);
    const report = await analyzeRepo(r.dir, { cache: false });
    expect(report.notes).toContain(
      `src/tsconfig.json: its extends chain is longer than ${MAX_EXTENDS} configs; the rest of the chain is ignored`,
    );
    expect(report.graph?.edges).toBe(1);
  });
});
