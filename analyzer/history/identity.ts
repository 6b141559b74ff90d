// Identity resolution. git already applied .mailmap (`--use-mailmap`,
// `%aN`/`%aE`); what remains is Conway's own mapping to one stable person id:
//   1. a team-map member alias (email, git author name or `@handle`, case-insensitive);
//   2. a GitHub noreply address `123+handle@users.noreply.github.com` or
//      `handle@users.noreply.github.com` → `handle`;
//   3. otherwise the lowercased email (the lowercased name when the email is empty).
// Co-authored-by trailers resolve the same way once parsed as git writes an identity,
// `Name <email>` (the name may be empty, the address needs an `@`): anything else — `Name
// email`, a bare name, `<>` — is malformed and ignored (commits.ts counts it in a note), never a
// person whose email is `name email`.

export interface Member {
  person: string;
  aliases: string[];
}

export interface Identity {
  name: string;
  email: string;
}

export type Resolve = (name: string, email: string) => string;

const NOREPLY = /^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/i;

/** The GitHub handle hidden in a noreply address, or null. */
export function noreplyHandle(email: string): string | null {
  return NOREPLY.exec(email.trim())?.[1] ?? null;
}

/** Builds a resolver from the team map's members; results are memoized per (name, email). */
export function makeResolver(members: Member[] = []): Resolve {
  const byAlias = indexAliases(members);
  const memo = new Map<string, string>();
  return (name, email) => {
    const key = `${name}\x1f${email}`;
    let person = memo.get(key);
    if (person === undefined) memo.set(key, (person = resolveOnce(byAlias, name, email)));
    return person;
  };
}

const TRAILER_IDENTITY = /^([^<>]*?)\s*<([^<>\s]+@[^<>\s]+)>$/;

/** Splits a trailer value `Name <email>`; null when it is not one (malformed). */
export function parseTrailerIdentity(value: string): Identity | null {
  const m = TRAILER_IDENTITY.exec(value.trim());
  return m ? { name: m[1].trim(), email: m[2] } : null;
}

function indexAliases(members: Member[]): Map<string, string> {
  const byAlias = new Map<string, string>();
  for (const m of members) {
    for (const alias of m.aliases) byAlias.set(alias.trim().toLowerCase(), m.person);
  }
  return byAlias;
}

function resolveOnce(byAlias: Map<string, string>, name: string, email: string): string {
  const mail = email.trim().toLowerCase();
  const handle = noreplyHandle(mail);
  return (
    byAlias.get(mail) ??
    (handle !== null ? byAlias.get(`@${handle}`) : undefined) ??
    byAlias.get(name.trim().toLowerCase()) ??
    handle ??
    (mail || name.trim().toLowerCase())
  );
}
