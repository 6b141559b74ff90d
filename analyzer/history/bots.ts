// Bot recognition: GitHub App accounts end in `[bot]`
// (`dependabot[bot]`, `49699333+dependabot[bot]@users.noreply.github.com`); the usual
// automation accounts are matched by name. So are accounts named like bots without the
// `[bot]` suffix: a one-word git name ending in `bot` (`sentrybot`, `release-bot`), a name whose
// last word is `bot` (`Release Bot`), a noreply handle ending in `bot`, or an email whose local
// part ends in a separated `bot` (`ci-bot@`, `ci.bot@`). A two-word name such as `Jane Talbot`
// is a person. Extra patterns are case-insensitive substrings of the author's name or email, so
// `ci-bot@` or `release-please` work without regex syntax.
// A name alone is not enough for those accounts ("…and whose commits are automated"):
// a name-matched account is a bot only when at least half of its commits in the mined history
// have a machine subject, or at least 80% (and two or more) use its frequent subject templates
// (each used by more than 5% of its commits; automated.ts), so a person whose one-word git name is `abbot` stays a
// person. `[bot]`, DEFAULT_BOTS, AI agents (agents.ts) and `--bots` patterns stay bots whatever
// their subjects.
import { isAgent } from './agents';
import { accountKey, type AccountAutomation, type AutomationTally } from './automated';
import { noreplyHandle } from './identity';

export const DEFAULT_BOTS = ['dependabot', 'renovate', 'github-actions', 'greenkeeper', 'snyk-bot'];

/** Share of automated commits from which a name-matched account is a bot. */
export const AUTOMATED_SHARE = 0.5;
/** Share of commits in the account's frequent subject templates (automated.ts) from which it is a bot too. */
export const TEMPLATED_SHARE = 0.8;

export interface BotTest {
  (name: string, email: string): boolean;
  /** Why an account named like a bot was kept as a person, or null (not named like one, or a bot). */
  keptReason(name: string, email: string): string | null;
}

/**
 * Builds the predicate once; it is called for every author and co-author. `tally` is the
 * automated/total count per account over the mined history; without it (or for an account with
 * no authored commits, e.g. only a co-author) the name alone decides.
 */
export function makeBotTest(extra: string[] = [], tally?: AutomationTally): BotTest {
  const needles = [...DEFAULT_BOTS, ...extra].map((p) => p.toLowerCase()).filter(Boolean);
  const verdict = (name: string, email: string): Verdict => {
    const n = name.trim().toLowerCase();
    const e = email.trim().toLowerCase();
    if (n.endsWith('[bot]') || e.split('@')[0].endsWith('[bot]')) return BOT;
    if (needles.some((p) => n.includes(p) || e.includes(p)) || isAgent(e)) return BOT;
    if (!namedLikeBot(n, e)) return PERSON;
    return automationVerdict(tally?.get(accountKey(name, email)));
  };
  const test = ((name: string, email: string) => verdict(name, email).bot) as BotTest;
  test.keptReason = (name, email) => verdict(name, email).reason;
  return test;
}

interface Verdict {
  bot: boolean;
  reason: string | null;
}
const BOT: Verdict = { bot: true, reason: null };
const PERSON: Verdict = { bot: false, reason: null };

function automationVerdict(t: AccountAutomation | undefined): Verdict {
  if (!t || t.total === 0 || t.automated >= AUTOMATED_SHARE * t.total) return BOT;
  if (t.templated >= 2 && t.templated >= TEMPLATED_SHARE * t.total) return BOT;
  return {
    bot: false,
    reason: `named like a bot, but ${t.automated} of ${t.total} commit${t.total === 1 ? '' : 's'} look automated`,
  };
}

/** Name or handle ends in `bot` (lowercased input). */
function namedLikeBot(name: string, email: string): boolean {
  if (/^\S+bot$/.test(name) || /[\s_-]bot$/.test(name)) return true;
  if (noreplyHandle(email)?.endsWith('bot')) return true;
  return /(?:^|[-_.+])bot$/.test(email.split('@')[0]);
}
