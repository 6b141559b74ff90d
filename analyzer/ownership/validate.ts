// Problems in CODEOWNERS and the team map (`conway validate`):
//  errors   — invalid pattern or owner (from the parser), team map schema errors, a team-shaped
//             owner (`@org/team`) that the team map does not list (when a team map exists);
//  warnings — duplicate pattern, rule that matches no tracked file, rule fully shadowed by later
//             rules (it matches files but decides none), person owners the team map does not list.
import { matcherFor } from './matcher-for';
import { isTeamOwner } from '../model/owner-syntax';
import { handleKey } from '../people/names';
import type { Problem, Problems, Rule } from '../model/types';
import type { Ownership } from '.';

export function validateOwnership(own: Ownership, trackedFiles: string[] | null): Problems {
  const co = own.codeowners;
  const out: Problems = {
    errors: [...(co?.errors ?? []), ...own.teamMapErrors],
    warnings: [...(co?.warnings ?? []), ...own.teamMapWarnings],
  };
  if (!co) return out;
  const warn = (r: Rule, message: string) => out.warnings.push({ file: r.file ?? co.path, line: r.line, message });
  warnDuplicates(co.rules, warn);
  if (trackedFiles) warnUnusedAndShadowed(own, trackedFiles, warn);
  if (own.teamMap.path) checkOwnersAgainstMap(own, out);
  out.errors.sort(byLine);
  out.warnings.sort(byLine);
  return out;
}

function warnDuplicates(rules: Rule[], warn: (r: Rule, m: string) => void): void {
  const seen = new Map<string, Rule>();
  for (const r of rules) {
    const key = `${r.file ?? ''}\0${r.kind ?? ''}\0${r.section?.toLowerCase() ?? ''}\0${r.exclusion ? '!' : ''}${r.pattern}`;
    const first = seen.get(key);
    if (first)
      warn(r, `duplicate pattern '${r.pattern}' (also on line ${first.line}); the later line wins — remove one`);
    else seen.set(key, r);
  }
}

function warnUnusedAndShadowed(own: Ownership, files: string[], warn: (r: Rule, m: string) => void): void {
  const matcher = matcherFor(own.codeowners!);
  const matched = new Set<Rule>();
  const shadowers = new Map<Rule, Set<Rule>>();
  const decided = new Set<Rule>();
  for (const f of files) {
    const m = matcher.match(f);
    const deciding = [...(m.sectionRules ?? (m.rule ? [m.rule] : [])), ...(m.optionalRules ?? [])];
    for (const r of deciding) decided.add(r);
    for (const r of matcher.matchingRules(f)) {
      matched.add(r);
      if (r.exclusion || deciding.includes(r)) continue;
      const by = deciding.find((d) => (d.section ?? '') === (r.section ?? ''));
      if (by) (shadowers.get(r) ?? shadowers.set(r, new Set()).get(r)!).add(by);
    }
  }
  for (const r of own.codeowners!.rules) {
    if (!matched.has(r)) warn(r, `'${r.pattern}' matches no tracked file — fix the pattern or remove the rule`);
    else if (!decided.has(r) && !r.exclusion) {
      const by = [...(shadowers.get(r) ?? [])].sort((a, b) => a.line - b.line).slice(0, 5);
      // Rules from several files (Codeowners Plus, a catalog) are named by file and line.
      const lines = by.map((d) => (d.file !== undefined && d.file !== r.file ? `${d.file}:${d.line}` : d.line));
      warn(
        r,
        `'${r.pattern}' is fully shadowed: every file it matches is decided by ${r.file === undefined ? 'later ' : ''}${lines.some((l) => typeof l === 'string') ? `rule${lines.length > 1 ? 's' : ''}` : `rule${lines.length > 1 ? 's on lines' : ' on line'}`} ${lines.join(', ')} — remove it${r.file === undefined ? ' or move it below' : ''}`,
      );
    }
  }
}

function checkOwnersAgainstMap(own: Ownership, out: Problems): void {
  const mapped = new Set(own.teamMap.teams.filter((t) => !t.implicit).flatMap((t) => t.owners.map(handleKey)));
  const reported = new Set<string>();
  for (const r of own.codeowners!.rules) {
    for (const o of r.owners) {
      if (mapped.has(handleKey(o)) || reported.has(handleKey(o))) continue;
      reported.add(handleKey(o));
      const where = { file: r.file ?? own.codeowners!.path, line: r.line };
      if (isTeamOwner(o))
        out.errors.push({
          ...where,
          message: `unknown team '${o}': no team in ${own.teamMap.path} lists it in owners — add it to a team's owners`,
        });
      else
        out.warnings.push({
          ...where,
          message: `owner '${o}' is not in ${own.teamMap.path}: add it to a team's owners (or members) to count it`,
        });
    }
  }
}

function byLine(a: Problem, b: Problem): number {
  return a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1;
}
