// GitHub CODEOWNERS patterns → segment items (segment-glob.ts, linear time). GitHub follows
// gitignore with its own documented twists (docs.github.com, "About code owners", example file):
//  - a leading `/`, or a `/` anywhere but the end, anchors the pattern to the repository root;
//    otherwise it matches at any depth (as if prefixed with `**/`);
//  - a trailing `/` matches the directory's contents only (≡ `dir/**`);
//  - a pattern also matches everything below a directory it names (`/apps/github` owns apps/github/x),
//    EXCEPT when its last segment is a lone `*`: `docs/*` owns docs/a.md but not docs/b/c.md, and
//    `/*` owns only files at the root — the two cases popular npm matchers get wrong;
//  - `*` and `?` never cross `/`; `**` spans directories; `\x` is a literal x; matching is
//    case-sensitive and dotfiles are ordinary files; any character may appear in a path
//    (a newline included).
// `!` and `[ ]` are rejected earlier (parse.ts), never compiled.
import { anySegment, DEEP, NOTHING, pathPattern, segmentGlob, STAR, type Item, type Token } from './segment-glob';

export function compileGithubPattern(pattern: string): ReturnType<typeof pathPattern> {
  if (pattern === '/') return pathPattern(NOTHING);
  let segs = pattern.split('/');
  if (segs[0] === '') segs = segs.slice(1);
  else if (segs.length === 1 || (segs.length === 2 && segs[1] === '')) {
    if (segs[0] !== '**') segs = ['**', ...segs];
  }
  if (segs.length > 1 && segs[segs.length - 1] === '') segs[segs.length - 1] = '**';
  return pathPattern(segmentsToItems(segs));
}

function segmentsToItems(segs: string[]): Item[] {
  const last = segs.length - 1;
  const items: Item[] = [];
  segs.forEach((seg, i) => {
    if (seg === '**') {
      // `**` alone is `.+` and a trailing `**` is `/.*`: at least one segment; elsewhere any number.
      if (i === last) items.push(anySegment(i === 0), DEEP);
      else items.push(DEEP);
    } else if (seg === '*') items.push(anySegment(true));
    else {
      items.push(segmentGlob(githubTokens(seg)));
      if (i === last) items.push(DEEP); // also everything below a directory it names
    }
  });
  return items;
}

/** One path segment with `*`, `?` and `\` escapes, other characters literal. */
export function githubTokens(seg: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < seg.length; i++) {
    const ch = seg[i];
    if (ch === '\\' && i + 1 < seg.length) out.push(seg[++i]);
    else if (ch === '*') {
      if (out.at(-1) !== STAR) out.push(STAR);
    } else if (ch === '?') out.push({ any: true });
    else out.push(ch);
  }
  return out;
}
