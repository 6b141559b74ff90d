import { describe, expect, it } from 'vitest';
import { isMachinePrint, subjectPrint } from '../../analyzer/history/automated';
import { LogParser, parseLog, type RawCommit } from '../../analyzer/history/parseLog';

// Hand-written in the exact layout `git log -z --numstat --format=LOG_FORMAT` produces
// (checked against git 2.39 output with od -c).
const H = (sha: string, name: string, email: string, date: number, trailers = '', subject = 'Fix the parser') =>
  `\x1e${sha}\x1f${name}\x1f${email}\x1f${date}\x1f${trailers}\x1f\x1f${subject}\0`;
const SHA1 = 'a'.repeat(40);
const SHA2 = 'b'.repeat(40);
const SHA3 = 'c'.repeat(40);

const numstat =
  H(SHA1, 'Ann Lee', 'ann@acme.io', 1700000000, 'Bob <bob@acme.io>\x1dCat Park <cat@acme.io>') +
  '\n3\t1\tsrc/a b.ts\0' +
  '-\t-\timg/logo.png\0' +
  '2\t0\t\0old "q".ts\0new\nline.ts\0' +
  H(SHA2, 'Bob Stone', 'bob@acme.io', 1700000100, '', 'chore(deps): bump x from 1.0.0 to 1.1.0') + // empty commit: next header follows directly
  H(SHA3, 'Cat Park', 'cat@acme.io', 1700000200) +
  '\n10\t0\ttab\there.ts\0';

const expected: RawCommit[] = [
  {
    sha: SHA1,
    name: 'Ann Lee',
    email: 'ann@acme.io',
    date: 1700000000,
    coAuthors: ['Bob <bob@acme.io>', 'Cat Park <cat@acme.io>'],
    files: [
      { path: 'src/a b.ts', added: 3, deleted: 1 },
      { path: 'img/logo.png', added: null, deleted: null },
      { path: 'new\nline.ts', oldPath: 'old "q".ts', added: 2, deleted: 0 },
    ],
    subject: subjectPrint('Fix the parser'),
  },
  {
    sha: SHA2,
    name: 'Bob Stone',
    email: 'bob@acme.io',
    date: 1700000100,
    coAuthors: [],
    files: [],
    subject: subjectPrint('chore(deps): bump x from 1.0.0 to 1.1.0'),
  },
  {
    sha: SHA3,
    name: 'Cat Park',
    email: 'cat@acme.io',
    date: 1700000200,
    coAuthors: [],
    files: [{ path: 'tab\there.ts', added: 10, deleted: 0 }],
    subject: subjectPrint('Fix the parser'),
  },
];

describe('parseLog', () => {
  it('parses numstat entries: counts, binary as null, renames as two NUL fields, odd names verbatim', () => {
    expect(parseLog(numstat, 'numstat')).toEqual(expected);
  });

  it('keeps only the subject print: machine bit set for a dependency bump, clear for a human subject', () => {
    expect(parseLog(numstat, 'numstat').map((c) => isMachinePrint(c.subject))).toEqual([false, true, false]);
  });

  it('gives the same result whatever the chunk boundaries', () => {
    for (let size = 1; size <= 17; size++) {
      const out: RawCommit[] = [];
      const parser = new LogParser('numstat', (c) => out.push(c));
      for (let i = 0; i < numstat.length; i += size) parser.push(numstat.slice(i, i + size));
      parser.end();
      expect(out).toEqual(expected);
    }
  });

  it('parses name-status entries with renames and deletions, counts null', () => {
    const text = H(SHA1, 'Ann Lee', 'ann@acme.io', 1) + '\nM\0a.ts\0R087\0b.ts\0c.ts\0D\0d.ts\0A\0R.ts\0';
    expect(parseLog(text, 'name-status')[0].files).toEqual([
      { path: 'a.ts', added: null, deleted: null },
      { path: 'c.ts', oldPath: 'b.ts', added: null, deleted: null },
      { path: 'd.ts', added: null, deleted: null },
      { path: 'R.ts', added: null, deleted: null },
    ]);
  });

  it('does not take a path starting with the header mark for a commit', () => {
    const text = H(SHA1, 'A', 'a@x', 1) + '\n1\t0\t\0\x1eweird\0x.ts\0';
    const [c] = parseLog(text, 'numstat');
    expect(c.files).toEqual([{ path: 'x.ts', oldPath: '\x1eweird', added: 1, deleted: 0 }]);
  });

  it('reads review trailers (Reviewed-by, Approved-by, Acked-by) and the squash PR number `(#N)`', () => {
    const text = `\x1e${SHA1}\x1fAnn Lee\x1fann@acme.io\x1f1700000000\x1f\x1fBob <bob@acme.io>\x1dCat Park <cat@acme.io>\x1fFix totals (#42)\0`;
    const [c] = parseLog(text, 'numstat');
    expect([c.reviewers, c.pr, c.coAuthors]).toEqual([['Bob <bob@acme.io>', 'Cat Park <cat@acme.io>'], 42, []]);
    // Neither field is set on a plain commit (the cache row stays 7 columns); `#42` without parentheses is no PR.
    const [plain] = parseLog(H(SHA2, 'Bob', 'bob@acme.io', 1, '', 'Fix #42 again'), 'numstat');
    expect(['reviewers' in plain, 'pr' in plain]).toEqual([false, false]);
  });

  it('returns nothing for empty output', () => {
    expect(parseLog('', 'numstat')).toEqual([]);
  });
});

describe('toCommits', () => {
  it('gives the same commits when it consumes the raw list, and leaves that list empty', async () => {
    const { toCommits } = await import('../../analyzer/history/commits');
    const { makeResolver } = await import('../../analyzer/history/identity');
    const { makeBotTest } = await import('../../analyzer/history/bots');
    const { makePathFilter } = await import('../../analyzer/history/paths');
    const opts = {
      resolve: makeResolver(),
      isBot: makeBotTest(),
      includeBots: false,
      keepPath: makePathFilter({ exclude: ['img/**'] }),
    };
    const kept = parseLog(numstat, 'numstat');
    const consumed = parseLog(numstat, 'numstat');
    const commits = toCommits(consumed, { ...opts, consume: true });
    expect(commits).toEqual(toCommits(kept, opts));
    expect(commits[0].files.map((f) => f.path)).toEqual(['src/a b.ts', 'new\nline.ts']);
    expect(consumed).toEqual([]);
    expect(kept).toHaveLength(3);
  });
});
