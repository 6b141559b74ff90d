// The whole pipeline (docs/architecture.md): collect → parse → model → metrics → Report.
//   ownership  CODEOWNERS + team map (analyzer/ownership)
//   history    git log, streamed, cached by commit (analyzer/history)
//   imports    TS/JS import graph (analyzer/imports)
//   metrics    pure functions over MetricsInput (analyzer/metrics)
// Every consumer — CLI reporters, the extension, the webview — reads only the Report.
import { isAbsolute, join } from 'node:path';
import { fileStamp } from './collect/file-stats';
import { readRepoState } from './collect/repo-state';
import { listTrackedFiles, listTrackedIndex, type TrackedIndex } from './collect/tracked-files';
import { defaultCacheDir } from './history/cache';
import { mineHistory } from './history/mine';
import { runGit } from './collect/git';
import { checkDateText, defaultSince, isRelativeSince, resolveSince } from './history/window';
import { buildImportGraph, hasWarmImports } from './imports';
import { DEFAULT_METRICS_OPTIONS, type MetricsInput, type MetricsOptions } from './metrics/input';
import { loadOwnership, type Ownership, type OwnershipOptions } from './ownership';
import { makeBotTest } from './history/bots';
import { botHandles, botOwnerTeams } from './teams/bot-owners';
import { personOwnerNames } from './pipeline/owner-names';
import { resolvePeople } from './pipeline/people';
import { assembleReport } from './pipeline/assemble';
import { buildModel } from './pipeline/build-model';
import type { Report } from './contract/report';
import { packageFacts } from './org-merge/package-facts';
import { readRepoFile } from './collect/read-file';
import { UserError } from './contract/errors';
import type { WarmContext } from './model/warm';
import { loadPullRequests } from './sources/pull-requests';
import { changeSetsFor, type ChangeSetMode } from './pipeline/change-sets';
import { communityStore } from './collect/community-cache';
import { teamworkStore } from './pipeline/teamwork-cache';
import type { PeriodKind } from './org/period';

/** For the editor: the user's `git config user.email`, read through the hardened git runner. */
export { userEmail } from './collect/git';

/** For the editor: the hardened reader (regular files only, size cap, links out of a root refused). */
export { readRepoFile, type ReadResult } from './collect/read-file';

/** For long-lived processes (the editor's worker): the state kept between runs, passed as `warm`. */
export { WarmContext } from './model/warm';

export interface AnalyzeOptions extends OwnershipOptions {
  /** Window start: a date git understands, `all` for the whole history; default the 12 months before HEAD's commit date. */
  since?: string;
  until?: string;
  firstParent?: boolean;
  include?: string[];
  exclude?: string[];
  fast?: boolean;
  bots?: string[];
  includeBots?: boolean;
  cache?: boolean;
  cacheDir?: string;
  /** Build the import graph (default true). */
  imports?: boolean;
  metrics?: Partial<MetricsOptions>;
  signal?: AbortSignal;
  onProgress?: (p: { phase: string; done?: number; total?: number }) => void;
  /** For `conway init`: the joined model the report is computed from. */
  onModel?: (m: { input: MetricsInput; ownership: Ownership }) => void;
  /** For tests: the clock. */
  now?: () => Date;
  /** A long-lived process's state (model/warm.ts), kept per repository root between runs; a one-shot run passes none. */
  warm?: WarmContext;
  /** `auto` (default): commits grouped into pull requests, merged branches and squash commits; `commit`: one change per commit. */
  changeSets?: ChangeSetMode;
  /** `--prs FILE`: a `gh pr list` / `glab mr list` JSON export (absolute path), read by sources/pull-requests.ts. */
  prs?: string;
  /** Periods of the crossing rows (and the scorecard); default quarter. */
  period?: PeriodKind;
}

