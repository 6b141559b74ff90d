// Comparing people's names and handles.
//  - A full name matches another when they are equal ignoring case, accents and spaces, and each
//    has at least two words (`José  García` = `jose garcia`).
//    One-word names (`admin`, `dev`) are too common to merge on.
//  - GitHub handles and team slugs are case-insensitive (GitHub's rule; GitLab usernames too):
//    they are compared by `handleKey`, and shown as first written in CODEOWNERS.

/** Key for same-name merging, or null when the name has fewer than two words. */
export function nameKey(name: string): string | null {
  const words = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim().split(/\s+/).filter(Boolean);
  return words.length >= 2 ? words.join('') : null;
}

/** Case-insensitive key of a handle, team slug or email owner; `@` optional. */
export function handleKey(owner: string): string {
  return owner.trim().replace(/^@/, '').toLowerCase();
}

/** A CODEOWNERS owner that names a person (`@user`, not `@org/team`, not an email). */
export function isPersonHandle(owner: string): boolean {
  return owner.startsWith('@') && !owner.includes('/') && !owner.startsWith('@@');
}
