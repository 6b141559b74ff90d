import { afterAll, describe, expect, it } from 'vitest';
import { resolveSince } from '../../analyzer/history/window';
import { makeRepo } from '../fixtures/repo';

const repo = makeRepo([{ files: { a: '1' } }]);
afterAll(() => repo.cleanup());

describe('resolveSince', () => {
  it('keeps absolute dates and no window as they are', async () => {
    expect(await resolveSince(repo.dir, '2024-01-01')).toBe('2024-01-01');
    expect(await resolveSince(repo.dir, undefined)).toBeUndefined();
    expect(await resolveSince(repo.dir, '')).toBeUndefined();
  });

  it('turns a relative date into the UTC day git means by it', async () => {
    const now = Date.now();
    const expected = new Date(Math.floor((now - 14 * 86_400_000) / 86_400_000) * 86_400_000).toISOString().slice(0, 10);
    expect(await resolveSince(repo.dir, '2 weeks ago', now)).toBe(expected);
  });

  it('rejects a date git cannot read instead of analysing an empty window', async () => {
    await expect(resolveSince(repo.dir, 'the day before the launch')).rejects.toThrow(
      /--since the day before the launch: git does not understand this date/,
    );
    await expect(resolveSince(repo.dir, 'month ago')).rejects.toThrow(/git does not understand this date/);
  });
});

describe('unknownDateWord', () => {
  it('names the first word git would skip, and accepts what git reads', async () => {
    const { unknownDateWord } = await import('../../analyzer/history/window');
    expect(unknownDateWord('last tuesdayy')).toBe('tuesdayy');
    expect(unknownDateWord('a month ago')).toBe('a');
    for (const ok of [
      '12 months ago',
      '2024-01-01',
      '2024-01-01T10:00:00Z',
      'yesterday',
      'last week',
      'Mon Nov 30 2026',
      '3.weeks.ago',
      'one month ago',
      'jan 5',
    ])
      expect(unknownDateWord(ok)).toBeNull();
  });
});
