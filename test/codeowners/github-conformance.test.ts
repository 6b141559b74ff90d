// Conformance suite for GitHub CODEOWNERS matching, written from GitHub's documentation
// ("About code owners", its example file and the gitignore rules it refers to). Each case is
// [pattern, path, matches]. Popular npm matchers fail the `docs/*`, `/*` and case rows.
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../analyzer/codeowners/matcher';
import { parseCodeowners } from '../../analyzer/codeowners/parse';

const cases: [string, string, boolean][] = [
  // `*` — everything in the repo.
  ['*', 'README.md', true],
  ['*', 'a/b/c.ts', true],
  ['*', '.github/workflows/ci.yml', true],
  // `*.js` — any depth, dotfiles included, case-sensitive.
  ['*.js', 'index.js', true],
  ['*.js', 'src/deep/x.js', true],
  ['*.js', 'src/x.jsx', false],
  ['*.js', 'src/X.JS', false],
  ['*.js', '.eslintrc.js', true],
  // `/build/logs/` — anchored directory: its whole contents, nothing elsewhere.
  ['/build/logs/', 'build/logs/a.log', true],
  ['/build/logs/', 'build/logs/deep/b.log', true],
  ['/build/logs/', 'x/build/logs/a.log', false],
  ['/build/logs/', 'build/logs', false],
  // `docs/*` — direct children of the root docs/ only (GitHub's own example).
  ['docs/*', 'docs/getting-started.md', true],
  ['docs/*', 'docs/build-app/troubleshooting.md', false],
  ['docs/*', 'x/docs/getting-started.md', false],
  // `/*` — files at the root only.
  ['/*', 'README.md', true],
  ['/*', 'src/index.ts', false],
  // `apps/` — an apps directory anywhere.
  ['apps/', 'apps/web/main.ts', true],
  ['apps/', 'packages/apps/x.ts', true],
  ['apps/', 'apps', false],
  ['apps/', 'myapps/x.ts', false],
  // `/docs/` — root docs and all subdirectories.
  ['/docs/', 'docs/a.md', true],
  ['/docs/', 'docs/a/b/c.md', true],
  ['/docs/', 'src/docs/a.md', false],
  // `**/logs` — a logs file or directory at any depth.
  ['**/logs', 'logs', true],
  ['**/logs', 'build/logs/a.log', true],
  ['**/logs', 'deeply/nested/logs/x', true],
  ['**/logs', 'build/mylogs/a', false],
  // `/apps/github` — no trailing slash: the file or the directory's contents.
  ['/apps/github', 'apps/github', true],
  ['/apps/github', 'apps/github/x.rb', true],
  ['/apps/github', 'apps/github-tools/x.rb', false],
  // A slash in the middle anchors to the root.
  ['src/lib', 'src/lib/a.ts', true],
  ['src/lib', 'packages/src/lib/a.ts', false],
  // A name without slash matches at any depth, file or directory.
  ['Makefile', 'Makefile', true],
  ['Makefile', 'tools/Makefile', true],
  ['lib', 'packages/a/lib/x.ts', true],
  ['lib', 'packages/a/library/x.ts', false],
  // `?` is one character, never `/`.
  ['file?.txt', 'file1.txt', true],
  ['file?.txt', 'file10.txt', false],
  ['a?b', 'a/b', false],
  // `*` never crosses `/` inside a segment.
  ['/src/*.ts', 'src/a.ts', true],
  ['/src/*.ts', 'src/x/a.ts', false],
  // `**` spans zero or more directories.
  ['/a/**/b', 'a/b', true],
  ['/a/**/b', 'a/x/y/b', true],
  ['/a/**/b', 'a/x/y/bc', false],
  ['/a/**', 'a/x', true],
  ['/a/**', 'a/x/y', true],
  ['/a/**', 'b/a/x', false],
  ['**', 'any/thing', true],
  ['/docs/**/*.md', 'docs/a.md', true],
  ['/docs/**/*.md', 'docs/x/y/a.md', true],
  ['/docs/**/*.md', 'docs/x/y/a.txt', false],
  // Dotfiles and dot directories are ordinary.
  ['/.github/', '.github/CODEOWNERS', true],
  ['.env', 'config/.env', true],
  // Case-sensitive directories.
  ['/Docs/', 'docs/a.md', false],
  // Escapes: `\#` is a literal hash, `\ ` a literal space, `\*` a literal star.
  ['\\#notes.md', '#notes.md', true],
  ['/my\\ file.txt', 'my file.txt', true],
  ['/a\\*b', 'a*b', true],
  ['/a\\*b', 'axb', false],
  // Regex metacharacters are literal.
  ['/a+b(c).ts', 'a+b(c).ts', true],
  ['/a.b', 'axb', false],
];

describe('GitHub CODEOWNERS pattern semantics', () => {
  it.each(cases)('%s matches %s → %s', (pattern, path, expected) => {
    const parsed = parseCodeowners(`${pattern} @o`, 'CODEOWNERS', 'github');
    expect(parsed.errors).toEqual([]);
    const m = createMatcher(parsed).match(path);
    expect(m.rule !== null).toBe(expected);
  });
});

describe('GitHub rule precedence (docs example file)', () => {
  const file = [
    '# These owners will be the default owners for everything in the repo.',
    '*       @global-owner1 @global-owner2',
    '*.js    @js-owner #This is an inline comment.',
    '*.go docs@example.com',
    '*.txt @octo-org/octocats',
    '/build/logs/ @doctocat',
    'docs/*  docs@example.com',
    'apps/ @octocat',
    '/docs/ @doctocat',
    '/scripts/ @doctocat @octocat',
    '**/logs @octocat',
    '/apps/ @octocat',
    '/apps/github',
  ].join('\n');
  const m = createMatcher(parseCodeowners(file, 'CODEOWNERS', 'github'));
  const who = (p: string) => ({ owners: m.match(p).owners, line: m.match(p).rule?.line ?? null });

  it('last matching rule wins', () => {
    expect(who('README.md')).toEqual({ owners: ['@global-owner1', '@global-owner2'], line: 2 });
    expect(who('src/app.js')).toEqual({ owners: ['@js-owner'], line: 3 });
    expect(who('cmd/main.go')).toEqual({ owners: ['docs@example.com'], line: 4 });
    expect(who('notes.txt')).toEqual({ owners: ['@octo-org/octocats'], line: 5 });
    expect(who('docs/guide/index.js')).toEqual({ owners: ['@doctocat'], line: 9 });
    expect(who('scripts/logs/x.js')).toEqual({ owners: ['@octocat'], line: 11 });
  });

  it('a matching rule without owners makes the file unowned, and is reported as the rule', () => {
    expect(who('apps/github/x.rb')).toEqual({ owners: [], line: 13 });
    expect(who('apps/web/x.rb')).toEqual({ owners: ['@octocat'], line: 12 });
  });
});
