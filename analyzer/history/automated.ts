// Is a commit automated? Decided from its subject while git log is parsed.
// Subjects are never stored (~400 bytes/commit at 1M commits): each commit keeps one small
// integer, its subject print — bit 0 says the subject is machine-written, the other 30 bits
// hash the subject's template (digits, versions and hashes blanked). A 31-bit integer is a V8
// Smi, stored in the object's slot like a boolean would be: no extra memory per commit.
// Machine subjects are those dependency bots, release tools and CI sync jobs write:
//   dependency bumps  `Bump x from 1 to 2`, `chore(deps): …`, `feat(deps): …`, `build(deps-dev): …`, `Update dependency …`,
//                     `chore: bump chromium in DEPS to 123.0.1`, `Roll v8 to 4f3a9c1` (a version or hash after `to`)
//   releases          `Release v1.2.3`, `release: 8.1.0`, `chore(release): …`, `Version Packages`, `v1.2.3`, `[release] …`, `Publish`
//   generated / sync  `Update …lockfile`, `[skip ci]`/`[ci skip]`, `Sync …`, `Auto-update …`,
//                     `Apply automatic changes`, `Merge … into …`
// The template hash lets the tally find an account that repeats one templated subject
// (`snapshot 2024-01-01`, `snapshot 2024-01-02`, …) without any subject in memory.
const MACHINE_SUBJECTS: RegExp[] = [
  /^bump\s+\S+.*\s+from\s+\S+\s+to\s+\S+/i,
  /^(?:[a-z]+(?:\([^)]*\))?!?:\s*)?(?:bump|roll|upgrade|update)\s+\S.*\s+to\s+(?:v?\d+[.\d]*\b|[0-9a-f]{7,40}\b)/i,
  /^[a-z]+!?\((?:deps|deps-dev|dependencies|release)\)/i,
  /^update\s+(?:dependency|dependencies|deps|module)\b/i,
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
  return subject
    .trim()
    .toLowerCase()
    .replace(/\b[0-9a-f]{7,40}\b/g, '#')
    .replace(/v?\d+(?:[.\-]\d+)*(?:[-+][\w.]+)?/g, '#');
}

/** The subject's print: template hash × 2 + 1 if machine-written (always a non-negative Smi). */
export function subjectPrint(subject: string): number {
  return (fnv1a(subjectTemplate(subject)) & 0x3fffffff) * 2 + (machineSubject(subject) ? 1 : 0);
}

export function isMachinePrint(print: number): boolean {
  return (print & 1) === 1;
}

/** FNV-1a, 32 bits: a cheap, stable string hash (collisions only merge two templates' counts). */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Per account (`name \x1f lowercased email`), over the whole mined history: commits, machine subjects, and the commits in its frequent templates. */
export type AutomationTally = Map<string, AccountAutomation>;

export interface AccountAutomation {
  total: number;
  automated: number;
  /** Commits whose subject template is used by more than FREQUENT_TEMPLATE_SHARE of the account's commits (and at least twice). */
  templated: number;
}

/**
 * A tool writes its subjects from a handful of templates (`Automator: update proxy@master in …`,
 * `Update BASE_VERSION to master-…`); a person rarely repeats one. A template is *frequent* for an
 * account when more than this share of the account's commits use it: at most 19 templates can be.
 */
export const FREQUENT_TEMPLATE_SHARE = 0.05;
/** Misra–Gries counters per account: every template above total / (K + 1) is kept, and 1/21 < 5%. */
const COUNTERS = 20;

export function accountKey(name: string, email: string): string {
  return `${name}\x1f${email.toLowerCase()}`;
}

interface Commitish {
  name: string;
  email: string;
  subject: number;
}

/**
 * Two passes, memory per account only: the first counts and keeps each account's candidate
 * frequent templates (Misra–Gries summary with COUNTERS counters: any template used by more than
 * total / (COUNTERS + 1) commits survives it), the second counts those candidates exactly. Only
 * candidates above FREQUENT_TEMPLATE_SHARE count, and all of those are candidates whatever the
 * order: the result is independent of commit order, shards and cache increments.
 */
export function tallyAutomation(commits: readonly Commitish[]): AutomationTally {
  const tally: AutomationTally = new Map();
  const summary = new Map<string, Map<number, number>>();
  for (const c of commits) {
    const key = accountKey(c.name, c.email);
    const t = tally.get(key) ?? tally.set(key, { total: 0, automated: 0, templated: 0 }).get(key)!;
    t.total++;
    if (isMachinePrint(c.subject)) t.automated++;
    const counters = summary.get(key) ?? summary.set(key, new Map()).get(key)!;
    misraGries(counters, c.subject >>> 1);
  }
  const exact = new Map<string, Map<number, number>>();
  for (const [key, counters] of summary) exact.set(key, new Map([...counters.keys()].map((k) => [k, 0])));
  for (const c of commits) {
    const counts = exact.get(accountKey(c.name, c.email))!;
    const n = counts.get(c.subject >>> 1);
    if (n !== undefined) counts.set(c.subject >>> 1, n + 1);
  }
  for (const [key, counts] of exact) {
    const t = tally.get(key)!;
    for (const n of counts.values()) if (n >= 2 && n > FREQUENT_TEMPLATE_SHARE * t.total) t.templated += n;
  }
  return tally;
}

function misraGries(counters: Map<number, number>, item: number): void {
  const n = counters.get(item);
  if (n !== undefined) counters.set(item, n + 1);
  else if (counters.size < COUNTERS) counters.set(item, 1);
  else
    for (const [k, v] of counters) {
      if (v === 1) counters.delete(k);
      else counters.set(k, v - 1);
    }
}
