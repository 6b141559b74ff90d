import { describe, expect, it } from 'vitest';
import { parseCodeowners } from '../../analyzer/codeowners/parse';

const gh = (text: string) => parseCodeowners(text, 'CODEOWNERS', 'github');

describe('parseCodeowners (GitHub)', () => {
  it('reads patterns and owners, skipping comments, blank lines and inline comments', () => {
    const p = gh('# header\n\n*.js  @a  @org/team-x  # trailing comment\n/docs/ me@x.io\n');
    expect(p.rules).toEqual([
      { line: 3, pattern: '*.js', owners: ['@a', '@org/team-x'] },
      { line: 4, pattern: '/docs/', owners: ['me@x.io'] },
    ]);
    expect(p.errors).toEqual([]);
  });

  it('keeps a rule with no owners (it makes files unowned)', () => {
    expect(gh('/apps/github\n').rules).toEqual([{ line: 1, pattern: '/apps/github', owners: [] }]);
  });

  it('reports negation and character ranges with the line, skips those lines, keeps the rest', () => {
    const p = gh('* @all\n!*.md @a\n*.[ch] @b\n/src/ @c\n');
    expect(p.rules.map((r) => r.line)).toEqual([1, 4]);
    expect(p.errors.map((e) => e.line)).toEqual([2, 3]);
    expect(p.errors[0].message).toMatch(/negation \(!\) is not supported/);
    expect(p.errors[1].message).toMatch(/character ranges/);
  });

  it('rejects invalid owners with what to write instead', () => {
    const p = gh('*.js alice\n*.ts @-bad\n*.md @ok\n');
    expect(p.rules.map((r) => r.line)).toEqual([3]);
    expect(p.errors[0]).toMatchObject({ file: 'CODEOWNERS', line: 1 });
    expect(p.errors[0].message).toContain("owner 'alice' is not valid: write @user, @org/team or an email address");
    expect(p.errors[1].message).toContain("'@-bad'");
  });

  it('keeps escaped hashes and spaces in patterns', () => {
    const p = gh('\\#x.md @a\n/my\\ dir/ @b\n');
    expect(p.rules.map((r) => r.pattern)).toEqual(['\\#x.md', '/my\\ dir/']);
  });

  it('handles CRLF line endings', () => {
    expect(gh('* @a\r\n/b/ @b\r\n').rules.map((r) => r.owners[0])).toEqual(['@a', '@b']);
  });
});

describe('parseCodeowners (GitLab)', () => {
  const gl = (text: string) => parseCodeowners(text, 'CODEOWNERS', 'gitlab');

  it('reads sections with default owners, optional and approval markers', () => {
    const p = gl('* @admin\n[Docs][2] @docs-team\ndocs/\nREADME.md @writer\n^[Go]\n*.go @gophers\n');
    expect(p.sections).toEqual([
      { name: 'Docs', optional: false, approvals: 2, defaultOwners: ['@docs-team'], line: 2 },
      { name: 'Go', optional: true, approvals: 1, defaultOwners: [], line: 5 },
    ]);
    expect(p.rules).toEqual([
      { line: 1, pattern: '*', owners: ['@admin'] },
      { line: 3, pattern: 'docs/', owners: ['@docs-team'], section: 'Docs' },
      { line: 4, pattern: 'README.md', owners: ['@writer'], section: 'Docs' },
      { line: 6, pattern: '*.go', owners: ['@gophers'], section: 'Go' },
    ]);
  });

  it('combines duplicate sections case-insensitively; one required occurrence makes it required', () => {
    const p = gl('^[Docs]\na.md @a\n[docs]\nb.md @b\n');
    expect(p.sections).toHaveLength(1);
    expect(p.sections[0].optional).toBe(false);
    expect(p.rules.map((r) => r.section)).toEqual(['Docs', 'Docs']);
  });

  it('accepts exclusions, nested groups and roles', () => {
    const p = gl('!pom.xml\n/config/ @@maintainer @group/sub/subsub\n');
    expect(p.errors).toEqual([]);
    expect(p.rules[0]).toEqual({ line: 1, pattern: 'pom.xml', owners: [], exclusion: true });
    expect(p.rules[1].owners).toEqual(['@@maintainer', '@group/sub/subsub']);
  });
});
