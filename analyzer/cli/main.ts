// `conway` — entry point. Parses argv, dispatches to one command from the registry, prints
// `ERROR: …` for user errors (exit 2) and never a stack trace unless CONWAY_DEBUG is set.
import { parseArgs } from 'node:util';
import { UserError } from '../contract/errors';
import { EXIT, type Command, type Io, type Values } from './command';
import { commands } from './registry';
import { escapeControls } from '../model/quote';

export function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'conway — code ownership, coupling and team autonomy from CODEOWNERS, git history and imports',
    '',
    'Usage: conway <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `conway <command> --help` for the options of a command.',
    'Exit codes: 0 ok, 1 findings (errors, new violations), 2 usage or input error.',
  ].join('\n');
}

function commandHelp(c: Command): string {
  return [`Usage: ${c.usage}`, '', c.summary, '', ...c.help.map((l) => `  ${l}`)].join('\n');
}

export async function run(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage() + '\n');
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version') {
    io.stdout('conway 0.1.0\n');
    return EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  try {
    if (!command)
      throw new UserError(`unknown command '${name}'. Commands: ${commands.map((c) => c.name).join(', ')}.`);
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    } catch (e) {
      throw new UserError(
        `${(e as Error).message.replace(/\. To specify.*$/s, '')}\nRun \`conway ${name} --help\` for its options.`,
      );
    }
    if (parsed.values.help) {
      io.stdout(commandHelp(command) + '\n');
      return EXIT.ok;
    }
    return await command.run(
      repoFromPositional(command, parsed.values as Values, parsed.positionals),
      parsed.positionals,
      io,
    );
  } catch (e) {
    if (e instanceof UserError) {
      io.stderr(`ERROR: ${escapeLines(e.message)}\n`);
      return e.exitCode;
    }
    if (process.env.CONWAY_DEBUG) throw e;
    io.stderr(
      `ERROR: internal error: ${escapeLines((e as Error).message)}\nThis is a bug in Conway; rerun with CONWAY_DEBUG=1 for the stack trace and report it.\n`,
    );
    return EXIT.usage;
  }
}

if (require.main === module) {
  const stdout = guardedStdout();
  const io: Io = {
    stdout: stdout.write,
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    progress: Boolean(process.stderr.isTTY),
  };
  run(process.argv.slice(2), io).then((code) => {
    if (!stdout.failed()) process.exitCode = code;
  });
}

/**
 * stdout that fails like a CLI should: a reader that went away (`| head`, EPIPE) ends the
 * output quietly; any other write error (a full disk) is `ERROR: cannot write output`, exit 2.
 */
function guardedStdout(): { write(t: string): void; failed(): boolean } {
  let closed = false;
  let failed = false;
  const onError = (e: NodeJS.ErrnoException) => {
    if (closed || failed) return;
    if (e.code === 'EPIPE') closed = true;
    else {
      failed = true;
      process.exitCode = EXIT.usage;
      process.stderr.write(`ERROR: cannot write output: ${e.message}\n`);
    }
  };
  process.stdout.on('error', onError);
  return {
    write(t) {
      if (closed || failed) return;
      try {
        process.stdout.write(t);
      } catch (e) {
        onError(e as NodeJS.ErrnoException);
      }
    },
    failed: () => failed,
  };
}

/** An error message for the terminal: each line's control characters escaped (a ref, a date or a name may carry ESC). */
function escapeLines(message: string): string {
  return message.split('\n').map(escapeControls).join('\n');
}

/**
 * `conway analyze /path/to/repo` reads like `--repo /path/to/repo`: a command that takes no
 * positional arguments of its own reads one as the repository, and refuses anything else rather
 * than silently analysing the current directory.
 */
function repoFromPositional(command: Command, values: Values, positionals: string[]): Values {
  if (command.positionals || !positionals.length) return values;
  const given = positionals.map((p) => `'${escapeControls(p)}'`).join(' ');
  if (!('repo' in command.options))
    throw new UserError(
      `conway ${command.name} takes no positional arguments (got ${given})\nRun \`conway ${command.name} --help\` for its options.`,
    );
  if (positionals.length > 1 || values.repo !== undefined)
    throw new UserError(
      `conway ${command.name}: unexpected argument${positionals.length > 1 ? 's' : ''} ${given}: give the repository once, as \`conway ${command.name} DIR\` or \`--repo DIR\``,
    );
  return { ...values, repo: positionals[0] };
}
