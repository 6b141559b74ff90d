// Who owns a path under Codeowners Plus (pkg/codeowners/codeowners.go): walk from the file's
// directory up to the root; in each directory with a `.codeowners` file try its owner rules in
// precedence order (specificity(), later lines first), the path taken relative to that directory.
// The first match is the primary owner group — so any owner rule of a parent directory beats
// the fallback `*` of the file's own directory (README "Priority"). Without one, the nearest
// directory's fallback owns it. Every matching `&` rule of every ancestor adds a required group;
// every matching `?` rule an optional one. Owners are the primary group plus the `&` groups.
import type { OwnerMatch, Rule } from '../../model/types';
import type { OwnerMatcher } from '../../codeowners/matcher';
import { githubTokens } from '../../codeowners/glob-github';
import { DEEP, matchSegments, segmentGlob, type Item } from '../../codeowners/segment-glob';
import { specificity, type PlusRule } from './parse';

interface Compiled {
  rule: PlusRule;
  items: Item[];
}

interface DirRules {
  owner: Compiled[];
  fallback: PlusRule | null;
  and: Compiled[];
  optional: Compiled[];
}

export function createPlusMatcher(rules: PlusRule[], ignore: string[] = []): OwnerMatcher {
  const dirs = indexByDirectory(rules);
  const ignored = (path: string) => ignore.some((d) => path === d || path.startsWith(`${d}/`));
  const matching = (path: string, pick: (d: DirRules) => Compiled[]) => {
    const out: PlusRule[] = [];
    for (const [d, rel] of ancestors(path))
      for (const c of pick(dirs.get(d) ?? EMPTY)) if (matchSegments(c.items, rel)) out.push(c.rule);
    return out;
  };
  return {
    match(path): OwnerMatch {
      if (ignored(path)) return { owners: [], rule: null };
      const primary = primaryRule(dirs, path);
      const and = dedupeGroups(
        matching(path, (d) => d.and),
        primary,
      );
      const optional = dedupeGroups(
        matching(path, (d) => d.optional),
        null,
      );
      const decided: Rule[] = primary ? [primary, ...and] : and;
      const m: OwnerMatch = { owners: [...new Set(decided.flatMap((r) => r.owners))], rule: decided[0] ?? null };
      if (and.length) m.sectionRules = decided;
      if (optional.length) m.optionalRules = optional;
      return m;
    },
    matchingRules(path) {
      if (ignored(path)) return [];
      const fallbacks = ancestors(path)
        .map(([d]) => dirs.get(d)?.fallback)
        .filter((r): r is PlusRule => !!r);
      return [...matching(path, (d) => [...d.owner, ...d.and, ...d.optional]), ...fallbacks];
    },
  };
}

const EMPTY: DirRules = { owner: [], fallback: null, and: [], optional: [] };

function primaryRule(dirs: Map<string, DirRules>, path: string): PlusRule | null {
  const chain = ancestors(path);
  for (const [d, rel] of chain)
    for (const c of dirs.get(d)?.owner ?? []) if (matchSegments(c.items, rel)) return c.rule;
  for (const [d] of chain) {
    const f = dirs.get(d)?.fallback;
    if (f) return f;
  }
  return null;
}

/** The file's directory and each parent up to the root ('' ), with the path's segments relative to each. */
function ancestors(path: string): [string, string[]][] {
  const segs = path.split('/');
  const out: [string, string[]][] = [];
  for (let n = segs.length - 1; n >= 0; n--) out.push([segs.slice(0, n).join('/'), segs.slice(n)]);
  return out;
}

function indexByDirectory(rules: PlusRule[]): Map<string, DirRules> {
  const dirs = new Map<string, DirRules>();
  for (const rule of [...rules].reverse()) {
    let d = dirs.get(rule.dir);
    if (!d) dirs.set(rule.dir, (d = { owner: [], fallback: null, and: [], optional: [] }));
    if (rule.plusKind === 'fallback')
      d.fallback ??= rule; // the last `*` line wins
    else d[rule.plusKind].push({ rule, items: compileRelative(rule.relative) });
  }
  for (const d of dirs.values())
    for (const list of [d.owner, d.and, d.optional])
      list.sort((a, b) => specificity(a.rule.relative) - specificity(b.rule.relative));
  return dirs;
}

/** doublestar semantics: `*` and `?` stay inside a segment, `**` spans any number of them (zero too). */
function compileRelative(pattern: string): Item[] {
  return pattern.split('/').map((seg) => (seg === '**' ? DEEP : segmentGlob(githubTokens(seg), seg === '*')));
}

/** One group per owner set (Codeowners Plus dedupes reviewer groups); none equal to the primary's. */
function dedupeGroups(rules: PlusRule[], primary: PlusRule | null): PlusRule[] {
  const key = (r: Rule) =>
    r.owners
      .map((o) => o.toLowerCase())
      .sort()
      .join(' ');
  const seen = new Set(primary ? [key(primary)] : []);
  return rules.filter((r) => !seen.has(key(r)) && !!seen.add(key(r)));
}
