// Denial of service for the editor (docs/security.md): it follows HEAD by reading .git files itself
// (extension/git-head.ts, no git process). Those files are read like every repository file: a
// FIFO, a huge file or a link out of .git answers "HEAD unknown" at once instead of hanging or
// bloating the editor. (In test/webview/ with the other editor-side tests that need no vscode.)
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PACKED_REFS_CAP, readHead } from '../../extension/git-head';
import { scratch } from '../fixtures/scratch';

const { repoOf, tempDir } = scratch('conway-head-');
const writers: ChildProcess[] = [];
afterEach(() => writers.splice(0).forEach((w) => w.kill('SIGKILL')));

function committed() {
  const r = repoOf([{ files: { 'a.ts': 'export {};\n' } }]);
  return { r, sha: r.git('rev-parse', 'HEAD').trim(), git: join(r.dir, '.git') };
}

/** Replaces a .git file by a FIFO. A writer opens it after 3 s, so a blocking read regresses to a slow failure, not a hung suite. */
function fifoAt(path: string): void {
  rmSync(path, { force: true });
  execFileSync('mkfifo', [path]);
  writers.push(spawn('timeout', ['6', 'sh', '-c', `sleep 3; : > "$1"`, 'sh', path], { stdio: 'ignore' }));
}

function timed<T>(f: () => T): { value: T; ms: number } {
  const t = Date.now();
  const value = f();
  return { value, ms: Date.now() - t };
}

describe('readHead reads .git like a hostile repository file', () => {
  it('follows a branch through a loose ref, packed-refs and a detached HEAD', () => {
    const { r, sha } = committed();
    expect(readHead(r.dir)).toBe(sha);
    r.git('pack-refs', '--all');
    expect(readHead(r.dir)).toBe(sha);
    r.git('checkout', '-q', '--detach');
    expect(readHead(r.dir)).toBe(sha);
  });

  it('a FIFO at .git/HEAD answers null at once', () => {
    const { r, git } = committed();
    fifoAt(join(git, 'HEAD'));
    const { value, ms } = timed(() => readHead(r.dir));
    expect(value).toBeNull();
    expect(ms).toBeLessThan(1000);
  });

  it('a FIFO at packed-refs: null when the branch is only packed, the loose ref when there is one', () => {
    const { r, sha, git } = committed();
    fifoAt(join(git, 'packed-refs'));
    expect(timed(() => readHead(r.dir)).value).toBe(sha);
    rmSync(join(git, 'refs/heads/main'));
    const { value, ms } = timed(() => readHead(r.dir));
    expect(value).toBeNull();
    expect(ms).toBeLessThan(1000);
  });

  it('a packed-refs over the cap is not read', () => {
    const { r, git } = committed();
    r.git('pack-refs', '--all');
    truncateSync(join(git, 'packed-refs'), PACKED_REFS_CAP + 1); // sparse: no disk, and readHead must not read it
    expect(readHead(r.dir)).toBeNull();
  });

  it('links and ref paths out of .git are refused, never read', () => {
    const { r, git } = committed();
    const outside = join(tempDir(), 'elsewhere');
    writeFileSync(outside, `${'e'.repeat(40)}\n`);
    rmSync(join(git, 'refs/heads/main'));
    symlinkSync(outside, join(git, 'refs/heads/main'));
    expect(readHead(r.dir)).toBeNull();
    writeFileSync(join(git, 'HEAD'), `ref: refs/../../../${outside}\n`);
    expect(readHead(r.dir)).toBeNull();
    rmSync(join(git, 'HEAD'));
    symlinkSync(outside, join(git, 'HEAD'));
    expect(readHead(r.dir)).toBeNull();
  });

  it('HEAD content that is not a ref or an object name answers null', () => {
    const { r, git } = committed();
    writeFileSync(join(git, 'HEAD'), 'not a hash\n');
    expect(readHead(r.dir)).toBeNull();
  });
});