export async function analyzeRepo(repoDir: string, opts: AnalyzeOptions = {}): Promise<Report> {
  const progress = opts.onProgress ?? (() => undefined);
  checkDateText('since', opts.since);
  checkDateText('until', opts.until);
  // One git call for the top level, HEAD, shallowness, the branch and a relative --since.
  const state = await readRepoState(repoDir, isRelativeSince(opts.since) ? opts.since : undefined);
  const root = state.root;
  const since = opts.since
    ? await resolveSince(root, opts.since, Date.now(), state.sinceAnswer)
    : await headWindow(root, state.head, opts.warm);
  progress({ phase: 'ownership' });
  // Start git (tracked files; the history's cache check and log) before the synchronous
  // ownership work, so git runs while Node parses CODEOWNERS and the team map.
  // For the import graph, the same `ls-files` also says which files changed since git last saw
  // them (modified) — asked for only by a long-lived process whose earlier analysis left edges to
  // reuse. A one-shot run knows an unchanged file from the stamp the disk cache keeps (one stat per
  // source file): `-m` has git stat every tracked file and, in a fresh clone whose files are as new
  // as its index (racily clean, and never refreshed under --no-optional-locks), hash them all —
  // 0.2–0.4 s on 3–5k-file repositories.
  const importCache = opts.cache !== false ? (opts.cacheDir ?? defaultCacheDir() ?? undefined) : undefined;
  const filesRun: Promise<{ files: string[]; index?: TrackedIndex }> =
    opts.imports !== false
      ? listTrackedIndex(root, {
          modified: opts.warm !== undefined && hasWarmImports(root, importCache, opts.warm),
          signal: opts.signal,
        }).then((index) => ({ files: index.files, index }))
      : listTrackedFiles(root, opts.signal).then((files) => ({ files }));
  const historyRun = mineHistory(root, {
    rootKnown: true,
    state,
    since,
    until: opts.until,
    firstParent: opts.firstParent,
    include: opts.include,
    exclude: opts.exclude,
    fast: opts.fast,
    bots: opts.bots,
    includeBots: opts.includeBots,
    cache: opts.cache,
    cacheDir: opts.cacheDir,
    signal: opts.signal,
    headNames: true,
    warm: opts.warm,
    onProgress: (p) => progress({ phase: `history: ${p.phase}`, done: p.commits, total: p.total }),
    merges: (opts.changeSets ?? 'auto') === 'auto',
  });
  // A bad export stops the run before any work is shown: read it first.
  const prs = opts.prs && (opts.changeSets ?? 'auto') === 'auto' ? loadPullRequests(opts.prs, opts.prs) : null;
  // Both are awaited below; until then a failure must not count as unhandled.
  filesRun.catch(() => undefined);
  historyRun.catch(() => undefined);
  const ownership = memoizeWho(readableOwnership(loadOwnership(root, opts)), opts.warm);
  const tracked = await filesRun;
  const files = tracked.files;
  // History waits on git while the import graph keeps Node busy: run both at once. Both keep
  // their results in the cache directory (history by commit, import edges by blob id).
  progress({ phase: 'history' });
  const [history, graph] = await Promise.all([
    historyRun,
    tracked.index
      ? buildImportGraph(root, {
          exclude: opts.exclude,
          index: tracked.index,
          cacheDir: importCache,
          signal: opts.signal,
          warm: opts.warm,
          onProgress: (done, total) => progress({ phase: 'imports', done, total }),
        })
      : null,
  ]);
  progress({ phase: 'metrics' });
  const people = resolvePeople(ownership, history.commits, history.coAuthorNames);
  const botOwners = botOwnerTeams(ownership.teamMap.teams, botHandles(history.bots));
  const ownerNames = await personOwnerNames(
    root,
    ownership,
    people,
    history.commits,
    opts.signal,
    importCache ? { dir: importCache, head: state.head, shallow: state.shallow } : undefined,
  );
  const { input, publicHint } = buildModel({
    ownership,
    files,
    commits: history.commits,
    imports: graph?.edges ?? null,
    packages: graph?.workspacePackages ?? [],
    botOwners,
    ownerAliases: ownerNames.aliases,
  });
  const grouping = changeSetsFor(opts.changeSets ?? 'auto', history, prs, people);
  input.changeSets = grouping.changeSets;
  if (importCache) input.communities = communityStore(importCache, root);
  const options = { ...DEFAULT_METRICS_OPTIONS, ...opts.metrics };
  const isBot = makeBotTest(opts.bots, history.automation);
  opts.onModel?.({ input, ownership });
  // A copy: the history's notes may be the warm cache's own array.
  const told = ownerNames.notes.length ? { ...history, notes: [...history.notes, ...ownerNames.notes] } : history;
  const report = assembleReport({
    root,
    ownership,
    history: told,
    graph,
    input,
    options,
    publicHint,
    people,
    isBot,
    branch: state.branch,
    since: since ?? null,
    until: opts.until ?? null,
    now: (opts.now ?? (() => new Date()))(),
    changeSets: grouping.summary,
    prLogins: grouping.prLogins,
    period: opts.period ?? opts.metrics?.period ?? 'quarter',
    teamworkStore: importCache ? teamworkStore(importCache, root) : undefined,
  });
  return Object.assign(
    report,
    packageFacts({ graph, rootName: rootPackageName(root), teamsOf: input.deliveryTeamsOf }),
  );
}

