// Stable violation fingerprints: sha1 of kind, file, target and teams — never the line, so an
// edit elsewhere in the file keeps the fingerprint and `conway check` baselines keep matching.
// The same import twice in one file gets `#2`, `#3` … in line order.
import { createHash } from 'node:crypto';
import type { Violation } from '../../contract/report';

export type Draft = Omit<Violation, 'fingerprint'>;

export function fingerprint(drafts: Draft[]): Violation[] {
  const seen = new Map<string, number>();
  const sorted = [...drafts].sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  return sorted.map((d) => {
    const base = createHash('sha1').update([d.kind, d.file, d.target ?? '', d.fromTeam ?? '', d.toTeam ?? ''].join('\0')).digest('hex').slice(0, 16);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { ...d, fingerprint: n === 1 ? base : `${base}#${n}` };
  });
}
