// Declared modules (docs/architecture.md): a file belongs to the directory its deciding CODEOWNERS rule
// names (`/src/billing/` → src/billing), else to the workspace package that contains it, else to
// its top-level directory (`.` for files at the root). Rules that name no directory (`*.js`)
// fall through to the package/top-level choice.
import type { Rule } from '../model/types';

const dirs = new WeakMap<Rule, string | null>();

/** The directory a rule names (memoized per rule: every file of the rule asks). */
export function ruleDirectory(rule: Rule | null): string | null {
  if (!rule) return null;
  let d = dirs.get(rule);
  if (d === undefined) dirs.set(rule, (d = computeRuleDirectory(rule)));
  return d;
}

function computeRuleDirectory(rule: Rule): string | null {
  const p = rule.pattern;
  const anchored = p.startsWith('/') || p.replace(/\/$/, '').includes('/');
  if (!anchored) return null;
  const segs = p.replace(/^\//, '').split('/');
  const literal: string[] = [];
  for (const s of segs) {
    if (!s || /[*?[\\]/.test(s)) break;
    literal.push(s);
  }
  // `/src/index.ts` names a file: its module is the file's directory.
  if (literal.length === segs.length && !p.endsWith('/')) literal.pop();
  return literal.length ? literal.join('/') : null;
}

export function createModuleOf(ruleOf: (path: string) => Rule | null, packageDirs: string[]): (path: string) => string {
  // The deepest package directory above the path: its ancestors, deepest first, looked up in a
  // set (a scan of 100+ package directories per path was a quarter of the file rows' cost).
  const pkgs = new Set(packageDirs.filter((d) => d && d !== '.'));
  return (path) => {
    const dir = ruleDirectory(ruleOf(path));
    if (dir && path.startsWith(dir + '/')) return dir;
    for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
      const d = path.slice(0, slash);
      if (pkgs.has(d)) return d;
    }
    const slash = path.indexOf('/');
    return slash < 0 ? '.' : path.slice(0, slash);
  };
}
