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
//    work-tree content (`ls-files -m` on racily-clean entries): `filterOverrides` turns off the
//    ones the config defines, since they can only be named one by one;
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
  'gc.auto=0',
  'maintenance.auto=false',
  'protocol.allow=never',
  ...['file', 'git', 'ssh', 'http', 'https', 'ext'].map((p) => `protocol.${p}.allow=never`),
];

/** Arguments before every git subcommand. */
export const SAFE_ARGS: readonly string[] = ['--no-pager', ...NEUTRAL.flatMap((kv) => ['-c', kv])];

/** Variables of the user's own installation and configuration, kept; every other GIT_* is dropped. */
const KEPT = new Set(['GIT_EXEC_PATH', 'GIT_CONFIG_NOSYSTEM', 'GIT_CONFIG_GLOBAL', 'GIT_CONFIG_SYSTEM', 'GIT_CEILING_DIRECTORIES']);

export function gitEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) if (!k.startsWith('GIT_') || KEPT.has(k)) out[k] = v;
  return { ...out, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_NO_LAZY_FETCH: '1', GIT_PROTOCOL_FROM_USER: '0' };
}

/**
 * `-c` arguments that disable every filter driver `git config --name-only --get-regexp` listed
 * (its output, one `filter.<name>.<key>` per line): empty commands are skipped by git's convert.c,
 * and required=false stops a skipped required filter from failing the command.
 */
export function filterOverrides(configKeys: string): string[] {
  const names = new Set<string>();
  for (const key of configKeys.split('\n')) {
    const dot = key.lastIndexOf('.');
    if (key.startsWith('filter.') && dot > 'filter.'.length) names.add(key.slice('filter.'.length, dot));
  }
  return [...names].flatMap((n) => ['clean', 'smudge', 'process', 'required'].flatMap((k) => ['-c', `filter.${n}.${k}=${k === 'required' ? 'false' : ''}`]));
}
