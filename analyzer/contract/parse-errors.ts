// Parse errors in words that never quote the file. A repository can point a committed
// `conway.yml` or `pnpm-workspace.yaml` at any file of its work tree (an untracked `.env`), and
// the yaml package's and JSON.parse's messages quote the text they stopped at — which would copy
// a secret into a note, a report or a CI log. These name the kind of error (and the caller names
// the file and line) instead.

const YAML_WORDS: Record<string, string> = {
  TAG_RESOLVE_FAILED: 'unresolved tag',
  BAD_INDENT: 'bad indentation',
  TAB_AS_INDENT: 'a tab as indentation',
};

/** The kind of a yaml-package error or warning, from its stable `code` ("UNEXPECTED_TOKEN" → "unexpected token"). */
export function yamlErrorKind(e: { code?: string }): string {
  if (!e.code) return 'cannot be parsed';
  return Object.hasOwn(YAML_WORDS, e.code) ? YAML_WORDS[e.code] : e.code.toLowerCase().replace(/_/g, ' ');
}

/** "line L, column C" of an offset in text (1-based, as editors count). */
export function placeOf(text: string, offset: number): string {
  const before = text.slice(0, offset);
  return `line ${before.split('\n').length}, column ${before.length - before.lastIndexOf('\n')}`;
}

/** " at line L, column C" when JSON.parse says where; Node's messages that quote the text instead are never shown. */
export function jsonErrorPlace(text: string, e: Error): string {
  const at = /at position (\d+)/.exec(e.message);
  if (!at) return /end of JSON/i.test(e.message) ? ' (it ends too early)' : '';
  return ` at ${placeOf(text, Number(at[1]))}`;
}
