// .mailmap (gitmailmap(5)): git applies it already (`--use-mailmap`), so the identities Conway
// sees are the mapped ones; this module only reads the file to show *which* identities it merged
// (evidence), and writes the lines that would make git merge what Conway merged by itself.
//   Proper Name <proper@email> Commit Name <commit@email>   (also without either name)
// Only entries with two addresses merge identities; `Name <email>` alone just fixes a name.

export interface MailmapEntry {
  properName: string;
  properEmail: string;
  commitName: string;
  commitEmail: string;
}

const ENTRY = /^([^<#]*)<([^>]*)>\s*([^<#]*)<([^>]*)>/;

export function parseMailmap(text: string): MailmapEntry[] {
  const out: MailmapEntry[] = [];
  for (const line of text.split('\n')) {
    const m = ENTRY.exec(line.trim());
    if (m)
      out.push({
        properName: m[1].trim(),
        properEmail: m[2].trim(),
        commitName: m[3].trim(),
        commitEmail: m[4].trim(),
      });
  }
  return out;
}

/** `Proper Name <proper@email> Other Name <other@email>`: maps the other identity onto the proper one. */
export function mailmapLine(proper: { name: string; email: string }, other: { name: string; email: string }): string {
  return `${proper.name} <${proper.email}> ${other.name} <${other.email}>`;
}
