// GitLab semantics from its docs (user/project/codeowners/reference.md) and implementation
// (File.fnmatch with FNM_DOTMATCH | FNM_PATHNAME after normalisation).
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../analyzer/codeowners/matcher';
import { parseCodeowners } from '../../analyzer/codeowners/parse';

const match = (text: string, path: string) => createMatcher(parseCodeowners(text, 'CODEOWNERS', 'gitlab')).match(path);

describe('GitLab pattern semantics', () => {
  const cases: [string, string, boolean][] = [
    ['README.md', 'README.md', true],
    ['README.md', 'app/lib/README.md', true],
    ['internal/README.md', 'docs/api/internal/README.md', true],
    ['/README.md', 'docs/README.md', false],
    ['/docs/', 'docs/a/b.md', true],
    ['/docs/*', 'docs/a.md', true],
    ['/docs/*', 'docs/a/b.md', false],
    ['/docs/**/index.md', 'docs/index.md', true],
    ['/docs/**/index.md', 'docs/api/graphql/index.md', true],
    ['/docs/*/README.md', 'docs/api/README.md', true],
    ['/docs/*spec*', 'docs/qa_specs.rb', true],
    ['/docs', 'docs/a.md', false],
    ['*', '.gitignore', true],
    ['*.rb', 'app/models/.hidden.rb', true],
    ['/src/[ab].ts', 'src/a.ts', true],
    ['/src/[ab].ts', 'src/c.ts', false],
    ['*.RB', 'x.rb', false],
  ];
  it.each(cases)('%s matches %s → %s', (pattern, path, expected) => {
    expect(match(`${pattern} @o`, path).rule !== null).toBe(expected);
  });
});

describe('GitLab sections', () => {
  const file = [
    '* @admin',
    '[README Owners]',
    'README.md @user1 @user2',
    'internal/README.md @user4',
    '[README other owners]',
    'README.md @user3',
  ].join('\n');

  it("owners are the union of each section's last matching rule (docs example)", () => {
    expect(match(file, 'README.md').owners).toEqual(['@admin', '@user1', '@user2', '@user3']);
    expect(match(file, 'internal/README.md').owners).toEqual(['@admin', '@user4', '@user3']);
    expect(match(file, 'internal/README.md').sectionRules?.map((r) => r.line)).toEqual([1, 4, 6]);
  });

  it('a matching exclusion removes the path from its section only, whatever comes after', () => {
    const text = [
      '* @username',
      '!pom.xml',
      '[Ruby]',
      '*.rb @ruby-team',
      '!/config/**/*.rb',
      '/config/routes.rb @ops',
    ].join('\n');
    expect(match(text, 'pom.xml').owners).toEqual([]);
    expect(match(text, 'app/x.rb').owners).toEqual(['@username', '@ruby-team']);
    expect(match(text, 'config/routes.rb').owners).toEqual(['@username']);
  });

  it('rules without owners inherit the section defaults', () => {
    expect(match('[Docs] @docs-team\ndocs/\n', 'docs/x.md').owners).toEqual(['@docs-team']);
  });
});
