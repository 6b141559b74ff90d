// Bot recognition (issue 2, "Identity"; issue 9, "Bots"): GitHub App accounts end in `[bot]`
// (`dependabot[bot]`, `49699333+dependabot[bot]@users.noreply.github.com`); the usual
// automation accounts are matched by name. Issue 9 adds accounts named like bots without the
// `[bot]` suffix: a one-word git name ending in `bot` (`sentrybot`, `release-bot`), a name whose
// last word is `bot` (`Release Bot`), a noreply handle ending in `bot`, or an email whose local
// part ends in a separated `bot` (`ci-bot@`, `ci.bot@`). A two-word name such as `Jane Talbot`
// is a person. Extra patterns are case-insensitive substrings of the author's name or email, so
// `ci-bot@` or `release-please` work without regex syntax.
import { noreplyHandle } from './identity';

export const DEFAULT_BOTS = ['dependabot', 'renovate', 'github-actions', 'greenkeeper', 'snyk-bot'];

export type BotTest = (name: string, email: string) => boolean;

/** Builds the predicate once; it is called for every author and co-author. */
export function makeBotTest(extra: string[] = []): BotTest {
  const needles = [...DEFAULT_BOTS, ...extra].map((p) => p.toLowerCase()).filter(Boolean);
  return (name, email) => {
    const n = name.trim().toLowerCase();
    const e = email.trim().toLowerCase();
    if (n.endsWith('[bot]') || e.split('@')[0].endsWith('[bot]')) return true;
    return namedLikeBot(n, e) || needles.some((p) => n.includes(p) || e.includes(p));
  };
}

/** Name or handle ends in `bot` (lowercased input). */
function namedLikeBot(name: string, email: string): boolean {
  if (/^\S+bot$/.test(name) || /[\s_-]bot$/.test(name)) return true;
  if (noreplyHandle(email)?.endsWith('bot')) return true;
  return /(?:^|[-_.+])bot$/.test(email.split('@')[0]);
}
