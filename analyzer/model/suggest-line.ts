// CODEOWNERS lines Conway suggests, written so they apply as they are: anchored to
// the root, a directory with a trailing `/` (owns everything below it on GitHub and GitLab),
// and every character a forge would misread replaced. GitHub rejects `[ ]` (no character
// ranges) and GitLab reads them as ranges, so they become `?`, which matches any one character
// — the generalised pattern still matches the file (Next.js' `[[...slug]]` becomes
// `??...slug??`). Spaces and `#` are escaped with `\` (GitHub's documented escape). The leading
// `/` means a `!` in a name never starts the pattern, so it is no negation.

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
