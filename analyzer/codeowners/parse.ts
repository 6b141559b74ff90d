// CODEOWNERS text → rules and problems. Pure: no file access.
// GitHub: each line is `pattern owner…`; lines with `!` (negation) or `[ ]` (ranges) are
// invalid in CODEOWNERS and skipped, as is a line with an invalid owner (GitHub skips invalid
// lines, it does not reject the file). GitLab adds sections `[Name]`, `^[Name]`, `[Name][N]`
// with default owners, and `!pattern` exclusions inside a section.
import type { Flavor, Problem, Rule } from '../model/types';
import { gitlabPatternProblem } from './glob-gitlab';
import { checkOwner } from '../model/owner-syntax';
import { tokenize } from './tokenize';

export interface Section {
  /** Display name as first written; sections with the same name (case-insensitive) are one. */
  name: string;
  optional: boolean;
  approvals: number;
  defaultOwners: string[];
  line: number;
}

export interface ParsedCodeowners {
  path: string;
  flavor: Flavor;
  rules: Rule[];
  sections: Section[];
  errors: Problem[];
  warnings: Problem[];
  /** Codeowners Plus: rules come from these `.codeowners` files (each rule names its file). */
  source?: 'codeowners-plus';
  files?: string[];
  /** Codeowners Plus `codeowners.toml` `ignore`: directories no rule applies to. */
  ignore?: string[];
}

/** A rule's identity: its line, within its own file when ownership spans several files. */
export function ruleKey(r: { line: number; file?: string }): string {
  return r.file === undefined ? String(r.line) : `${r.file}:${r.line}`;
}

const SECTION = /^(\^)?\[([^\]]+)\](?:\[(\d+)\])?(.*)$/;

export function parseCodeowners(text: string, path: string, flavor: Flavor): ParsedCodeowners {
  const out: ParsedCodeowners = { path, flavor, rules: [], sections: [], errors: [], warnings: [] };
  let section: Section | undefined;
  // A UTF-8 byte order mark is not part of rule 1's pattern.
  (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    const err = (message: string) => out.errors.push({ file: path, line, message });
    if (flavor === 'gitlab') {
      const head = SECTION.exec(trimmed);
      if (head) {
        section = addSection(out, head, line, err);
        return;
      }
    }
    const rule = parseRuleLine(raw, line, flavor, section, err);
    if (rule) out.rules.push(rule);
  });
  return out;
}

function addSection(out: ParsedCodeowners, m: RegExpExecArray, line: number, err: (m: string) => void): Section {
  const name = m[2].trim();
  const owners = tokenize(m[4], false).map((t) => t.text);
  const valid = owners.filter((o) => {
    const why = checkOwner(o, 'gitlab');
    if (why) err(`${why} (section [${name}] default owners)`);
    return !why;
  });
  const existing = sectionsByName(out).get(name.toLowerCase());
  if (existing) {
    // Duplicate sections are combined; one required occurrence makes the section required.
    existing.optional &&= Boolean(m[1]);
    if (valid.length) existing.defaultOwners = valid;
    return existing;
  }
  const section = { name, optional: Boolean(m[1]), approvals: m[3] ? Number(m[3]) : 1, defaultOwners: valid, line };
  out.sections.push(section);
  sectionsByName(out).set(name.toLowerCase(), section);
  return section;
}

/** Sections by lower-cased name, beside the parse result (a lookup per header: 45,000 headers stay linear). */
const byName = new WeakMap<ParsedCodeowners, Map<string, Section>>();

function sectionsByName(out: ParsedCodeowners): Map<string, Section> {
  let m = byName.get(out);
  if (!m) byName.set(out, (m = new Map()));
  return m;
}

function parseRuleLine(
  raw: string,
  line: number,
  flavor: Flavor,
  section: Section | undefined,
  err: (m: string) => void,
): Rule | null {
  const tokens = tokenize(raw, flavor === 'github');
  if (!tokens.length) return null;
  let pattern = tokens[0].text;
  const exclusion = flavor === 'gitlab' && pattern.startsWith('!');
  if (exclusion) pattern = pattern.slice(1);
  const why = checkPattern(pattern, flavor);
  if (why) {
    err(`${why}; the line is skipped`);
    return null;
  }
  let owners = tokens.slice(1).map((t) => t.text);
  if (flavor === 'gitlab') owners = owners.filter((o) => o.startsWith('@') || o.includes('@'));
  const bad = owners.map((o) => checkOwner(o, flavor)).find(Boolean);
  if (bad) {
    err(`${bad}; the line is skipped`);
    return null;
  }
  if (section && !owners.length && !exclusion) owners = section.defaultOwners;
  owners = dedupe(owners);
  const rule: Rule = { line, pattern, owners };
  if (section) rule.section = section.name;
  if (exclusion) rule.exclusion = true;
  return rule;
}

function checkPattern(pattern: string, flavor: Flavor): string | null {
  if (!pattern) return 'empty pattern';
  if (flavor === 'gitlab') return gitlabPatternProblem(pattern);
  if (pattern.startsWith('!'))
    return `'${pattern}': negation (!) is not supported in GitHub CODEOWNERS — list the paths that should be owned instead`;
  if (/(^|[^\\])[[\]]/.test(pattern))
    return `'${pattern}': character ranges ([ ]) are not supported in GitHub CODEOWNERS — write each name out, or use * and ?`;
  if (pattern.includes('***'))
    return `'${pattern}': three consecutive asterisks are not a valid pattern — use ** to span directories`;
  return null;
}

/** An owner listed twice on one rule is one owner (handles and emails compare case-insensitively). */
function dedupe(owners: string[]): string[] {
  if (owners.length < 2) return owners;
  const seen = new Set<string>();
  return owners.filter((o) => !seen.has(o.toLowerCase()) && !!seen.add(o.toLowerCase()));
}
