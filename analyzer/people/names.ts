// Comparing people's names and handles.
//  - A full name matches another when they are equal ignoring case, accents and spaces, and each
//    has at least two words (`José  García` = `jose garcia`).
//    A middle initial is ignored (`Benjamin E. Coe` = `Benjamin Coe`). One-word names (`admin`,
//    `dev`) are too common to be a full name; see `wordKey` for the handle-like ones.
//  - GitHub handles and team slugs are case-insensitive (GitHub's rule; GitLab usernames too):
//    they are compared by `handleKey`, and shown as first written in CODEOWNERS.

/** Key for same-name merging, or null when the name has fewer than two words. */
export function nameKey(name: string): string | null {
  const words = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim().split(/\s+/).filter(Boolean);
  const full = words.filter((w, i) => i === 0 || i === words.length - 1 || !/^\p{L}\.?$/u.test(w));
  return full.length >= 2 ? full.join('') : null;
}

/** Placeholder one-word names git and tools write when no name was set: never evidence. */
const PLACEHOLDERS = new Set([
  'unknown',
  'root',
  'admin',
  'user',
  'ubuntu',
  'runner',
  'system',
  'none',
  'test',
  'github',
  'gitlab',
  'git',
  'developer',
  'localhost',
  'anonymous',
  'noreply',
  'nobody',
  'default',
  'build',
  'jenkins',
  'vagrant',
  'travis',
]);

/**
 * A one-word git name that reads like a handle (`isaacs`, `XhmikosR`, `step2yeung`): at least
 * MIN_WORD characters, no placeholder. The same word as another identity's one-word name or
 * email local part is evidence of one person (people/merge.ts), guarded like any other link.
 */
export function wordKey(name: string): string | null {
  const w = name.trim().toLowerCase();
  return /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(w) && w.length >= MIN_WORD && !PLACEHOLDERS.has(w) ? w : null;
}

/** Shorter one-word names (`dev`, `jo`, `bob`) are too often someone else's. */
export const MIN_WORD = 4;

/** Case-insensitive key of a handle, team slug or email owner; `@` optional. */
export function handleKey(owner: string): string {
  return owner.trim().replace(/^@/, '').toLowerCase();
}

/** A CODEOWNERS owner that names a person (`@user`, not `@org/team`, not an email). */
export function isPersonHandle(owner: string): boolean {
  return owner.startsWith('@') && !owner.includes('/') && !owner.startsWith('@@');
}
