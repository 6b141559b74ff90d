// Team labels that fit: real repositories name teams by CODEOWNERS owner (`@org/long-team-name`),
// so the org prefix every team shares is dropped from labels; the full name stays on hover.

/** The `@org/` (or longer `a/b/`) prefix every name shares, '' when they do not all share one. */
export function commonOwnerPrefix(names: string[]): string {
  if (names.length < 2)
    return names.length === 1 && /^@[^/]+\//.test(names[0]) ? names[0].slice(0, names[0].indexOf('/') + 1) : '';
  let prefix = names[0];
  for (const n of names) {
    while (!n.startsWith(prefix)) prefix = prefix.slice(0, -1);
    if (!prefix) return '';
  }
  const cut = prefix.lastIndexOf('/');
  return cut > 0 ? prefix.slice(0, cut + 1) : '';
}

/** Team id → short label (prefix dropped; a name left empty keeps its full form). */
export function shortLabels(teams: { id: string; name: string }[]): Map<string, string> {
  const prefix = commonOwnerPrefix(teams.map((t) => t.name));
  return new Map(
    teams.map((t) => [
      t.id,
      t.name.startsWith(prefix) && t.name.length > prefix.length ? t.name.slice(prefix.length) : t.name,
    ]),
  );
}

/** n with a thousands separator: `1,204`. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}
