// Import extraction from TS/JS text with TypeScript's scanner (tokens only, no AST): faster than
// a full parse (docs/architecture.md, "Performance": the type checker is 5–8× slower than needed) and, unlike
// `ts.preProcessFile`, it sees `export * as ns from` and tells the kinds apart:
//   static     import x from 'm' · import 'm' · import { a } from 'm'
//   type       import type … from 'm' · export type { … } from 'm'
//   reexport   export { a } from 'm' · export * from 'm' · export * as ns from 'm'
//   dynamic    import('m') with a string literal
//   require    require('m') · import x = require('m')
//   reference  /// <reference path="…" /> and types="…"
// Regex literals and template literals are rescanned as the TS parser would, so quotes inside
// them do not derail the scan. A stray quote in JSX text can hide imports on that line only.
import type * as ts from 'typescript';
import { typescript } from './ts-lib';
import type { ImportKind } from '../model/types';

let K: typeof ts.SyntaxKind; // set at the first extraction (ts-lib.ts)

export interface RawImport {
  specifier: string;
  line: number;
  kind: ImportKind;
}

interface Tok {
  k: ts.SyntaxKind;
  v: string;
  pos: number;
}

export function extractImports(text: string, jsx: boolean): RawImport[] {
  K ??= typescript().SyntaxKind;
  const toks = tokenize(text, jsx);
  const lines = lineStarts(text);
  const out: RawImport[] = [];
  const add = (t: Tok, kind: ImportKind) => out.push({ specifier: t.v, line: lineOf(lines, t.pos), kind });
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const prevDot = i > 0 && (toks[i - 1].k === K.DotToken || toks[i - 1].k === K.QuestionDotToken);
    if (prevDot) continue;
    if (t.k === K.ImportKeyword) i = readImport(toks, i, add);
    else if (t.k === K.ExportKeyword) i = readExport(toks, i, add);
    else if (isRequire(t) && isCall(toks, i)) add(toks[i + 2], 'require');
  }
  return [...references(text, lines), ...out];
}

/** `require` scans as a contextual keyword (RequireKeyword). */
function isRequire(t: Tok): boolean {
  return t.k === K.RequireKeyword || (t.k === K.Identifier && t.v === 'require');
}

function isString(t: Tok | undefined): boolean {
  return t !== undefined && (t.k === K.StringLiteral || t.k === K.NoSubstitutionTemplateLiteral);
}

/** `name ( 'lit' )` at i. */
function isCall(toks: Tok[], i: number): boolean {
  return toks[i + 1]?.k === K.OpenParenToken && isString(toks[i + 2]) && toks[i + 3]?.k === K.CloseParenToken;
}

function readImport(toks: Tok[], i: number, add: (t: Tok, k: ImportKind) => void): number {
  const next = toks[i + 1];
  if (!next) return i;
  if (next.k === K.OpenParenToken) {
    if (isString(toks[i + 2])) add(toks[i + 2], 'dynamic');
    return i + 1;
  }
  if (isString(next)) {
    add(next, 'static');
    return i + 1;
  }
  if (next.k === K.DotToken) return i + 1; // import.meta
  const isType =
    next.k === K.TypeKeyword && toks[i + 2] && ![K.FromKeyword, K.EqualsToken, K.CommaToken].includes(toks[i + 2].k);
  for (let j = i + 1; j < toks.length && j < i + 400; j++) {
    const t = toks[j];
    if (t.k === K.FromKeyword && isString(toks[j + 1])) {
      add(toks[j + 1], isType ? 'type' : 'static');
      return j + 1;
    }
    if (t.k === K.EqualsToken) {
      const r = toks[j + 1];
      if (!r || !isRequire(r) || !isCall(toks, j + 1)) return j;
      add(toks[j + 3], isType ? 'type' : 'require');
      return j + 4;
    }
    if (t.k === K.SemicolonToken || t.k === K.ImportKeyword || t.k === K.ExportKeyword) return j - 1;
  }
  return i;
}

function readExport(toks: Tok[], i: number, add: (t: Tok, k: ImportKind) => void): number {
  let j = i + 1;
  const isType = toks[j]?.k === K.TypeKeyword;
  if (isType) j++;
  const start = toks[j];
  if (!start) return i;
  if (start.k === K.AsteriskToken) {
    j++;
    if (toks[j]?.k === K.AsKeyword) j += 2;
  } else if (start.k === K.OpenBraceToken) {
    while (j < toks.length && toks[j].k !== K.CloseBraceToken) j++;
    j++;
  } else return i;
  if (toks[j]?.k === K.FromKeyword && isString(toks[j + 1])) {
    add(toks[j + 1], isType ? 'type' : 'reexport');
    return j + 1;
  }
  return j - 1;
}

let noRegexAfter: Set<ts.SyntaxKind> | undefined;
const NO_REGEX_AFTER_OF = () =>
  new Set<ts.SyntaxKind>([
    K.Identifier,
    K.NumericLiteral,
    K.BigIntLiteral,
    K.StringLiteral,
    K.NoSubstitutionTemplateLiteral,
    K.TemplateTail,
    K.RegularExpressionLiteral,
    K.CloseParenToken,
    K.CloseBracketToken,
    K.CloseBraceToken,
    K.PlusPlusToken,
    K.MinusMinusToken,
    K.ThisKeyword,
    K.SuperKeyword,
    K.TrueKeyword,
    K.FalseKeyword,
    K.NullKeyword,
    K.PrivateIdentifier,
  ]);

function tokenize(text: string, jsx: boolean): Tok[] {
  const lib = typescript();
  const NO_REGEX_AFTER = (noRegexAfter ??= NO_REGEX_AFTER_OF());
  const scanner = lib.createScanner(
    lib.ScriptTarget.Latest,
    true,
    jsx ? lib.LanguageVariant.JSX : lib.LanguageVariant.Standard,
    text,
  );
  const toks: Tok[] = [];
  const templates: number[] = []; // open-brace depth inside each `${` of a template
  let prev: ts.SyntaxKind | undefined;
  for (let k = scanner.scan(); k !== K.EndOfFileToken; k = scanner.scan()) {
    if ((k === K.SlashToken || k === K.SlashEqualsToken) && (prev === undefined || !NO_REGEX_AFTER.has(prev)))
      k = scanner.reScanSlashToken();
    if (k === K.TemplateHead) templates.push(0);
    else if (k === K.OpenBraceToken && templates.length) templates[templates.length - 1]++;
    else if (k === K.CloseBraceToken && templates.length) {
      if (templates[templates.length - 1] === 0) {
        k = scanner.reScanTemplateToken(false);
        if (k === K.TemplateTail) templates.pop();
      } else templates[templates.length - 1]--;
    }
    toks.push({ k, v: scanner.getTokenValue(), pos: scanner.getTokenStart() });
    prev = k;
  }
  return toks;
}

const REFERENCE = /^[ \t]*\/\/\/[ \t]*<reference[ \t]+(path|types)[ \t]*=[ \t]*["']([^"']+)["']/gm;

function references(text: string, lines: number[]): RawImport[] {
  const out: RawImport[] = [];
  if (!text.includes('///')) return out;
  for (const m of text.matchAll(REFERENCE))
    out.push({
      specifier: m[1] === 'path' ? toRelative(m[2]) : m[2],
      line: lineOf(lines, m.index!),
      kind: 'reference',
    });
  return out;
}

/** `/// <reference path="x.d.ts" />` is relative to the file even without `./`. */
function toRelative(p: string): string {
  return p.startsWith('.') || p.startsWith('/') ? p : `./${p}`;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineOf(starts: number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
