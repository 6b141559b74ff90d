// Terminal output quotes what a repository may put in names: control characters (a newline
// would split the `file:line: kind:` line; ESC starts ANSI/OSC sequences that recolour the
// terminal, rewrite its title or forge links). Quoted the way git does with core.quotePath
// (quote_c_style in git's quote.c): the name in double quotes, `\"` `\\` and C escapes (`\n`,
// `\t`, …), other control bytes as three-digit octal. Non-ASCII text stays readable (as with
// core.quotePath=false) except the C1 controls U+0080–U+009F, which some terminals obey.

const C_ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\v': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '"': '\\"',
  '\\': '\\\\',
};
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const NEEDS_QUOTES = /[\u0000-\u001f\u007f-\u009f"\\]/;

/** A path as git prints it: unchanged when harmless, else double-quoted with escapes. */
export function quotePath(path: string): string {
  return NEEDS_QUOTES.test(path) ? `"${escape(path, NEEDS_QUOTES)}"` : path;
}

/** Free text (a message, a team name): control characters escaped, nothing else touched. */
export function escapeControls(text: string): string {
  return CONTROL.test(text) ? escape(text, CONTROL) : text;
}

function escape(s: string, which: RegExp): string {
  let out = '';
  for (const ch of s) out += which.test(ch) ? (Object.hasOwn(C_ESCAPES, ch) ? C_ESCAPES[ch] : octal(ch)) : ch;
  return out;
}

function octal(ch: string): string {
  return [...Buffer.from(ch, 'utf8')].map((b) => `\\${b.toString(8).padStart(3, '0')}`).join('');
}
