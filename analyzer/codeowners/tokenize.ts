// Splits one CODEOWNERS line into tokens: whitespace separates, `\` escapes the next character
// (kept, so the pattern compiler sees `\ ` and `\#`), an unescaped `#` starting a token begins
// an inline comment (GitHub's example: `*.js @js-owner #This is an inline comment.`). GitLab has
// no inline comments (its docs: "any Code Owners listed in a comment are parsed").

export interface Token {
  text: string;
  /** 0-based column, for messages. */
  column: number;
}

export function tokenize(line: string, inlineComments = true): Token[] {
  const tokens: Token[] = [];
  let cur = '';
  let start = -1;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\' && i + 1 < line.length) {
      if (start < 0) start = i;
      cur += ch + line[++i];
    } else if (ch === ' ' || ch === '\t') {
      if (start >= 0) tokens.push({ text: cur, column: start });
      cur = '';
      start = -1;
    } else if (ch === '#' && start < 0 && inlineComments) {
      break;
    } else {
      if (start < 0) start = i;
      cur += ch;
    }
  }
  if (start >= 0) tokens.push({ text: cur, column: start });
  return tokens;
}
