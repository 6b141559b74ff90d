// Required code-owner approvals of a change, as the forge computes them:
//  - GitHub: CODEOWNERS as it is on the base branch ("the CODEOWNERS file must be on the base
//    branch of the pull request", GitHub docs, About code owners); each changed file needs one
//    approval from any owner of its last matching rule; a rule without owners requires nobody.
//    Files are grouped by their owner set: one group = one approval that must be given.
//  - GitLab: every section that matches a file requires approval from the owners of that
//    section's deciding rule, `[Section][N]` N approvals (default 1); `^[Section]` is optional.
// A deleted file is matched at its path (its owners' code is removed). A renamed file is matched
// at both paths: code leaves the old path's owners and arrives at the new path's (docs/cli.md, `conway review`: why).
import type { Change } from '../collect/revision';
import type { Rule } from '../model/types';
import { ruleKey } from '../codeowners/parse';
import type { WhoResult } from '../ownership';
import type { ReviewApproval, ReviewFile } from '../contract/review';
import type { SideModel } from './side-model';

export function fileRows(changes: Change[], base: SideModel): ReviewFile[] {
  return changes.map((c) => {
    const w = base.who(c.path);
    const row: ReviewFile = { path: c.path, status: c.status, owners: w.owners, teams: w.teams, rule: w.rule };
    if (w.sectionRules && w.sectionRules.length > 1) row.sectionRules = w.sectionRules;
    if (c.oldPath !== undefined && c.status === 'renamed') {
      const o = base.who(c.oldPath);
      row.oldPath = c.oldPath;
      row.previous = { owners: o.owners, teams: o.teams, rule: o.rule };
    }
    return row;
  });
}

/** Every path whose owners must approve: each changed path, and a renamed file's old path. */
function approvalPaths(changes: Change[]): string[] {
  return changes.flatMap((c) => (c.status === 'renamed' && c.oldPath !== undefined ? [c.oldPath, c.path] : [c.path]));
}

export function requiredApprovals(changes: Change[], base: SideModel): ReviewApproval[] {
  const groups = new Map<string, ReviewApproval>();
  const codeowners = base.ownership.codeowners;
  const sections = new Map((codeowners?.sections ?? []).map((s) => [s.name.toLowerCase(), s]));
  const rules = new Map((codeowners?.rules ?? []).map((r) => [ruleKey(r), r]));
  for (const path of approvalPaths(changes)) {
    for (const rule of decidingRules(base.who(path), rules)) {
      if (!rule.owners.length) continue; // an owner-less rule makes the file unowned: nobody must approve
      const section = rule.section === undefined ? undefined : sections.get(rule.section.toLowerCase());
      const optional = section?.optional ?? rule.kind === 'optional';
      const key = JSON.stringify([section?.name.toLowerCase() ?? null, optional, [...rule.owners].sort()]);
      let g = groups.get(key);
      if (!g) {
        g = {
          owners: [...rule.owners].sort(),
          teams: base.ownership.teamsOfOwners(rule.owners),
          files: [],
          approvals: section?.approvals ?? 1,
          optional,
          rules: [],
        };
        if (section) g.section = section.name;
        groups.set(key, g);
      }
      if (!g.files.includes(path)) g.files.push(path);
      if (!g.rules.some((r) => ruleKey(r) === ruleKey(rule)))
        g.rules.push(
          rule.file === undefined
            ? { line: rule.line, pattern: rule.pattern }
            : { file: rule.file, line: rule.line, pattern: rule.pattern },
        );
    }
  }
  return [...groups.values()].sort(
    (a, b) =>
      Number(a.optional) - Number(b.optional) ||
      cmp(a.section ?? '', b.section ?? '') ||
      cmp(a.owners.join(' '), b.owners.join(' ')),
  );
}

/** GitHub: the one deciding rule; GitLab: the deciding rule of every matching section; Codeowners Plus: primary, `&` and `?` rules. */
function decidingRules(w: WhoResult, rules: Map<string, Rule>): Rule[] {
  const decided = [...(w.sectionRules ?? (w.rule ? [w.rule] : [])), ...(w.optional?.rules ?? [])];
  return decided.map((r) => rules.get(ruleKey(r))).filter((r): r is Rule => r !== undefined);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