function rootPackageName(root: string): string | null {
  const r = readRepoFile(root, 'package.json', 1024 * 1024);
  if (r.kind !== 'text') return null;
  try {
    const name = (JSON.parse(r.text) as { name?: unknown }).name;
    return typeof name === 'string' && name ? name : null;
  } catch {
    return null; // an unreadable package.json publishes nothing; the import graph reports it
  }
}

/** A team map the user wrote and Conway cannot read is an input error, never silently dropped. */
function readableOwnership(ownership: Ownership): Ownership {
  const bad = ownership.teamMapUnreadable;
  if (bad)
    throw new UserError(
      `${bad.file}:${bad.line}: ${bad.message} (the team map cannot be read; \`conway validate\` lists every problem)`,
    );
  return ownership;
}

// Every stage asks who owns the same paths: answer each path once — and, in a long-lived process
// such as the editor's worker, once until CODEOWNERS or the team map change.
type WhoMemo = { key?: string; memo: Map<string, ReturnType<Ownership['who']>> };

function memoizeWho(ownership: Ownership, warm: WarmContext | undefined): Ownership {
  const memo = warm ? warmWhoMemo(ownership, warm) : new Map<string, ReturnType<Ownership['who']>>();
  const who = ownership.who;
  return {
    ...ownership,
    who(p) {
      let w = memo.get(p);
      if (!w) memo.set(p, (w = who(p)));
      return w;
    },
  };
}

function warmWhoMemo(ownership: Ownership, warm: WarmContext): WhoMemo['memo'] {
  // Codeowners Plus and a catalog spread ownership over many files: each one is part of the key.
  const inputs = [
    ...(ownership.codeowners?.files ?? [ownership.codeowners?.path]),
    ownership.teamMap.path,
    ...(ownership.catalog?.files ?? []),
  ];
  const key = [
    ownership.flavor,
    ...inputs.map((p) => (p ? stamp(isAbsolute(p) ? p : join(ownership.root, p)) : '-')),
  ].join('\0');
  const kept = warm.slot(ownership.root, 'who', (): WhoMemo => ({ memo: new Map() }));
  if (kept.key !== key) Object.assign(kept, { key, memo: new Map() });
  return kept.memo;
}

/** The default window: the 12 months before HEAD's commit date (not before today). */
async function headWindow(
  root: string,
  head: string | null,
  warm: WarmContext | undefined,
): Promise<string | undefined> {
  if (!head) return undefined;
  // A long-lived process analyses the same HEAD again (a saved CODEOWNERS): one git call per commit.
  const kept = warm?.slot(root, 'head-window', () => ({ head: '', since: undefined as string | undefined }));
  if (kept?.head === head) return kept.since;
  const secs = Number((await runGit(root, ['show', '-s', '--format=%ct', head])).trim());
  const since = Number.isFinite(secs) && secs > 0 ? defaultSince(secs) : undefined;
  if (kept) Object.assign(kept, { head, since });
  return since;
}

function stamp(abs: string): string {
  return `${abs}:${fileStamp(abs)}`;
}
