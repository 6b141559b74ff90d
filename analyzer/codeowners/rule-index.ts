// Finds the last rule (highest line) whose pattern matches a path, without testing every rule.
// Each pattern is compiled once (segment-glob.ts items; the path is split into segments once). Anchored patterns are filed in a trie under their leading
// literal directory names (`/src/billing/**` under src → billing), so a path only meets the
// rules of the directories it lies in plus the unanchored ones (`*.js`, `**/logs`). With 1,000
// team-directory rules a file is tested against a handful of regexes instead of 1,000.

import { matchSegments, type Item } from './segment-glob';

export interface Indexed<T> {
  item: T;
  order: number;
  pattern: { items: Item[] };
  /** Leading literal path segments the pattern requires (empty: may match anywhere). */
  prefix: string[];
}

interface Node<T> {
  rules: Indexed<T>[];
  children: Map<string, Node<T>>;
}

export class RuleIndex<T> {
  private readonly root: Node<T> = { rules: [], children: new Map() };

  add(entry: Indexed<T>): void {
    let node = this.root;
    for (const seg of entry.prefix) {
      let next = node.children.get(seg);
      if (!next) node.children.set(seg, (next = { rules: [], children: new Map() }));
      node = next;
    }
    node.rules.push(entry);
  }

  /** Entries whose literal prefix the path lies under (the only ones that can match it). */
  candidates(path: string): Indexed<T>[] {
    const out: Indexed<T>[] = [];
    const segs = path.split('/');
    let node: Node<T> | undefined = this.root;
    for (let i = 0; node; i++) {
      out.push(...node.rules);
      node = i < segs.length ? node.children.get(segs[i]) : undefined;
    }
    return out;
  }

  /** The matching entry with the highest order, or undefined. */
  last(path: string): Indexed<T> | undefined {
    const subject = path.split('/');
    let best: Indexed<T> | undefined;
    let node: Node<T> | undefined = this.root;
    let from = 0;
    while (node) {
      best = lastMatchIn(node.rules, subject, best);
      const slash = path.indexOf('/', from);
      const seg = slash < 0 ? path.slice(from) : path.slice(from, slash);
      node = node.children.get(seg);
      if (slash < 0) {
        if (node) best = lastMatchIn(node.rules, subject, best);
        break;
      }
      from = slash + 1;
    }
    return best;
  }
}

/** Every matching entry (any order) — for validation, which needs more than the winner. */
export function allMatching<T>(index: RuleIndex<T>, path: string): Indexed<T>[] {
  const segs = path.split('/');
  return index.candidates(path).filter((r) => matchSegments(r.pattern.items, segs));
}

function lastMatchIn<T>(rules: Indexed<T>[], segs: string[], best: Indexed<T> | undefined): Indexed<T> | undefined {
  for (let i = rules.length - 1; i >= 0; i--) {
    const r = rules[i];
    if (best && r.order <= best.order) return best;
    if (matchSegments(r.pattern.items, segs)) return r;
  }
  return best;
}

/** Literal leading segments of an anchored pattern (already stripped of its leading `/`). */
export function literalPrefix(segments: string[]): string[] {
  const out: string[] = [];
  for (const seg of segments) {
    if (seg === '' || /[*?[\\]/.test(seg)) break;
    out.push(seg);
  }
  return out;
}
