// A date without a time is 00:00 UTC of that day: the same commits in every time zone, at any
// time of day, cold or warm. Git alone reads `2024-03-10` as that day at the current local time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gitDate } from '../../analyzer/history/window';
import { shell } from '../fixtures/cli-process';
import { makeRepo } from '../fixtures/repo';

const repo = makeRepo([
  { date: '2024-03-09T23:30:00Z', files: { 'a.ts': '1' } },
  { date: '2024-03-10T00:30:00Z', files: { 'a.ts': '2' } },
  { date: '2024-03-10T14:00:00Z', files: { 'a.ts': '3' } },
  { date: '2024-03-10T23:00:00Z', files: { 'a.ts': '4' } },
]);
const cache = mkdtempSync(join(tmpdir(), 'conway-window-cache-'));
afterAll(() => {
  repo.cleanup();
  rmSync(cache, { recursive: true, force: true });
});

function windowOf(tz: string, extra: string): { commits: number; first: string } {
  const r = shell(`$CONWAY analyze --repo "${repo.dir}" --since 2024-03-10 --format json ${extra}`, {
    TZ: tz,
    XDG_CACHE_HOME: cache,
  });
  expect(r.stderr).not.toMatch(/internal error/);
  const w = JSON.parse(r.stdout).window;
  return { commits: w.commits, first: w.first ?? w.firstCommit ?? '' };
}

describe('history window', () => {
  it('pins a bare date to 00:00 UTC and a zone-less time to UTC', () => {
    expect(gitDate('2024-03-10')).toBe('2024-03-10 00:00:00 +0000');
    expect(gitDate('2024-03-10T08:15')).toBe('2024-03-10 08:15:00 +0000');
    expect(gitDate('2024-03-10T08:15:00+0200')).toBe('2024-03-10T08:15:00+0200');
    expect(gitDate('12 months ago')).toBe('12 months ago');
  });

  it('counts the same commits in Asia/Tokyo and UTC, cold and warm', () => {
    const runs = [
      windowOf('UTC', '--no-cache'),
      windowOf('Asia/Tokyo', '--no-cache'),
      windowOf('Asia/Tokyo', ''),
      windowOf('UTC', ''),
      windowOf('America/Los_Angeles', ''),
    ];
    // 00:30, 14:00 and 23:00 UTC on the 10th; 23:30 UTC on the 9th is before the window.
    for (const r of runs) expect(r).toEqual(runs[0]);
    expect(runs[0].commits).toBe(3);
  });
});
