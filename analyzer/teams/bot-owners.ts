// A CODEOWNERS owner that is a bot account (`* @workers-devprod`, an account whose commits are
// all `ANT Bot` releases): approval is delegated to a tool, not to a team. Such an owner is
// `role: "bot"` — no score, no members, no coupling, never a delivery team — and the report says
// the CODEOWNERS delegates approval to it. An owner is a bot when every owner of its team is a
// handle that names an account treated as a bot (its noreply handle or email local part), or is
// named like one (`…bot`, `…-bot`, `…[bot]`).
import type { DroppedBot } from '../history/mine';
import { noreplyHandle } from '../history/identity';
import type { Rule, Team } from '../model/types';
import { handleKey } from '../people/names';

/** Handle keys of the accounts treated as bots: noreply handles, email local parts, one-word names. */
export function botHandles(bots: DroppedBot[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const b of bots) {
    const shown = `${b.name} <${b.email}>`;
    const handle = noreplyHandle(b.email);
    for (const k of [handle, b.email.split('@')[0], /^\S+$/.test(b.name.trim()) ? b.name : null]) {
      if (k) out.set(handleKey(k).replace(/\[bot\]$/, ''), shown);
    }
  }
  return out;
}

/** Team id → why it is a bot owner. */
export function botOwnerTeams(teams: Team[], handles: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of teams) {
    if (!t.owners.length) continue;
    const why = t.owners.map((o) => whyBot(o, handles));
    if (why.every((w) => w !== null)) out.set(t.id, why.join('; '));
  }
  return out;
}

/** A CODEOWNERS rule whose every owner is a bot account: the files it decides are approved by a tool. */
export interface BotRule {
  file: string;
  line: number;
  pattern: string;
  owners: string[];
  why: string;
  /** A forge CODEOWNERS beside the Codeowners Plus files Conway reads (not the ownership scored). */
  beside?: boolean;
}

/** Rules (of the file `path`, or each rule's own file) whose owners are all bot accounts. */
export function botRules(rules: Rule[], path: string, handles: Map<string, string>): BotRule[] {
  const out: BotRule[] = [];
  for (const r of rules) {
    if (!r.owners.length || r.exclusion) continue;
    const why = r.owners.map((o) => whyBot(o, handles));
    if (why.every((w) => w !== null))
      out.push({ file: r.file ?? path, line: r.line, pattern: r.pattern, owners: r.owners, why: why.join('; ') });
  }
  return out;
}

/** The line `validate` and `review` print for such a rule. */
export function botRuleMessage(b: BotRule): string {
  const what = b.beside
    ? 'Conway reads the Codeowners Plus rules that tool enforces instead'
    : 'Conway scores no team for the files this rule decides';
  return `'${b.pattern}' delegates approval to a bot: ${b.why} — approval is given by another tool (the bot approves when its own checks pass); ${what}`;
}

function whyBot(owner: string, handles: Map<string, string>): string | null {
  const key = handleKey(owner)
    .split('/')
    .pop()!
    .replace(/\[bot\]$/, '');
  const account = handles.get(key);
  if (account) return `${owner} is the account ${account}, treated as a bot`;
  return /(?:bot|-bot|\[bot\])$/i.test(handleKey(owner)) ? `${owner} is named like a bot` : null;
}
