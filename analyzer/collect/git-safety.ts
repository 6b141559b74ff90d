// How Conway runs git on a repository somebody else wrote. The repository's own config
// (`.git/config`, included files) and the caller's environment (a git hook sets GIT_DIR,
// GIT_INDEX_FILE, …) must neither run a program nor point git at another repository:
//  - `-c` settings on the command line override every config file (git-config(1), "FILES"):
//    core.fsmonitor (run on every index read: ls-files), core.hooksPath (no hook, e.g.
//    post-index-change), log.showSignature (gpg.program), diff.external (also --no-ext-diff;
//    `log` adds --no-textconv), core.pager (also --no-pager), credential helpers, core.sshCommand,
//    core.alternateRefsCommand, automatic gc/maintenance;
//  - no network: partial clones would lazily fetch every missing blob (a new promisor pack in
//    .git, traffic, the remote's uploadpack/sshCommand run). GIT_NO_LAZY_FETCH=1 stops that, and
//    every transport is disallowed for gits that ignore the variable; the missing object then
//    fails the command, and history mining falls back to --name-status with a note (logRun.ts);
//  - filter drivers (`filter.<name>.clean/process` named by .gitattributes) run when git reads
//    work-tree content (`ls-files -m` on racily-clean entries, `git diff <commit>` against the
//    work tree), and diff drivers (`diff.<name>.textconv/command`) when it diffs: `driverOverrides`
//    turns off the ones the config defines, since they can only be named one by one (git.ts adds
//    them to every command that reads the work tree);
//  - settings that change what git answers, not what it runs, are pinned to git's defaults:
//    i18n.logOutputEncoding (UTF-16 parses as 0 commits), log.showRoot (false drops the root
//    commit's files), core.quotepath (quoted names), color (escape codes in the output), the
//    diff algorithm and rename limit (other line counts and renames), diff.relative/noprefix/
//    orderFile (other paths, another order), core.ignoreStat (modified files not seen);
//  - no writes: --no-optional-locks (and GIT_OPTIONAL_LOCKS=0) keeps `ls-files`/`status` from
//    writing refreshed stat data into .git/index; `git diff` against the work tree writes it
//    regardless, so git.ts gives it a private copy of the index (`refreshesIndex`) — the editor's
//    review after every save would otherwise rewrite .git/index;
//  - GIT_* variables are dropped except the few that say where the user's own git and config
//    live, so GIT_DIR/GIT_WORK_TREE/GIT_INDEX_FILE/GIT_OBJECT_DIRECTORY/GIT_CONFIG_* from a hook
//    cannot make `--repo A` analyse B.
const NEUTRAL = [
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  'core.pager=cat',
  'core.sshCommand=',
  'core.alternateRefsCommand=',
  'credential.helper=',
  'diff.external=',
  'log.showSignature=false',
  'core.askPass=',
  'submodule.recurse=false',
  'i18n.logOutputEncoding=UTF-8',
  'log.showRoot=true',
  'core.quotepath=off',
  'color.ui=false',
  'color.diff=false',
  'diff.algorithm=myers',
  'diff.indentHeuristic=true',
  'diff.renameLimit=1000',
  'diff.relative=false',
  'diff.noprefix=false',
  'diff.orderFile=/dev/null',
  'core.ignoreStat=false',
  'gc.auto=0',
  'maintenance.auto=false',
  'protocol.allow=never',
  ...['file', 'git', 'ssh', 'http', 'https', 'ext'].map((p) => `protocol.${p}.allow=never`),
];

/** Arguments before every git subcommand. */
export const SAFE_ARGS: readonly string[] = [
  '--no-pager',
  '--no-optional-locks',
  ...NEUTRAL.flatMap((kv) => ['-c', kv]),
];

/** Variables of the user's own installation and configuration, kept; every other GIT_* is dropped. */
const KEPT = new Set([
  'GIT_EXEC_PATH',
  'GIT_CONFIG_NOSYSTEM',
  'GIT_CONFIG_GLOBAL',
  'GIT_CONFIG_SYSTEM',
  'GIT_CEILING_DIRECTORIES',
]);

export function gitEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) if (!k.startsWith('GIT_') || KEPT.has(k)) out[k] = v;
  return {
    ...out,
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_NO_LAZY_FETCH: '1',
    GIT_PROTOCOL_FROM_USER: '0',
  };
}

/** The config keys driverOverrides needs: `git config --name-only --get-regexp DRIVER_KEYS`. */
export const DRIVER_KEYS = '^(filter|diff)\\.';

/**
 * `-c` arguments that disable every filter and diff driver `git config --name-only --get-regexp`
 * listed (its output, one `filter.<name>.<key>` per line): empty commands are skipped by git's
 * convert.c and diff.c, and required=false stops a skipped required filter from failing the command.
 */
export function driverOverrides(configKeys: string): string[] {
  const out: string[] = [];
  for (const [kind, keys] of [
    ['filter', ['clean', 'smudge', 'process', 'required']],
    ['diff', ['textconv', 'command']],
  ] as const) {
    for (const n of driverNames(configKeys, `${kind}.`))
      for (const k of keys) out.push('-c', `${kind}.${n}.${k}=${k === 'required' ? 'false' : ''}`);
  }
  return out;
}

/** `<name>` of every `<prefix><name>.<key>` line (a name may contain dots: the key is the last part). */
function driverNames(configKeys: string, prefix: string): Set<string> {
  const names = new Set<string>();
  for (const key of configKeys.split('\n')) {
    const dot = key.lastIndexOf('.');
    if (key.startsWith(prefix) && dot > prefix.length) names.add(key.slice(prefix.length, dot));
  }
  return names;
}

/**
 * Whether a git command is `git diff` against the work tree (no --cached, fewer than two
 * revisions): porcelain diff then writes refreshed stat data into the index (diff.c's
 * refresh_index_quietly), with or without --no-optional-locks.
 */
export function refreshesIndex(args: readonly string[]): boolean {
  let i = 0;
  while (args[i] === '-c') i += 2;
  if (args[i] !== 'diff' || args.includes('--cached') || args.includes('--staged')) return false;
  const end = args.indexOf('--');
  const revisions = args.slice(i + 1, end < 0 ? undefined : end).filter((a) => !a.startsWith('-'));
  return revisions.length < 2;
}

/** Whether a git command reads work-tree content (so filter drivers could run): `diff`, `ls-files -m`. */
export function readsWorkTree(args: readonly string[]): boolean {
  let i = 0;
  while (args[i] === '-c') i += 2;
  const sub = args[i];
  return (
    sub === 'diff' || sub === 'status' || (sub === 'ls-files' && (args.includes('-m') || args.includes('--modified')))
  );
}
