// The whole pipeline (DESIGN.md): collect → parse → model → metrics → Report.
//   ownership  CODEOWNERS + team map (analyzer/ownership)
//   history    git log, streamed, cached by commit (analyzer/history)
//   imports    TS/JS import graph (analyzer/imports)
//   metrics    pure functions over MetricsInput (analyzer/metrics)
// Every consumer — CLI reporters, the extension, the webview — reads only the Report.
import { statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { readRepoState } from './collect/repo-state';
import { listTrackedFiles, listTrackedIndex, type TrackedIndex } from './collect/tracked-files';
import { defaultCacheDir } from './history/cache';
import { mineHistory } from './history/mine';
import { runGit } from './collect/git';
import { checkDateText, defaultSince, isRelativeSince, resolveSince } from './history/window';
import { buildImportGraph, hasWarmImports, type ImportGraphResult } from './imports';
import { DEFAULT_METRICS_OPTIONS, type MetricsInput, type MetricsOptions } from './metrics/input';
import { loadOwnership, type Ownership, type OwnershipOptions } from './ownership';
import { createModuleOf } from './ownership/modules';
import { makeBotTest } from './history/bots';
import { buildDelivery } from './pipeline/delivery';
import { botHandles, botOwnerTeams } from './teams/bot-owners';
import { makeDeclaredTeamsOf } from './pipeline/membership';
import { resolvePeople } from './pipeline/people';
import { assembleReport } from './pipeline/assemble';
import { buildPublicApi } from './pipeline/public-api';
import type { Report } from './report/types';
import { UserError } from './errors';

/** For the editor: the user's `git config user.email`, read through the hardened git runner. */
export { userEmail } from './collect/git';

/** For the editor: the hardened reader (regular files only, size cap, links out of a root refused). */
export { readRepoFile, type ReadResult } from './collect/read-file';

/** For long-lived processes (the editor's worker): keep the history cache in memory between runs. */
export { flushCacheWrites, keepCacheWarm } from './history/cache';

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
}

export async function analyzeRepo(repoDir: string, opts: AnalyzeOptions = {}): Promise<Report> {
  const progress = opts.onProgress ?? (() => undefined);
  checkDateText('since', opts.since);
  checkDateText('until', opts.until);
  // One git call for the top level, HEAD, shallowness, the branch and a relative --since.
  const state = await readRepoState(repoDir, isRelativeSince(opts.since) ? opts.since : undefined);
  const root = state.root;
  const since = opts.since ? await resolveSince(root, opts.since, Date.now(), state.sinceAnswer) : await headWindow(root, state.head);
  progress({ phase: 'ownership' });
  // Start git (tracked files; the history's cache check and log) before the synchronous
  // ownership work, so git runs while Node parses CODEOWNERS and the team map.
  // For the import graph, the same `ls-files` also says which files changed since git last saw
  // them (modified) — asked for only when an earlier analysis left edges to reuse.
  const importCache = opts.cache !== false ? opts.cacheDir ?? defaultCacheDir() ?? undefined : undefined;
  const filesRun: Promise<{ files: string[]; index?: TrackedIndex }> = opts.imports !== false
    ? listTrackedIndex(root, { modified: hasWarmImports(root, importCache), signal: opts.signal }).then((index) => ({ files: index.files, index }))
    : listTrackedFiles(root, opts.signal).then((files) => ({ files }));
  const historyRun = mineHistory(root, {
    rootKnown: true, state, since, until: opts.until, firstParent: opts.firstParent, include: opts.include, exclude: opts.exclude,
    fast: opts.fast, bots: opts.bots, includeBots: opts.includeBots, cache: opts.cache, cacheDir: opts.cacheDir, signal: opts.signal, headNames: true,
    onProgress: (p) => progress({ phase: `history: ${p.phase}`, done: p.commits, total: p.total }),
  });
  // Both are awaited below; until then a failure must not count as unhandled.
  filesRun.catch(() => undefined);
  historyRun.catch(() => undefined);
  const ownership = memoizeWho(readableOwnership(loadOwnership(root, opts)));
  const tracked = await filesRun;
  const files = tracked.files;
  // History waits on git while the import graph keeps Node busy: run both at once. Both keep
  // their results in the cache directory (history by commit, import edges by blob id).
  progress({ phase: 'history' });
  const [history, graph] = await Promise.all([
    historyRun,
    tracked.index ? buildImportGraph(root, { exclude: opts.exclude, index: tracked.index, cacheDir: importCache, signal: opts.signal, onProgress: (done, total) => progress({ phase: 'imports', done, total }) }) : null,
  ]);
  progress({ phase: 'metrics' });
  const people = resolvePeople(ownership, history.commits, history.coAuthorNames);
  const botOwners = botOwnerTeams(ownership.teamMap.teams, botHandles(history.bots));
  const { input, publicHint } = buildInput(ownership, files, history.commits, graph, botOwners);
  const options = { ...DEFAULT_METRICS_OPTIONS, ...opts.metrics };
  const isBot = makeBotTest(opts.bots, history.automation);
  opts.onModel?.({ input, ownership });
  return assembleReport({ root, ownership, history, graph, input, options, publicHint, people, isBot, branch: state.branch, since: since ?? null, until: opts.until ?? null, now: (opts.now ?? (() => new Date()))() });
}

