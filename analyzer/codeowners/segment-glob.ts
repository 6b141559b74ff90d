// Linear-time glob matching for CODEOWNERS, shared by both flavours. Backtracking regular
// expressions went exponential on hostile patterns (`*a*a…*a*b` against a 60-character name,
// 2,000 `**/` segments: minutes per path). Here a pattern is a sequence of items over path
// segments — one segment matched by a segment glob, or `**`, any number of segments — and both
// levels use the classic wildcard algorithm that backtracks only to the last star (Kirk Krauss,
// "Matching Wildcards", Dr. Dobb's 2008). Per-element predicates keep it exact, and the work is
// at most (pattern length × path length): every item meets every segment at most once per star.

/** One character test inside a segment: a literal, `?`, or a `[...]` class (GitLab). */
export type CharTest = string | { any: true } | { ranges: [string, string][]; negate: boolean };

/** `*` inside a segment: two characters, so it never equals a literal token (one UTF-16 unit, an escaped `\*` included). */
export const STAR = '**' as const;
export type Token = CharTest | typeof STAR;

/** A compiled glob for one path segment: `*` runs and character tests. */
export type SegmentGlob = { literal: string } | { tokens: Token[]; nonEmpty: boolean };

/** `**`: any number of whole segments (at least `min`). */
export type Item = SegmentGlob | { deep: true };

export const DEEP: Item = { deep: true };
/** Any single segment; `nonEmpty` for a lone `*` (`[^/]+`). */
export function anySegment(nonEmpty: boolean): SegmentGlob {
  return { tokens: [STAR], nonEmpty };
}

/** Matches no path (the pattern `/`). */
export const NOTHING: Item[] = [{ tokens: [], nonEmpty: true }];

export function matchSegments(items: Item[], segs: string[]): boolean {
  let i = 0;
  let s = 0;
  let star = -1;
  let starS = 0;
  while (s < segs.length) {
    const item = items[i];
    if (i < items.length && !('deep' in item) && matchSegment(item, segs[s])) {
      i++;
      s++;
    } else if (i < items.length && 'deep' in item) {
      star = i++;
      starS = s;
    } else if (star >= 0) {
      i = star + 1;
      s = ++starS;
    } else return false;
  }
  while (i < items.length && 'deep' in items[i]) i++;
  return i === items.length;
}

export function matchSegment(glob: SegmentGlob, seg: string): boolean {
  if ('literal' in glob) return glob.literal === seg;
  if (glob.nonEmpty && seg.length === 0) return false;
  const t = glob.tokens;
  let p = 0;
  let c = 0;
  let star = -1;
  let starC = 0;
  while (c < seg.length) {
    if (p < t.length && t[p] !== STAR && testChar(t[p] as CharTest, seg[c])) {
      p++;
      c++;
    } else if (p < t.length && t[p] === STAR) {
      star = p++;
      starC = c;
    } else if (star >= 0) {
      p = star + 1;
      c = ++starC;
    } else return false;
  }
  while (p < t.length && t[p] === STAR) p++;
  return p === t.length;
}

function testChar(test: CharTest, ch: string): boolean {
  if (typeof test === 'string') return test === ch;
  if ('any' in test) return true;
  const hit = test.ranges.some(([lo, hi]) => ch >= lo && ch <= hi);
  return hit !== test.negate;
}

/** A segment glob from tokens, as a plain string comparison when it has no wildcard. */
export function segmentGlob(tokens: Token[], nonEmpty = false): SegmentGlob {
  if (tokens.every((t) => typeof t === 'string' && t !== STAR)) return { literal: tokens.join('') };
  return { tokens, nonEmpty };
}

/** Matches a whole path against the items (`/`-separated segments). */
export function pathPattern(items: Item[]): { items: Item[]; test(path: string): boolean } {
  return { items, test: (path: string) => matchSegments(items, path.split('/')) };
}
