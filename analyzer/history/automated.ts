// Issue 9, "Bots": is a commit automated? Decided from its subject while git log is parsed, and
// kept as one boolean per commit (subjects are never stored: ~400 bytes/commit at 1M commits).
// Machine subjects are those dependency bots, release tools and CI sync jobs write:
//   dependency bumps  `Bump x from 1 to 2`, `chore(deps): …`, `build(deps-dev): …`, `Update dependency …`
//   releases          `Release v1.2.3`, `chore(release): …`, `Version Packages`, `v1.2.3`, `[release] …`, `Publish`
//   generated / sync  `Update …lock…`, `[skip ci]`/`[ci skip]`, `Sync …`, `Auto-update …`,
//                     `Apply automatic changes`, `Merge … into …`
// and a subject repeating the same account's previous subject template (digits, versions and
// hashes blanked), so an account that writes one templated subject over and over counts as
// automated too (≥ 80% identical subjects ⇒ ≥ ~80% automated commits, above the 50% rule).
const MACHINE_SUBJECTS: RegExp[] = [
  /^bump\s+\S+.*\s+from\s+\S+\s+to\s+\S+/i,
  /^(?:chore|build|fix|ci)\((?:deps|deps-dev|dependencies|release)\)/i,
  /^update\s+(?:dependency|dependencies|module)\b/i,
  /^(?:release|releasing|prepare release|publish(?:ed)?)\b:?\s*v?\d+\.\d+/i,
  /^(?:release|publish|version packages)$/i,
  /^v?\d+\.\d+\.\d+(?:[-+][\w.]+)?$/i,
  /^\[(?:release|bot|auto|automated)\]/i,
  /\[(?:skip ci|ci skip|no ci|skip actions)\]/i,
  /^update\b.*(?:lockfile|lock file|\.lock\b|-lock\.(?:json|yaml))/i,
  /^(?:sync|auto-?update|auto-?generated?|regenerate|apply automatic changes)\b/i,
  /^merge\s+.+\s+into\s+\S+/i,
];

/** A subject a tool wrote (patterns above). */
export function machineSubject(subject: string): boolean {
  const s = subject.trim();
  return MACHINE_SUBJECTS.some((re) => re.test(s));
}

/** The subject with what changes between runs blanked: `Release v1.2.3 (abc1234)` → `release v# (#)`. */
export function subjectTemplate(subject: string): string {
  return subject.trim().toLowerCase().replace(/\b[0-9a-f]{7,40}\b/g, '#').replace(/v?\d+(?:[.\-]\d+)*(?:[-+][\w.]+)?/g, '#');
}

/** Per parse run: remembers each account's previous subject template (memory per account, not per commit). */
export class AutomationDetector {
  private readonly last = new Map<string, string>();

  automated(name: string, email: string, subject: string): boolean {
    const key = `${name}\x1f${email}`;
    const template = subjectTemplate(subject);
    const repeated = template !== '' && this.last.get(key) === template;
    this.last.set(key, template);
    return repeated || machineSubject(subject);
  }
}

/** Automated and total commits per account (`name \x1f lowercased email`), over the whole mined history. */
export type AutomationTally = Map<string, { automated: number; total: number }>;

export function accountKey(name: string, email: string): string {
  return `${name}\x1f${email.toLowerCase()}`;
}

export function tallyAutomation(commits: Iterable<{ name: string; email: string; automated?: boolean }>): AutomationTally {
  const tally: AutomationTally = new Map();
  for (const c of commits) {
    const key = accountKey(c.name, c.email);
    const t = tally.get(key) ?? tally.set(key, { automated: 0, total: 0 }).get(key)!;
    t.total++;
    if (c.automated) t.automated++;
  }
  return tally;
}
