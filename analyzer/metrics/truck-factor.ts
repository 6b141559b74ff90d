// Truck factor by degree of authorship — Avelino, Passos, Hora, Valente, "A novel approach for
// estimating truck factors", ICPC 2016:
//   DOA(p, f) = 3.293 + 1.098·FA + 0.164·DL − 0.321·ln(1 + AC)
//   FA = 1 when p created f (here: made its oldest change in the window), DL = p's changes to f,
//   AC = changes to f by others. p is an author of f when DOA/max_f ≥ 0.75 and DOA ≥ 3.293.
// The truck factor is the number of top authors (by files authored) to remove, greedily, until
// more than half of the files have no author left. null when the team's code has no history.
import type { FileStats } from './file-stats';

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
  const doa = [...s.byAuthor].map(([p, a]) => [p, degreeOfAuthorship(s.creator === p, a.changes, s.changes - a.changes)] as const);
  const max = Math.max(...doa.map(([, d]) => d));
  return doa.filter(([, d]) => d / max >= 0.75 && d >= 3.293).map(([p]) => p).sort();
}

export function truckFactor(files: FileStats[]): { value: number | null; authors: string[] } {
  if (!files.length) return { value: null, authors: [] };
  const authorsOf = files.map((f) => new Set(fileAuthors(f)));
  const removed: string[] = [];
  const orphaned = () => authorsOf.filter((a) => a.size === 0).length;
  while (orphaned() <= files.length / 2) {
    const top = topAuthor(authorsOf);
    if (!top) break;
    removed.push(top);
    for (const a of authorsOf) a.delete(top);
  }
  return { value: removed.length, authors: removed };
}

function topAuthor(authorsOf: Set<string>[]): string | null {
  const counts = new Map<string, number>();
  for (const set of authorsOf) for (const p of set) counts.set(p, (counts.get(p) ?? 0) + 1);
  let best: string | null = null;
  for (const [p, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && p < best)) best = p;
  return best;
}
