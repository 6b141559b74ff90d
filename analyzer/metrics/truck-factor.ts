// Truck factor by degree of authorship — Avelino, Passos, Hora, Valente, "A novel approach for
// estimating truck factors", ICPC 2016:
//   DOA(p, f) = 3.293 + 1.098·FA + 0.164·DL − 0.321·ln(1 + AC)
//   FA = 1 when p created f (here: made its oldest change in the window), DL = p's changes to f,
//   AC = changes to f by others. p is an author of f when DOA/max_f ≥ 0.75 and DOA ≥ 3.293.
// The truck factor is the number of top authors (by files authored) to remove, greedily, until
// more than half of the files have no author left. null when the team's code has no history.
import type { FileStats } from './file-stats';
import { topKey } from './membership';

export function degreeOfAuthorship(fa: boolean, dl: number, ac: number): number {
  return 3.293 + 1.098 * (fa ? 1 : 0) + 0.164 * dl - 0.321 * Math.log(1 + ac);
}

const authorsMemo = new WeakMap<FileStats, string[]>();

/** Authors of a file by degree of authorship (memoized: teams and clusters share files). */
export function fileAuthors(s: FileStats): string[] {
  let a = authorsMemo.get(s);
  if (!a) authorsMemo.set(s, (a = computeAuthors(s)));
  return a;
}

function computeAuthors(s: FileStats): string[] {
  let max = -Infinity;
  for (const [p, a] of s.byAuthor)
    max = Math.max(max, degreeOfAuthorship(s.creator === p, a.changes, s.changes - a.changes));
  const authors: string[] = [];
  for (const [p, a] of s.byAuthor) {
    const d = degreeOfAuthorship(s.creator === p, a.changes, s.changes - a.changes);
    if (d / max >= 0.75 && d >= 3.293) authors.push(p);
  }
  return authors.sort();
}

export function truckFactor(files: FileStats[]): { value: number | null; authors: string[] } {
  if (!files.length) return { value: null, authors: [] };
  // Authors left per file and files authored per person: removing the top author only lowers
  // the files' counts, so the greedy loop needs no rescans.
  const authorsOf = files.map(fileAuthors);
  const left = authorsOf.map((a) => a.length);
  const filesOf = new Map<string, number[]>();
  authorsOf.forEach((authors, i) => authors.forEach((p) => (filesOf.get(p) ?? filesOf.set(p, []).get(p)!).push(i)));
  const count = new Map([...filesOf].map(([p, f]) => [p, f.length]));
  let orphaned = left.filter((n) => n === 0).length;
  const removed: string[] = [];
  while (orphaned <= files.length / 2) {
    const top = topKey(count); // files each remaining author still authors (never 0)
    if (!top) break;
    removed.push(top);
    count.delete(top);
    for (const i of filesOf.get(top)!) if (--left[i] === 0) orphaned++; // the others still author file i
  }
  return { value: removed.length, authors: removed };
}
