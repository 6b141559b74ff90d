// The fewest owners whose approvals satisfy every required group: GitHub needs one approval per
// changed file from any owner of its deciding rule, so one owner listed on every rule is enough,
// however many groups there are. This is set cover (NP-hard, Karp 1972): exact by iterative
// deepening for up to EXACT_OWNERS candidate owners — after dropping owners whose groups another
// owner also covers, typical reviews have a handful — else the greedy cover (most uncovered
// groups first, ties by name), within ln(n)+1 of the optimum (Chvátal 1979), said by `method`.
// GitLab groups needing N > 1 approvals still need N people of theirs; the set names one each.
import type { ReviewApproval } from '../contract/review';

export const EXACT_OWNERS = 20;

export interface ApprovalSet {
  owners: string[];
  size: number;
  method: 'exact' | 'greedy';
}

export function approvalSet(approvals: ReviewApproval[]): ApprovalSet {
  const groups = approvals.filter((a) => !a.optional && a.owners.length);
  const covers = new Map<string, Set<number>>();
  groups.forEach((g, i) => g.owners.forEach((o) => (covers.get(o) ?? covers.set(o, new Set()).get(o)!).add(i)));
  const candidates = undominated(covers);
  const exact = candidates.length <= EXACT_OWNERS;
  const owners = (
    exact ? exactCover(candidates, covers, groups.length) : greedyCover(candidates, covers, groups.length)
  ).sort();
  return { owners, size: owners.length, method: exact ? 'exact' : 'greedy' };
}

/** Owners whose groups no other owner covers a strict superset of (equal sets: the first by name stays). */
function undominated(covers: Map<string, Set<number>>): string[] {
  const names = [...covers.keys()].sort();
  return names.filter(
    (a, i) =>
      !names.some((b, j) => {
        if (a === b) return false;
        const [x, y] = [covers.get(a)!, covers.get(b)!];
        return y.size >= x.size && [...x].every((g) => y.has(g)) && (y.size > x.size || j < i);
      }),
  );
}

function exactCover(names: string[], covers: Map<string, Set<number>>, n: number): string[] {
  for (let k = 1; k <= names.length; k++) {
    const found = search(names, covers, n, k, 0, new Set(), []);
    if (found) return found;
  }
  return [];
}

function search(
  names: string[],
  covers: Map<string, Set<number>>,
  n: number,
  k: number,
  from: number,
  covered: Set<number>,
  chosen: string[],
): string[] | null {
  if (covered.size === n) return [...chosen];
  if (chosen.length === k) return null;
  for (let i = from; i < names.length; i++) {
    const next = new Set([...covered, ...covers.get(names[i])!]);
    if (next.size === covered.size) continue;
    const r = search(names, covers, n, k, i + 1, next, [...chosen, names[i]]);
    if (r) return r;
  }
  return null;
}

function greedyCover(names: string[], covers: Map<string, Set<number>>, n: number): string[] {
  const covered = new Set<number>();
  const chosen: string[] = [];
  while (covered.size < n) {
    let best = names[0];
    let gain = -1;
    for (const o of names) {
      const g = [...covers.get(o)!].filter((x) => !covered.has(x)).length;
      if (g > gain) [best, gain] = [o, g];
    }
    chosen.push(best);
    covers.get(best)!.forEach((x) => covered.add(x));
  }
  return chosen;
}
