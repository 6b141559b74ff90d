// CODEOWNERS lines Conway suggests, written so they apply as they are: anchored to
// the root, a directory with a trailing `/` (owns everything below it on GitHub and GitLab),
// and every character a forge would misread replaced. GitHub rejects `[ ]` (no character
// ranges) and GitLab reads them as ranges, so they become `?`, which matches any one character
// — the generalised pattern still matches the file (Next.js' `[[...slug]]` becomes
// `??...slug??`). Spaces and `#` are escaped with `\` (GitHub's documented escape). The leading
// `/` means a `!` in a name never starts the pattern, so it is no negation.

/**
 * The owners a suggested line hands a file to: the new owner first, then every owner the current
 * rule lists that is not being replaced (review groups, co-owners) — dropping them would silently
 * remove a review requirement the repository set up.
 */
export function withCoOwners(current: readonly string[], replaced: readonly string[], next: string): string[] {
  const gone = new Set(replaced.map((o) => o.toLowerCase()));
  return [next, ...current.filter((o) => !gone.has(o.toLowerCase()) && o.toLowerCase() !== next.toLowerCase())];
}

/** A rule for one tracked file or directory and its owners. */
export function suggestLine(path: string, isDir: boolean, owners: string[]): string {
  return `${suggestPattern(path, isDir)} ${owners.join(' ')}`.trimEnd();
}

export function suggestPattern(path: string, isDir: boolean): string {
  const segments = path.split('/').map(escapeSegment);
  return `/${segments.join('/')}${isDir && path ? '/' : ''}`;
}

function escapeSegment(s: string): string {
  // A `\` in a name would escape the next character, and `***` is rejected: both generalised too.
  const generalised = s.replace(/[[\]\\]/g, '?').replace(/\*{3,}/g, '**');
  return generalised.replace(/[ \t#]/g, (c) => `\\${c}`);
}

/**
 * CODEOWNERS text with `line` inserted where `at` says: right before line `beforeLine`, else after
 * line `afterLine`, else at the end. What a lead does by hand, and what the tests do to check that
 * a suggested line owns exactly what it says.
 */
export function insertAt(
  text: string,
  at: { afterLine: number | null; beforeLine: number | null },
  line: string,
): string {
  const lines = text.split('\n');
  const index =
    at.beforeLine !== null
      ? at.beforeLine - 1
      : at.afterLine !== null
        ? at.afterLine
        : lines[lines.length - 1] === ''
          ? lines.length - 1
          : lines.length;
  lines.splice(index, 0, line);
  return lines.join('\n');
}
