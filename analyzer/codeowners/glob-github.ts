// GitHub CODEOWNERS patterns → RegExp. GitHub follows gitignore with its own documented twists
// (docs.github.com, "About code owners", example file):
//  - a leading `/`, or a `/` anywhere but the end, anchors the pattern to the repository root;
//    otherwise it matches at any depth (as if prefixed with `**/`);
//  - a trailing `/` matches the directory's contents only (≡ `dir/**`);
//  - a pattern also matches everything below a directory it names (`/apps/github` owns apps/github/x),
//    EXCEPT when its last segment is a lone `*`: `docs/*` owns docs/a.md but not docs/b/c.md, and
//    `/*` owns only files at the root — the two cases popular npm matchers get wrong;
//  - `*` and `?` never cross `/`; `**` spans directories; `\x` is a literal x; matching is
//    case-sensitive and dotfiles are ordinary files.
// `!` and `[ ]` are rejected earlier (parse.ts), never compiled.

export function compileGithubPattern(pattern: string): RegExp {
  if (pattern === '/') return /(?!)/;
  let segs = pattern.split('/');
  if (segs[0] === '') segs = segs.slice(1);
  else if (segs.length === 1 || (segs.length === 2 && segs[1] === '')) {
    if (segs[0] !== '**') segs = ['**', ...segs];
  }
  if (segs.length > 1 && segs[segs.length - 1] === '') segs[segs.length - 1] = '**';
  return new RegExp(`^${segmentsToRegex(segs)}$`);
}

function segmentsToRegex(segs: string[]): string {
  const last = segs.length - 1;
  let re = '';
  let needSlash = false;
  segs.forEach((seg, i) => {
    if (seg === '**') {
      if (i === 0 && i === last) re += '.+';
      else if (i === 0) re += '(?:.+/)?';
      else if (i === last) re += '/.*';
      else re += '(?:/.+)?';
      needSlash = i !== 0;
      return;
    }
    if (needSlash) re += '/';
    if (seg === '*') re += '[^/]+';
    else re += globSegment(seg) + (i === last ? '(?:/.*)?' : '');
    needSlash = true;
  });
  return re;
}

/** One path segment with `*`, `?` and `\` escapes, other characters literal. */
export function globSegment(seg: string): string {
  let out = '';
  for (let i = 0; i < seg.length; i++) {
    const ch = seg[i];
    if (ch === '\\' && i + 1 < seg.length) out += escapeRegex(seg[++i]);
    else if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else out += escapeRegex(ch);
  }
  return out;
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