/** A team map the user wrote and Conway cannot read is an input error, never silently dropped. */
function readableOwnership(ownership: Ownership): Ownership {
  const bad = ownership.teamMapUnreadable;
  if (bad) throw new UserError(`${bad.file}:${bad.line}: ${bad.message} (the team map cannot be read; \`conway validate\` lists every problem)`);
  return ownership;
}

// Every stage asks who owns the same paths: answer each path once — and, in a long-lived process
// such as the editor's worker, once until CODEOWNERS or the team map change.
let lastWho: { key: string; memo: Map<string, ReturnType<Ownership['who']>> } | undefined;

function memoizeWho(ownership: Ownership): Ownership {
  const key = [ownership.root, ownership.flavor, ...[ownership.codeowners?.path, ownership.teamMap.path].map((p) => (p ? stamp(isAbsolute(p) ? p : join(ownership.root, p)) : '-'))].join('\0');
  if (lastWho?.key !== key) lastWho = { key, memo: new Map() };
  const memo = lastWho.memo;
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

function buildInput(ownership: Ownership, files: string[], commits: MetricsInput['commits'], graph: ImportGraphResult | null, botOwners: Map<string, string>) {
  const who = ownership.who;
  const rulesByLine = new Map((ownership.codeowners?.rules ?? []).map((r) => [r.line, r]));
  const ruleOf = (p: string) => rulesByLine.get(who(p).rule?.line ?? -1) ?? null;
  const packageDirs = graph?.workspacePackages.map((p) => p.dir) ?? [];
  const publicApi = buildPublicApi(ownership, graph, ruleOf);
  const teamsOf = (p: string) => who(p).teams;
  const delivery = buildDelivery(ownership, files, teamsOf, new Set(botOwners.keys()));
  const input: MetricsInput = {
    commits,
    files,
    teams: ownership.teamMap.teams,
    clusters: ownership.teamMap.clusters,
    teamsOf,
    deliveryTeamsOf: delivery.deliveryTeamsOf,
    reviewGroups: delivery.reviewGroups,
    alsoReviews: delivery.alsoReviews,
    botOwners,
    moduleOf: createModuleOf(ruleOf, packageDirs),
    declaredTeamsOf: makeDeclaredTeamsOf(ownership.teamMap.teams, commits),
    imports: graph?.edges ?? [],
    hasImports: graph !== null,
    isPublicApi: publicApi.isPublicApi,
  };
  return { input, publicHint: publicApi.hint };
}

/** The default window: the 12 months before HEAD's commit date (not before today). */
async function headWindow(root: string, head: string | null): Promise<string | undefined> {
  if (!head) return undefined;
  // A long-lived process analyses the same HEAD again (a saved CODEOWNERS): one git call per commit.
  if (lastHeadWindow?.head !== head) {
    const secs = Number((await runGit(root, ['show', '-s', '--format=%ct', head])).trim());
    lastHeadWindow = { head, since: Number.isFinite(secs) && secs > 0 ? defaultSince(secs) : undefined };
  }
  return lastHeadWindow.since;
}

let lastHeadWindow: { head: string; since: string | undefined } | undefined;

function stamp(abs: string): string {
  try {
    const s = statSync(abs);
    return `${abs}:${s.size}:${s.mtimeMs}`;
  } catch {
    return `${abs}:missing`;
  }
}
