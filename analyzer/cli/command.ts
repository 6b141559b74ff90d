// The shape of a CLI command. The CLI core is a function of (args, io) returning an exit code,
// so every command is tested in-process (dependency-cruiser's pattern).
import type { ParseArgsConfig } from 'node:util';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  /** True when stderr is a terminal: only then is progress printed. */
  progress: boolean;
}

export type Options = NonNullable<ParseArgsConfig['options']>;
export type Values = Record<string, string | boolean | string[] | undefined>;

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Lines of help below the usage, one per option. */
  help: string[];
  options: Options;
  /** True when the command reads its own positional arguments (paths, reports); otherwise one positional is the repository. */
  positionals?: boolean;
  run(values: Values, positionals: string[], io: Io): Promise<number>;
}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** Options every command that reads a repository accepts. */
export const repoOptions: Options = {
  repo: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};
