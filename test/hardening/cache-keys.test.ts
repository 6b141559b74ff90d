// The warm history cache answers what `--no-cache` answers after each change git's answer
// depends on beyond HEAD: the content of a mailmap.file or mailmap.blob, replace refs, and
// repository settings Conway pins (they change neither answer).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mineHistory } from '../../analyzer/history/mine';
import { ANN, BOB, gitEnv, type Repo } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const { repoOf, tempDir } = scratch('conway-cachekey-');
const OLD_ANN = { name: 'ann', email: 'ann@old-laptop.local' };
const MAP = `${ANN.name} <${ANN.email}> <${OLD_ANN.email}>\n`;

/** Authors from a warm cache (filled before `change`) and from a fresh mining, after `change`. */
async function warmAndCold(r: Repo, change: () => void): Promise<[string[], string[]]> {
  const cacheDir = tempDir();
  await mineHistory(r.dir, { cacheDir });
  change();
  const warm = await mineHistory(r.dir, { cacheDir });
  const cold = await mineHistory(r.dir, { cache: false });
  return [
    warm.commits.map((c) => `${c.author} ${c.files.length}`),
    cold.commits.map((c) => `${c.author} ${c.files.length}`),
  ];
}

const history = () =>
  repoOf([
    { author: OLD_ANN, files: { 'a.ts': '1\n' } },
    { author: BOB, files: { 'a.ts': '2\n' } },
  ]);

describe('warm and --no-cache agree', () => {
  it('after the content of mailmap.file changes (the setting itself unchanged)', async () => {
    const r = history();
    const file = join(tempDir(), 'mailmap');
    writeFileSync(file, '');
    r.git('config', 'mailmap.file', file);
    const [warm, cold] = await warmAndCold(r, () => writeFileSync(file, MAP));
    expect(cold).toContain(`${ANN.email} 1`);
    expect(warm).toEqual(cold);
  });

  it('after the blob mailmap.blob names changes', async () => {
    const r = history();
    const blob = (text: string) =>
      execFileSync('git', ['hash-object', '-w', '--stdin'], {
        cwd: r.dir,
        input: text,
        env: gitEnv(),
        encoding: 'utf8',
      }).trim();
    r.git('update-ref', 'refs/mailmap', blob('# none\n'));
    r.git('config', 'mailmap.blob', 'refs/mailmap');
    const [warm, cold] = await warmAndCold(r, () => r.git('update-ref', 'refs/mailmap', blob(MAP)));
    expect(cold).toContain(`${ANN.email} 1`);
    expect(warm).toEqual(cold);
  });

  it('after `git replace` swaps a commit for one by another author', async () => {
    const r = history();
    const [, first] = r.git('rev-list', 'HEAD').trim().split('\n');
    const [warm, cold] = await warmAndCold(r, () => {
      const tree = r.git('rev-parse', `${first}^{tree}`).trim();
      const env = {
        ...gitEnv(),
        GIT_AUTHOR_NAME: ANN.name,
        GIT_AUTHOR_EMAIL: ANN.email,
        GIT_COMMITTER_NAME: ANN.name,
        GIT_COMMITTER_EMAIL: ANN.email,
        GIT_AUTHOR_DATE: '2024-01-01T00:00:00Z',
        GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z',
      };
      const swapped = execFileSync('git', ['commit-tree', tree, '-m', 'swapped'], {
        cwd: r.dir,
        env,
        encoding: 'utf8',
      }).trim();
      r.git('replace', first, swapped);
    });
    expect(cold).toContain(`${ANN.email} 1`);
    expect(warm).toEqual(cold);
  });

  it.each([
    ['i18n.logOutputEncoding', 'UTF-16'],
    ['log.showRoot', 'false'],
  ])('after %s=%s is set: both give the full history', async (key, value) => {
    const r = history();
    const [warm, cold] = await warmAndCold(r, () => r.git('config', key, value));
    expect(cold).toEqual(['bob@acme.io 1', `${OLD_ANN.email} 1`]);
    expect(warm).toEqual(cold);
  });
});
