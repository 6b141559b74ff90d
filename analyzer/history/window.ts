// History windows: `--since`/`--until` accept anything git understands ("2024-01-01",
// "12 months ago"). A relative start is turned into an absolute date — by git itself
// (`git rev-parse --since=…` prints `--max-age=<unix time>`), floored to the UTC day — so the
// per-commit cache, which needs a fixed window, works for the extension's default "12 months ago"
// and the window does not drift between two runs of the same day. A date git cannot read
// (it silently answers "now") is an input error, not an empty history; so is a word git's
// approxidate does not know (it skips it silently: "last tuesdayy" is read as some other day).
// Without --since the window is the 12 months before HEAD's commit date: an inactive
// repository still shows its last year; `--since all` reads the whole history.
// Git reads a bare `2025-08-21` as that day at the CURRENT time of day in the LOCAL time zone, so
// the same command dropped or kept commits depending on when and where it ran: gitDate() pins a
// date without a time to 00:00 UTC and a time without a zone to UTC before git sees it.
import { runGit } from '../collect/git';
import { UserError } from '../contract/errors';

/** Whether git has to read `since` (it is relative): only then does resolveSince call git. */
export function isRelativeSince(since: string | undefined): since is string {
  return since !== undefined && since !== '' && since !== ALL && Number.isNaN(Date.parse(since));
}

/** `--since all`: the whole history. */
export const ALL = 'all';
/** The default window: this many months before HEAD's commit date. */
export const DEFAULT_MONTHS = 12;

/** The UTC day DEFAULT_MONTHS calendar months before HEAD's commit date (unix seconds). */
export function defaultSince(headDate: number): string {
  const d = new Date(headDate * 1000);
  d.setUTCMonth(d.getUTCMonth() - DEFAULT_MONTHS);
  return d.toISOString().slice(0, 10);
}

// Words git's approxidate knows (git's date.c: month and weekday names from 3 letters, units,
// number names, special words, time zones). Anything else is skipped by git without a word.
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WORDS = new Set([
  'second',
  'seconds',
  'minute',
  'minutes',
  'hour',
  'hours',
  'day',
  'days',
  'week',
  'weeks',
  'month',
  'months',
  'year',
  'years',
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'last',
  'ago',
  'yesterday',
  'today',
  'now',
  'noon',
  'midnight',
  'tea',
  'am',
  'pm',
  'never',
  't',
  'z',
  'utc',
  'gmt',
  'ut',
  'est',
  'edt',
  'cst',
  'cdt',
  'mst',
  'mdt',
  'pst',
  'pdt',
  'cet',
  'cest',
  'met',
  'mewt',
  'mest',
  'eet',
  'eest',
  'bst',
  'wet',
  'west',
  'ist',
  'jst',
  'nzst',
  'nzdt',
  'aest',
  'aedt',
  'hst',
  'akst',
  'akdt',
  'ast',
  'adt',
]);

/** The first word of a --since/--until text that git would skip, or null. */
export function unknownDateWord(text: string): string | null {
  for (const w of text.toLowerCase().match(/[a-z]+/g) ?? []) {
    const name = (list: string[]) =>
      w.length >= 3 && list.some((m) => m.startsWith(w) || (w.startsWith(m) && w.length === m.length));
    if (!WORDS.has(w) && !name(MONTHS) && !name(WEEKDAYS) && !(w.endsWith('s') && WORDS.has(w.slice(0, -1)))) return w;
  }
  return null;
}

/**
 * What git would silently misread in a date that has no unknown word: a bare number (`0`, `@0`:
 * git's approxidate reads them as now, or as a unix time) and a calendar date that does not exist
 * (`2024-13-45` becomes 2024-12-13), or null.
 */
export function impossibleDate(text: string): string | null {
  const t = text.trim();
  if (/^@?\d+$/.test(t)) return 'a bare number is not a date (git reads it as "now" or as a unix time)';
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})\b/.exec(t);
  if (!ymd) return null;
  const [y, m, d] = ymd.slice(1).map(Number);
  if (m < 1 || m > 12) return `month ${m} does not exist`;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d < 1 || d > days ? `${y}-${String(m).padStart(2, '0')} has no day ${d} (the month has ${days} days)` : null;
}

/** Throws a UserError naming the word (or the impossible part) when git would misread a --since/--until text. */
export function checkDateText(flag: 'since' | 'until', text: string | undefined): void {
  if (text === undefined || text === '' || (flag === 'since' && text === ALL)) return;
  const impossible = impossibleDate(text);
  if (impossible)
    throw new UserError(
      `--${flag} ${text}: ${impossible}; write e.g. 2024-01-01 or "12 months ago"${flag === 'since' ? ' (or all for the whole history)' : ''}`,
    );
  const word = unknownDateWord(text);
  if (word)
    throw new UserError(
      `--${flag} ${text}: git does not understand "${word}" and would silently skip it; write e.g. 2024-01-01 or "12 months ago"${flag === 'since' ? ' (or all for the whole history)' : ''}`,
    );
}

/** `answer`: git's output for `rev-parse --since=<since>` when the caller already has it (collect/repo-state.ts). */
export async function resolveSince(
  root: string,
  since: string | undefined,
  now = Date.now(),
  answer?: string,
): Promise<string | undefined> {
  if (since === ALL) return undefined;
  if (!isRelativeSince(since)) return since || undefined;
  const out = answer ?? (await runGit(root, ['rev-parse', `--since=${since}`]));
  const secs = Number(/--max-age=(\d+)/.exec(out)?.[1]);
  if (!Number.isFinite(secs) || (Math.abs(secs * 1000 - now) < 5_000 && !/\b(now|today)\b/i.test(since))) {
    throw new UserError(
      `--since ${since}: git does not understand this date; write e.g. 2024-01-01 or "12 months ago"`,
    );
  }
  return new Date(Math.floor(secs / 86_400) * 86_400_000).toISOString().slice(0, 10);
}

const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const NO_ZONE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)$/;

/** The --since/--until text as git must read it: a day is 00:00 UTC, a zone-less time is UTC; the rest as given. */
export function gitDate(text: string): string {
  if (DAY_ONLY.test(text)) return `${text} 00:00:00 +0000`;
  const m = NO_ZONE.exec(text);
  return m ? `${m[1]} ${m[2].length === 5 ? `${m[2]}:00` : m[2]} +0000` : text;
}
