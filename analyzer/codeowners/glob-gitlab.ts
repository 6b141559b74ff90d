// GitLab CODEOWNERS patterns → RegExp, following GitLab's implementation
// (ee/lib/gitlab/code_owners/file.rb): the pattern is normalised, then matched against `/<path>`
// with Ruby's File.fnmatch?(pattern, path, FNM_DOTMATCH | FNM_PATHNAME):
//  - `*` alone → `/**/*` (every file); `\#` → `#`; `\ ` → space;
//  - no leading `/` → prefixed with `/**/` (matches at any depth, even with a `/` inside:
//    `internal/README.md` matches docs/internal/README.md — unlike GitHub);
//  - a trailing `/` → `dir/**/*` (everything below);
//  - otherwise the pattern names files only: `/docs` does not own docs/a.md.
// fnmatch semantics: `*`, `?` and `[...]` never cross `/`; `**/` matches zero or more directories;
// a `**` not followed by `/` is a plain `*`; dotfiles match (FNM_DOTMATCH).
import { escapeRegex } from './glob-github';

export function normalizeGitlabPattern(raw: string): string {
  let p = raw.replace(/^\\#/, '#').replace(/\\\s+/g, ' ');
  if (p === '*') return '/**/*';
  if (!p.startsWith('/')) p = `/**/${p}`;
  if (p.endsWith('/')) p = `${p}**/*`;
  return p;
}

export function compileGitlabPattern(raw: string): RegExp {
  const p = normalizeGitlabPattern(raw);
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    if (ch === '*' && p[i + 1] === '*' && p[i + 2] === '/' && (i === 0 || p[i - 1] === '/')) {
      re += '(?:[^/]*/)*';
      i += 2;
    } else if (ch === '*') {
      while (p[i + 1] === '*') i++;
      re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const end = p.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        re += bracket(p.slice(i + 1, end));
        i = end;
      }
    } else if (ch === '\\' && i + 1 < p.length) re += escapeRegex(p[++i]);
    else re += escapeRegex(ch);
  }
  // Paths are matched with a leading slash, as GitLab does.
  return new RegExp(`^${re}$`);
}

function bracket(body: string): string {
  const negate = body.startsWith('!') || body.startsWith('^');
  const inner = (negate ? body.slice(1) : body).replace(/[\\\]]/g, '\\$&');
  return negate ? `(?!/)[^${inner}]` : `[${inner}]`;
}
