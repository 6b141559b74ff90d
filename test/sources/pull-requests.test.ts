// --prs exports: the GitHub CLI's and GitLab CLI's JSON, hand-written in their real shapes
// (test/fixtures/prs/), and the errors a broken export gets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPullRequests, parsePullRequests } from '../../analyzer/sources/pull-requests';

const fixture = (name: string) => join(__dirname, '..', 'fixtures', 'prs', name);

describe('--prs: gh pr list --json export', () => {
  it('reads number, author, dates, merge commit and reviewers (reviews and latestReviews, the author and repeats left out)', () => {
    const e = loadPullRequests(fixture('gh-merge-prs.json'), 'prs.json');
    expect(e.source).toBe('github');
    expect(e.prs).toHaveLength(7);
    expect(e.prs.find((p) => p.number === 2)).toEqual({
      number: 2,
      author: 'annlee',
      createdAt: Date.parse('2024-03-12T09:00:00Z') / 1000,
      mergedAt: Date.parse('2024-03-12T16:00:00Z') / 1000,
      mergeCommit: '134a97d36237f8a9945db78b5988c051b66c8022',
      reviewers: ['carol-k'],
    });
    expect(e.prs.find((p) => p.number === 5)!.reviewers).toEqual([]); // annlee commented on her own PR
  });
});

describe('--prs: glab mr list --output json export', () => {
  it('reads iid, author.username, created_at, merged_at, merge_commit_sha else squash_commit_sha, reviewers', () => {
    const e = loadPullRequests(fixture('glab-mrs.json'), 'mrs.json');
    expect(e.source).toBe('gitlab');
    expect(e.prs.map((p) => [p.number, p.author, p.mergeCommit, p.reviewers])).toEqual([
      [42, 'alee', '7932d45cc8ba413a8059f3205f728349d90e3b06', ['bstone']],
      [43, 'bstone', '47402b1d224f7aba42dba9c9843e70c9e52247ca', []],
    ]);
    expect(e.prs[0].mergedAt - e.prs[0].createdAt).toBe(6 * 3600);
  });
});

describe('--prs: a broken export is a clear error, never a stack trace', () => {
  const gh = JSON.parse(readFileSync(fixture('gh-merge-prs.json'), 'utf8')) as Record<string, unknown>[];
  it('bad JSON names the file and line', () => {
    expect(() => parsePullRequests('[\n{"number": 1,\n oops}\n]', 'prs.json')).toThrow(
      /^prs\.json:3: not valid JSON .*gh pr list --state merged/,
    );
  });
  it('not an array', () => {
    expect(() => parsePullRequests('{"number": 1}', 'prs.json')).toThrow(
      'prs.json: expected a JSON array of pull requests, got object;',
    );
  });
  it('a missing field names the entry and the field', () => {
    const broken = gh.map((p, i) => (i === 2 ? { ...p, mergedAt: undefined } : p));
    expect(() => parsePullRequests(JSON.stringify(broken), 'prs.json')).toThrow(
      'prs.json: entry 3 (#5): "mergedAt" is missing or not an ISO date',
    );
  });
  it('an open pull request (no mergedAt) says to export merged ones', () => {
    const open = [{ ...gh[0], mergedAt: null }];
    expect(() => parsePullRequests(JSON.stringify(open), 'prs.json')).toThrow(
      /only merged pull requests can be read: `--state merged`/,
    );
  });
  it('a missing file', () => {
    expect(() => loadPullRequests('/nonexistent/prs.json', 'prs.json')).toThrow(
      /^--prs prs\.json: cannot read the file/,
    );
  });
});
