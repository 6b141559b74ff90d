// The matcher for a parsed ownership source: CODEOWNERS (GitHub or GitLab) or Codeowners Plus.
// Chosen here, above both rooms, so codeowners/ and sources/ never import each other both ways.
import { createMatcher, type OwnerMatcher } from '../codeowners/matcher';
import type { ParsedCodeowners } from '../codeowners/parse';
import { createPlusMatcher } from '../sources/codeowners-plus/matcher';
import type { PlusRule } from '../sources/codeowners-plus/parse';

export function matcherFor(parsed: ParsedCodeowners): OwnerMatcher {
  return parsed.source === 'codeowners-plus'
    ? createPlusMatcher(parsed.rules as PlusRule[], parsed.ignore)
    : createMatcher(parsed);
}
