// History windows: `--since`/`--until` accept anything git understands ("2024-01-01",
// "12 months ago"). A relative start is turned into an absolute date — by git itself
// (`git rev-parse --since=…` prints `--max-age=<unix time>`), floored to the UTC day — so the
// per-commit cache, which needs a fixed window, works for the extension's default "12 months ago"
// and the window does not drift between two runs of the same day. A date git cannot read
// (it silently answers "now") is an input error, not an empty history.
import { runGit } from '../collect/git';
import { UserError } from '../errors';

/** Whether git has to read `since` (it is relative): only then does resolveSince call git. */
export function isRelativeSince(since: string | undefined): since is string {
  return since !== undefined && since !== '' && Number.isNaN(Date.parse(since));
}

/** `answer`: git's output for `rev-parse --since=<since>` when the caller already has it (collect/repo-state.ts). */
export async function resolveSince(root: string, since: string | undefined, now = Date.now(), answer?: string): Promise<string | undefined> {
  if (!isRelativeSince(since)) return since || undefined;
  const out = answer ?? (await runGit(root, ['rev-parse', `--since=${since}`]));
  const secs = Number(/--max-age=(\d+)/.exec(out)?.[1]);
  if (!Number.isFinite(secs) || (Math.abs(secs * 1000 - now) < 5_000 && !/\b(now|today)\b/i.test(since))) {
    throw new UserError(`--since ${since}: git does not understand this date; write e.g. 2024-01-01 or "12 months ago"`);
  }
  return new Date(Math.floor(secs / 86_400) * 86_400_000).toISOString().slice(0, 10);
}
