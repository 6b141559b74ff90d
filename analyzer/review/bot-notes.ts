// What `review` says when an approval the change needs is delegated to a bot account: the rule
// (file:line), the bot and what it means. The bots are those the mined history treats as bots
// (history/bots.ts), as in `conway analyze`; the rules are the base side's, where the forge reads them.
import { parseCodeowners } from '../codeowners/parse';
import { CODEOWNERS_LOCATIONS } from '../codeowners/load';
import type { DroppedBot } from '../history/mine';
import type { Flavor } from '../model/types';
import { botDelegations } from '../ownership/bot-delegations';
import { botHandles, botRuleMessage } from '../teams/bot-owners';
import type { ReviewApproval } from '../contract/review';
import type { SideModel } from './side-model';

export function botApprovalNotes(
  base: SideModel,
  approvals: ReviewApproval[],
  bots: DroppedBot[],
  flavor: Flavor,
): string[] {
  if (!approvals.length) return [];
  const delegations = botDelegations(base.ownership, botHandles(bots), forgeAt(base, flavor));
  const out: string[] = [];
  for (const d of delegations) {
    const group = approvals.find((a) =>
      a.rules.some((r) => (r.file ?? base.ownership.codeowners?.path) === d.file && r.line === d.line),
    );
    if (!group && !d.beside) continue; // a bot-owned rule that decides none of the changed files
    const files = group ? ` (${group.files.length} changed file${group.files.length === 1 ? '' : 's'})` : '';
    out.push(`${d.file}:${d.line}: ${botRuleMessage(d)}${files}`);
  }
  return out;
}

/** The forge's CODEOWNERS on the base side, when Conway reads Codeowners Plus files instead. */
function forgeAt(base: SideModel, flavor: Flavor) {
  if (base.ownership.codeowners?.source !== 'codeowners-plus') return null;
  for (const path of CODEOWNERS_LOCATIONS[flavor]) {
    const text = base.side.read(path);
    if (text !== null) return parseCodeowners(text, path, flavor);
  }
  return null;
}
