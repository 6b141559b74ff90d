// The accounts treated as bots in the default window, from authors and subjects alone: what
// `conway validate` needs to tell a CODEOWNERS owner that is a bot account (`* @workers-devprod`,
// whose commits are all `ANT Bot` releases) without mining the history. A log without diffs
// costs a small fraction of `--numstat` (docs/architecture.md, "Performance"), and the same
// rules as the analysis decide (bots.ts: name, then behaviour over the same 12-month window).
import { runGit, streamGit } from '../collect/git';
import { makeBotTest } from './bots';
import { subjectPrint, tallyAutomation } from './automated';
import type { DroppedBot } from './mine';
import { defaultSince, gitDate } from './window';

export interface BotAccountOptions {
  /** `--bots` patterns. */
  bots?: string[];
  signal?: AbortSignal;
}

export async function botAccounts(root: string, opts: BotAccountOptions = {}): Promise<DroppedBot[]> {
  const head = (
    await runGit(root, ['log', '-1', '--format=%ct', 'HEAD', '--'], { signal: opts.signal }).catch(() => '')
  ).trim();
  if (!head) return []; // no commits yet (or not a repository): nobody is a bot by behaviour
  const since = gitDate(defaultSince(Number(head)));
  const commits: { name: string; email: string; subject: number }[] = [];
  let rest = '';
  const args = [
    'log',
    '--use-mailmap',
    '--no-merges',
    `--since=${since}`,
    '--format=%aN%x1f%aE%x1f%s%x1e',
    'HEAD',
    '--',
  ];
  for await (const chunk of streamGit(root, args, { signal: opts.signal })) {
    const records = (rest + chunk).split('\x1e');
    rest = records.pop()!;
    for (const r of records) {
      const [name, email, subject] = r.replace(/^\n/, '').split('\x1f');
      if (email !== undefined) commits.push({ name, email, subject: subjectPrint(subject ?? '') });
    }
  }
  const isBot = makeBotTest(opts.bots, tallyAutomation(commits));
  const out = new Map<string, DroppedBot>();
  for (const c of commits) {
    if (!isBot(c.name, c.email)) continue;
    const key = `${c.name}\x1f${c.email.toLowerCase()}`;
    const b = out.get(key) ?? out.set(key, { name: c.name, email: c.email, commits: 0, changes: 0 }).get(key)!;
    b.commits++;
  }
  return [...out.values()];
}
