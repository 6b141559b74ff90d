// Bot recognition (issue 2, "Identity"): GitHub App accounts end in `[bot]`
// (`dependabot[bot]`, `49699333+dependabot[bot]@users.noreply.github.com`); the usual
// automation accounts are matched by name. Extra patterns are case-insensitive substrings of
// the author's name or email, so `ci-bot@` or `release-please` work without regex syntax.
export const DEFAULT_BOTS = ['dependabot', 'renovate', 'github-actions', 'greenkeeper', 'snyk-bot'];

export type BotTest = (name: string, email: string) => boolean;

/** Builds the predicate once; it is called for every author and co-author. */
export function makeBotTest(extra: string[] = []): BotTest {
  const needles = [...DEFAULT_BOTS, ...extra].map((p) => p.toLowerCase()).filter(Boolean);
  return (name, email) => {
    const n = name.toLowerCase();
    const e = email.toLowerCase();
    if (n.endsWith('[bot]') || e.split('@')[0].endsWith('[bot]')) return true;
    return needles.some((p) => n.includes(p) || e.includes(p));
  };
}
