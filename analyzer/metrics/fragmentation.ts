// Fragmentation — code-maat's "fractal value" (Tornhill, after D'Ambros et al. 2009,
// "Visualizing co-change information with the evolution radar"): 1 − Σ (n_t / N)², where n_t is
// the number of changes made by team t and N all changes. 0 = one team made every change;
// it approaches 1 as changes spread evenly over many teams. null when N = 0.

export function fragmentation(counts: Iterable<number>): number | null {
  let total = 0;
  let sumSq = 0;
  const values = [...counts];
  for (const n of values) total += n;
  if (total === 0) return null;
  for (const n of values) sumSq += (n / total) ** 2;
  return round4(1 - sumSq);
}

export function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/** n / d as a ratio in [0, 1] with four decimals, or null when there is no data (d = 0). */
export function ratio(n: number, d: number): number | null {
  return d === 0 ? null : round4(n / d);
}
