// GitLab CODEOWNERS patterns → segment items (segment-glob.ts, linear time), following GitLab's
// implementation (ee/lib/gitlab/code_owners/file.rb): the pattern is normalised, then matched
// against `/<path>` with Ruby's File.fnmatch?(pattern, path, FNM_DOTMATCH | FNM_PATHNAME):
//  - `*` alone → `/**/*` (every file); `\#` → `#`; `\ ` → space;
//  - no leading `/` → prefixed with `/**/` (matches at any depth, even with a `/` inside:
//    `internal/README.md` matches docs/internal/README.md — unlike GitHub);
//  - a trailing `/` → `dir/**/*` (everything below);
//  - otherwise the pattern names files only: `/docs` does not own docs/a.md.
// fnmatch semantics: `*`, `?` and `[...]` never cross `/` (FNM_PATHNAME matches segment by
// segment, so a class ends within its segment); `**/` matches zero or more directories; a `**`
// not followed by `/` is a plain `*`; dotfiles match (FNM_DOTMATCH). A range written backwards
// (`[z-a]`) is an error for the line (patternProblem), never compiled.
import { DEEP, pathPattern, segmentGlob, STAR, type CharTest, type Item, type Token } from './segment-glob';

export function normalizeGitlabPattern(raw: string): string {
  let p = raw.replace(/^\\#/, '#').replace(/\\\s+/g, ' ');
  if (p === '*') return '/**/*';
  if (!p.startsWith('/')) p = `/**/${p}`;
  if (p.endsWith('/')) p = `${p}**/*`;
  return p;
}

/** Matches repository paths (without GitLab's leading `/`). */
export function compileGitlabPattern(raw: string): ReturnType<typeof pathPattern> {
  const segs = splitSegments(normalizeGitlabPattern(raw).slice(1));
  const items: Item[] = segs.map((seg, i) =>
    seg === '**' && i < segs.length - 1 ? DEEP : segmentGlob(gitlabTokens(seg)),
  );
  return pathPattern(items);
}

/** Why GitLab could not use the pattern, or null. */
export function gitlabPatternProblem(raw: string): string | null {
  try {
    for (const seg of splitSegments(normalizeGitlabPattern(raw))) gitlabTokens(seg);
    return null;
  } catch (e) {
    return `'${raw}': ${(e as Error).message}`;
  }
}

// An escaped slash (`\/`) separates segments like `/`, but a `**` before it is a plain `*`
// (it is not the `**` + `/` that spans directories).
function splitSegments(p: string): string[] {
  const parts = p.split(/(\\\/|\/)/);
  const segs: string[] = [];
  for (let i = 0; i < parts.length; i += 2) segs.push(parts[i] === '**' && parts[i + 1] === '\\/' ? '*' : parts[i]);
  return segs;
}

function gitlabTokens(seg: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < seg.length; i++) {
    const ch = seg[i];
    if (ch === '*') {
      if (out.at(-1) !== STAR) out.push(STAR);
    } else if (ch === '?') out.push({ any: true });
    else if (ch === '[' && seg.indexOf(']', i + 2) >= 0) {
      const end = seg.indexOf(']', i + 2);
      out.push(bracket(seg.slice(i + 1, end)));
      i = end;
    } else if (ch === '\\' && i + 1 < seg.length) out.push(seg[++i]);
    else out.push(ch);
  }
  return out;
}

/** `[...]` body → ranges (`a-z`; a `-` first or last is literal); `!` or `^` first negates. */
function bracket(body: string): CharTest {
  const negate = body.startsWith('!') || body.startsWith('^');
  const chars = (negate ? body.slice(1) : body).split(''); // UTF-16 units, as the path is read
  const ranges: [string, string][] = [];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i + 1] === '-' && i + 2 < chars.length) {
      const [lo, hi] = [chars[i], chars[i + 2]];
      if (lo > hi) throw new Error(`character range [${lo}-${hi}] is out of order — write [${hi}-${lo}]`);
      ranges.push([lo, hi]);
      i += 2;
    } else ranges.push([chars[i], chars[i]]);
  }
  return { ranges, negate };
}
