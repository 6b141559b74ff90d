// Rules that hand approval to a bot account: the ownership source's own rules and, when Conway
// reads Codeowners Plus files instead, the forge's CODEOWNERS beside them (`* @workers-devprod`:
// the account that approves once Codeowners Plus's rules are met). `validate` and `review` name
// each one so a lead knows that approval there comes from a tool, not from a team Conway scores.
import { loadCodeowners } from '../codeowners/load';
import type { ParsedCodeowners } from '../codeowners/parse';
import { botRules, type BotRule } from '../teams/bot-owners';
import type { Ownership } from '.';

export function botDelegations(
  own: Ownership,
  handles: Map<string, string>,
  forge?: ParsedCodeowners | null,
): BotRule[] {
  const co = own.codeowners;
  if (!co) return [];
  const out = botRules(co.rules, co.path, handles);
  if (co.source === 'codeowners-plus') {
    const beside = forge === undefined ? loadCodeowners(own.root, { flavor: own.flavor }) : forge;
    if (beside) out.push(...botRules(beside.rules, beside.path, handles).map((b) => ({ ...b, beside: true })));
  }
  return out;
}
