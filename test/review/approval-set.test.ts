// `review` counts approvals as GitHub does: one owner listed on every changed file's rule is one
// approval, however many rule groups; a person owner is named as the reviewer; a CODEOWNERS edit
// that only renames who owns an import is no import added or removed.
import { describe, expect, it } from 'vitest';
import { approvalSet } from '../../analyzer/review/approval-set';
import { reviewChange } from '../../analyzer/review';
import { renderReviewMarkdown } from '../../analyzer/report/review-markdown';
import type { ReviewApproval } from '../../analyzer/contract/review';
import { ANN, BOB } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const { repoOf, tempDir } = scratch();

const group = (owners: string[], optional = false): ReviewApproval => ({
  owners,
  teams: owners,
  files: [],
  approvals: 1,
  optional,
  rules: [],
});

describe('approvalSet', () => {
  it('finds the smallest cover exactly, and skips optional groups', () => {
    expect(approvalSet([group(['@o/a', '@o/all']), group(['@o/b', '@o/all']), group(['@o/c', '@o/all'])])).toEqual({
      owners: ['@o/all'],
      size: 1,
      method: 'exact',
    });
    // greedy would take x (3 groups) then need two more; y + z cover all four.
    const tricky = [
      group(['@x', '@y']),
      group(['@x', '@y']),
      group(['@x', '@z']),
      group(['@z']),
      group(['@y']),
      group(['@q'], true),
    ];
    expect(approvalSet(tricky)).toEqual({ owners: ['@y', '@z'], size: 2, method: 'exact' });
  });

  it('falls back to greedy above the exact limit and still covers every group', () => {
    const many = Array.from({ length: 30 }, (_, i) => group([`@solo${String(i).padStart(2, '0')}`]));
    const r = approvalSet(many);
    expect(r).toMatchObject({ size: 30, method: 'greedy' });
  });
});

describe('reviewChange approvals on a real repository', () => {
  function repoWithReviewGroup() {
    const repo = repoOf([
      {
        author: ANN,
        date: '2024-01-01T10:00:00Z',
        files: {
          '.github/CODEOWNERS': '/a/ @o/a @o/reviewers\n/b/ @o/b @o/reviewers\n/c/ @o/c @o/reviewers\n/docs/ @dana\n',
          'a/x.ts': "import { y } from '../b/y';\nexport const x = y;\n",
          'b/y.ts': 'export const y = 1;\n',
          'c/z.ts': 'export const z = 1;\n',
          'docs/d.md': 'd\n',
        },
      },
    ]);
    repo.git('checkout', '-q', '-b', 'feature');
    return repo;
  }

  it('one owner on every rule: 3 groups, one approval; a person owner is the reviewer', async () => {
    const repo = repoWithReviewGroup();
    repo.commit({
      author: BOB,
      files: {
        'a/x.ts': "import { y } from '../b/y';\nexport const x = y + 1;\n",
        'b/y.ts': 'export const y = 2;\n',
        'c/z.ts': 'export const z = 2;\n',
      },
    });
    const r = await reviewChange(repo.dir, { base: 'main', cacheDir: tempDir() });
    expect(r.approvals).toHaveLength(3);
    expect(r.approvalSet).toEqual({ owners: ['@o/reviewers'], size: 1, method: 'exact' });
    expect(renderReviewMarkdown(r).split('\n')[1]).toContain(
      'needs approval from 3 owner groups, satisfied by one owner: `@o/reviewers`',
    );
    repo.commit({ author: BOB, files: { 'docs/d.md': 'e\n' } });
    const docs = await reviewChange(repo.dir, { base: 'main', cacheDir: tempDir() });
    expect(docs.reviewers.find((x) => x.team === '@dana')).toEqual({
      team: '@dana',
      basis: 'person-owner',
      people: [{ person: '@dana', name: '@dana', changes: 0, lines: null }],
    });
  });

  it('a CODEOWNERS edit that moves who owns an importer adds and removes no import', async () => {
    const repo = repoWithReviewGroup();
    repo.commit({
      author: BOB,
      files: {
        '.github/CODEOWNERS': '/a/ @o/a2 @o/reviewers\n/b/ @o/b @o/reviewers\n/c/ @o/c @o/reviewers\n/docs/ @dana\n',
      },
    });
    repo.commit({ author: BOB, files: { 'c/z.ts': 'export const z = 3;\n' } });
    // Review the head against the commit that changed CODEOWNERS: owners differ on the two sides' models.
    const r = await reviewChange(repo.dir, { base: 'main', cacheDir: tempDir() });
    expect(r.edges).toEqual({ added: [], removed: [] });
  });
});
