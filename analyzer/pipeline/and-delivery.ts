// Who delivers a file that Codeowners Plus gives an `&` (AND) group. The repository's default
// owner — the teams of the root `.codeowners` fallback `*` rule, the catch-all every file falls
// through to — approves every file; an `&` rule names the team that must approve it too
// because it is that team's code (workers-sdk: `* @cloudflare/wrangler`, then
// `& packages/wrangler/src/d1/** @cloudflare/d1`). Counting the default owner as a deliverer of
// such a file puts it in every file's delivery set, so every commit is internal to it and team
// coupling reads 0. The rule (docs/metrics.md, "Who delivers a file under an AND rule"): a file
// with `&` groups is delivered by its owners minus the default owner's teams, unless nothing
// would be left. A primary owner other than the default owner (a specific rule) keeps
// delivering beside the `&` groups. Approvals (`conway review`) are unchanged: the forge still
// needs the default owner's approval.
import { ruleKey } from '../codeowners/parse';
import type { Rule } from '../model/types';
import type { Ownership } from '../ownership';

/** Root `.codeowners` file (Codeowners Plus): its `*` line is the fallback of the whole repository. */
const ROOT_PLUS_FILE = '.codeowners';

/** `(path, delivery)` → the delivery under the AND rule, or null when it does not apply; null when the ownership has no default owner. */
export function andRuleDelivery(ownership: Ownership): ((path: string, delivery: string[]) => string[] | null) | null {
  const co = ownership.codeowners;
  if (co?.source !== 'codeowners-plus') return null;
  const fallback = co.rules.filter((r) => r.file === ROOT_PLUS_FILE && r.pattern === '*' && r.kind === undefined).pop();
  if (!fallback?.owners.length) return null;
  const defaults = new Set(ownership.teamsOfOwners(fallback.owners));
  const rules = new Map<string, Rule>(co.rules.map((r) => [ruleKey(r), r]));
  const same = new Map<string, string[]>(); // one array per answer, so per-array caches downstream keep working
  return (path, delivery) => {
    if (!delivery.some((t) => defaults.has(t))) return null;
    const and = (ownership.who(path).sectionRules ?? []).filter(
      (r) => r.kind === 'and' && rules.get(ruleKey(r))?.owners.length,
    );
    if (!and.length) return null;
    const left = delivery.filter((t) => !defaults.has(t));
    if (!left.length) return null;
    const key = left.join('\0');
    return same.get(key) ?? same.set(key, left).get(key)!;
  };
}
