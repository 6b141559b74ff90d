// Who owns a path, by the flavour's rules:
//  - GitHub: the last matching rule decides; a matching rule without owners leaves the file unowned.
//  - GitLab: each section (rules before the first header form an unnamed one) decides on its own
//    by its last matching rule; a matching `!` exclusion removes the path from that section;
//    the owners are the union over sections, in file order.
import type { OwnerMatch, Rule } from '../model/types';
import { compileGithubPattern } from './glob-github';
import { compileGitlabPattern, normalizeGitlabPattern } from './glob-gitlab';
import type { ParsedCodeowners } from './parse';
import { allMatching, literalPrefix, RuleIndex } from './rule-index';
import { createPlusMatcher } from '../sources/codeowners-plus/matcher';
import type { PlusRule } from '../sources/codeowners-plus/parse';

export interface OwnerMatcher {
  match(path: string): OwnerMatch;
  /** Every rule whose pattern matches the path, deciding or not (validation uses it). */
  matchingRules(path: string): Rule[];
}

export function createMatcher(parsed: ParsedCodeowners): OwnerMatcher {
  if (parsed.source === 'codeowners-plus') return createPlusMatcher(parsed.rules as PlusRule[], parsed.ignore);
  return parsed.flavor === 'gitlab' ? gitlabMatcher(parsed.rules) : githubMatcher(parsed.rules);
}

function githubMatcher(rules: Rule[]): OwnerMatcher {
  const index = new RuleIndex<Rule>();
  rules.forEach((rule, order) => index.add({ item: rule, order, pattern: compileGithubPattern(rule.pattern), prefix: githubPrefix(rule.pattern) }));
  return {
    match(path) {
      const hit = index.last(path)?.item ?? null;
      return { owners: hit ? [...hit.owners] : [], rule: hit };
    },
    matchingRules: (path) => allMatching(index, path).map((e) => e.item),
  };
}

function githubPrefix(pattern: string): string[] {
  const body = pattern.startsWith('/') ? pattern.slice(1) : pattern;
  const anchored = pattern.startsWith('/') || body.replace(/\/$/, '').includes('/');
  return anchored ? literalPrefix(body.split('/')) : [];
}

function gitlabMatcher(rules: Rule[]): OwnerMatcher {
  const sections = new Map<string, { include: RuleIndex<Rule>; exclude: RuleIndex<Rule> }>();
  rules.forEach((rule, order) => {
    const key = (rule.section ?? '').toLowerCase();
    let s = sections.get(key);
    if (!s) sections.set(key, (s = { include: new RuleIndex(), exclude: new RuleIndex() }));
    const normalized = normalizeGitlabPattern(rule.pattern);
    const prefix = normalized.startsWith('/**/') ? [] : literalPrefix(normalized.slice(1).split('/'));
    (rule.exclusion ? s.exclude : s.include).add({ item: rule, order, pattern: compileGitlabPattern(rule.pattern), prefix });
  });
  return {
    match(path) {
      const decided: Rule[] = [];
      for (const s of sections.values()) {
        if (s.exclude.last(path)) continue;
        const hit = s.include.last(path);
        if (hit) decided.push(hit.item);
      }
      const owners = [...new Set(decided.flatMap((r) => r.owners))];
      return { owners, rule: decided[0] ?? null, sectionRules: decided };
    },
    matchingRules(path) {
      return [...sections.values()].flatMap((s) => [...allMatching(s.include, path), ...allMatching(s.exclude, path)]).map((e) => e.item);
    },
  };
}
