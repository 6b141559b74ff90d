// Who owns a path, by the flavour's rules:
//  - GitHub: the last matching rule decides; a matching rule without owners leaves the file unowned.
//  - GitLab: each section (rules before the first header form an unnamed one) decides on its own
//    by its last matching rule; a matching `!` exclusion removes the path from that section;
//    the owners are the union over sections, in file order.
import type { OwnerMatch, Rule } from '../model/types';
import { compileGithubPattern } from './glob-github';
import { compileGitlabPattern, normalizeGitlabPattern } from './glob-gitlab';
import type { ParsedCodeowners } from './parse';
import { allMatching, literalPrefix, RuleIndex, type Indexed } from './rule-index';

export interface OwnerMatcher {
  match(path: string): OwnerMatch;
  /** Every rule whose pattern matches the path, deciding or not (validation uses it). */
  matchingRules(path: string): Rule[];
}

export function createMatcher(parsed: ParsedCodeowners): OwnerMatcher {
  return parsed.flavor === 'gitlab' ? gitlabMatcher(parsed.rules) : githubMatcher(parsed.rules);
}

function githubMatcher(rules: Rule[]): OwnerMatcher {
  const index = new RuleIndex<Rule>();
  rules.forEach((rule, order) =>
    index.add({ item: rule, order, pattern: compileGithubPattern(rule.pattern), prefix: githubPrefix(rule.pattern) }),
  );
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
  // One index of every section's rules, not one per section: a path meets only the rules of its
  // directories (and the unanchored ones), so 45,000 sections cost what their matching rules cost.
  const include = new RuleIndex<Rule>();
  const exclude = new RuleIndex<Rule>();
  const sectionOrder = new Map<string, number>();
  rules.forEach((rule, order) => {
    const key = sectionKey(rule);
    if (!sectionOrder.has(key)) sectionOrder.set(key, sectionOrder.size);
    const normalized = normalizeGitlabPattern(rule.pattern);
    const prefix = normalized.startsWith('/**/') ? [] : literalPrefix(normalized.slice(1).split('/'));
    (rule.exclusion ? exclude : include).add({
      item: rule,
      order,
      pattern: compileGitlabPattern(rule.pattern),
      prefix,
    });
  });
  const bySection = (a: Rule, b: Rule) => sectionOrder.get(sectionKey(a))! - sectionOrder.get(sectionKey(b))!;
  return {
    match(path) {
      const excluded = new Set(allMatching(exclude, path).map((e) => sectionKey(e.item)));
      const last = new Map<string, Indexed<Rule>>();
      for (const e of allMatching(include, path)) {
        const key = sectionKey(e.item);
        const best = last.get(key);
        if (!excluded.has(key) && (!best || e.order > best.order)) last.set(key, e);
      }
      const decided = [...last.values()].map((e) => e.item).sort(bySection);
      const owners = [...new Set(decided.flatMap((r) => r.owners))];
      return { owners, rule: decided[0] ?? null, sectionRules: decided };
    },
    matchingRules(path) {
      return [...allMatching(include, path), ...allMatching(exclude, path)].map((e) => e.item).sort(bySection);
    },
  };
}

/** Section names compare case-insensitively (GitLab combines `[Docs]` and `[docs]`). */
function sectionKey(rule: Rule): string {
  return (rule.section ?? '').toLowerCase();
}
