// Stable violation fingerprints: sha1 of what identifies the problem — never the line, nor the
// order of occurrences — so harmless edits keep it and `conway check` baselines keep matching:
//  - team-cycle: the set of teams in the cycle (not the example edge, which moves with any edit);
//  - deep-import: the importing file and the imported file (a second `require` of an
//    already-imported file is the same problem; a rule change that renames a team is no new import);
//  - the other kinds: kind, file, target and teams.
// Several violations may share a fingerprint; a baseline accepts them all.
import { createHash } from 'node:crypto';
import type { Violation } from '../../contract/report';

export type Draft = Omit<Violation, 'fingerprint'>;

export function fingerprint(drafts: Draft[]): Violation[] {
  const sorted = [...drafts].sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  return sorted.map((d) => ({
    ...d,
    fingerprint: createHash('sha1').update(identity(d).join('\0')).digest('hex').slice(0, 16),
  }));
}

function identity(d: Draft): string[] {
  if (d.kind === 'team-cycle') return [d.kind, d.target ?? '']; // the sorted teams, ' ↔ '-joined
  if (d.kind === 'deep-import') return [d.kind, d.file, d.target ?? ''];
  return [d.kind, d.file, d.target ?? '', d.fromTeam ?? '', d.toTeam ?? ''];
}
