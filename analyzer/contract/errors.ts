// Errors the user can act on. Thrown only at boundaries (reading input, parsing arguments),
// caught once in the CLI and printed as `ERROR: …` with exit code 2 — never a stack trace.

export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** Expected repository states that stop a command (not a repository, no commits, …). */
export class RepoStateError extends UserError {
  override name = 'RepoStateError';
}
