// `conway review` from the command line on the feature-branch repository: the PR-comment
// Markdown (snapshot: marker first, approvals table, collapsible details), JSON, the
// --fail-on gate and clear errors for bad flags.
import { describe, expect, it } from 'vitest';
import { REVIEW_MARKER } from '../../analyzer/report/review-markdown';
import { cli } from '../fixtures/cli';
import { reviewRepo } from '../fixtures/review';
import { scratch } from '../fixtures/scratch';

const { repoOf } = scratch();

describe('conway review', () => {
  it('prints the pull-request comment: stable marker first, then the same every run', async () => {
    const repo = reviewRepo(repoOf);
    const r = await cli(['review', '--repo', repo.dir, '--base', 'main']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(REVIEW_MARKER);
    expect(r.stdout).toContain('<details>');
    await expect(r.stdout.replace(/\b[0-9a-f]{12}\b/g, '<sha>')).toMatchFileSnapshot('__snapshots__/review-comment.md');
    expect((await cli(['review', '--repo', repo.dir, '--base', 'main'])).stdout).toBe(r.stdout);
  });

  it('--fail-on new-violations exits 1 when the change adds one, 0 when it does not', async () => {
    const repo = reviewRepo(repoOf);
    expect((await cli(['review', '--repo', repo.dir, '--base', 'main', '--fail-on', 'new-violations'])).code).toBe(1);
    expect(
      (await cli(['review', '--repo', repo.dir, '--base', 'main', '--head', 'main', '--fail-on', 'new-violations']))
        .code,
    ).toBe(0);
  });

  it("JSON has the contract's top-level fields; the default base is main when there is no upstream", async () => {
    const repo = reviewRepo(repoOf);
    const r = await cli(['review', '--repo', repo.dir, '--format', 'json']);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(
      expect.arrayContaining([
        'base',
        'head',
        'files',
        'approvals',
        'affectedTeams',
        'edges',
        'violations',
        'reviewers',
      ]),
    );
    expect(j.baseRef).toBe('main');
    expect(Object.keys(j.files[0])).toEqual(expect.arrayContaining(['path', 'status', 'owners', 'teams', 'rule']));
  });

  it('bad flags and refs are clear errors with exit 2', async () => {
    const repo = reviewRepo(repoOf);
    expect(await cli(['review', '--repo', repo.dir, '--base', 'nope'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--base nope: no such commit or branch'),
    });
    expect(await cli(['review', '--repo', repo.dir, '--staged', '--working-tree'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('exclude each other'),
    });
    expect(await cli(['review', '--repo', repo.dir, '--format', 'pdf'])).toMatchObject({
      code: 2,
      stderr: 'ERROR: --format pdf: expected md or json\n',
    });
    expect(await cli(['review', '--repo', repo.dir, '--fail-on', 'everything'])).toMatchObject({ code: 2 });
  });
});
