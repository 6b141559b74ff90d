// Autonomy score, 0–100 (docs/metrics.md): the mean of the components that have data —
// delivery independence, ownership integrity (= alignment) and dependency independence — ×100,
// one decimal. Components without data are left out, never counted as 0; all null → null.
import type { Autonomy } from '../contract/report';

export function autonomy(c: Omit<Autonomy, 'score'>): Autonomy {
  const parts = [c.deliveryIndependence, c.ownershipIntegrity, c.dependencyIndependence].filter(
    (x): x is number => x !== null,
  );
  const score = parts.length ? Math.round((parts.reduce((a, b) => a + b, 0) / parts.length) * 1000) / 10 : null;
  return { score, ...c };
}
