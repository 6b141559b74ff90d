// The evidence behind a team's numbers (click a team in the autonomy table): its members, the
// commits it shares with other teams (team change coupling), the imports that cross into other
// teams' code (static coupling, click to open the line) and its violations.
import type { Report, Violation } from '../analyzer/report/types';
import { el, pct } from './dom';

export function teamEvidence(r: Report, teamId: string, open: (v: Pick<Violation, 'file' | 'line'>) => void): HTMLElement {
  const t = r.teams.find((x) => x.id === teamId);
  if (!t) return el('p', {}, 'Unknown team.');
  const link = (file: string, line: number) => {
    const a = el('a', { href: '#', class: 'violation' }, `${file}:${line}`);
    a.addEventListener('click', (e) => (e.preventDefault(), open({ file, line })));
    return a;
  };
  const shared = r.coupling.teams.filter((c) => c.a === teamId || c.b === teamId);
  const imports = r.coupling.static.filter((s) => s.from === teamId || s.to === teamId);
  const a = t.autonomy;
  return el('section', { class: 'evidence', 'data-team': teamId },
    el('h3', {}, `${t.name}: autonomy ${a.score === null ? '–' : a.score.toFixed(1)}`),
    el('p', { class: 'muted' }, `delivery independence ${pct(a.deliveryIndependence)} · ownership integrity ${pct(a.ownershipIntegrity)} · dependency independence ${pct(a.dependencyIndependence)} · ${t.commits} commits, ${t.changes} changes, ${t.files} files`),
    el('h4', {}, 'Members'),
    el('ul', {}, ...t.members.slice(0, 20).map((m) => el('li', {}, `${m.name} (${m.person})${m.inferred ? ' — inferred' : ''}: ${m.changes} changes`))),
    el('h4', {}, 'Commits shared with other teams'),
    shared.length ? el('ul', {}, ...shared.map((c) => el('li', {}, `${c.a === teamId ? c.b : c.a}: ${c.sharedCommits} shared commit${c.sharedCommits === 1 ? '' : 's'} (${c.degree}%) — `, el('code', {}, c.commits.map((s) => s.slice(0, 10)).join(' '))))) : el('p', {}, 'None.'),
    el('h4', {}, 'Imports across the boundary'),
    imports.length ? el('ul', {}, ...imports.flatMap((s) => s.examples.map((x) => el('li', {}, `${s.from} → ${s.to}: `, link(x.file, x.line), ` → ${x.target}`)))) : el('p', {}, 'None.'),
  );
}
