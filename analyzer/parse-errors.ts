// Parse errors in words that never quote the file. A repository can point a committed
// `conway.yml` or `pnpm-workspace.yaml` at any file of its work tree (an untracked `.env`), and
// the yaml package's and JSON.parse's messages quote the text they stopped at — which would copy
// a secret into a note, a report or a CI log. These name the kind of error (and the caller names
// the file and line) instead.

/** The kind of a yaml-package error or warning, from its stable `code` ("UNEXPECTED_TOKEN" → "unexpected token"). */
export function yamlErrorKind(e: { code?: string }): string {
  return e.code ? e.code.toLowerCase().replace(/_/g, ' ') : 'cannot be parsed';
}

/** " at line L, column C" when JSON.parse says where; Node's messages that quote the text instead are never shown. */
export function jsonErrorPlace(text: string, e: Error): string {
  const at = /at position (\d+)/.exec(e.message);
  if (!at) return /end of JSON/i.test(e.message) ? ' (it ends too early)' : '';
  const before = text.slice(0, Number(at[1]));
  return ` at line ${before.split('\n').length}, column ${before.length - before.lastIndexOf('\n')}`;
}
