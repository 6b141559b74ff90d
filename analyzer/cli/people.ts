// `conway people [--json] [--mailmap]` — every person with all their names, emails and handles,
// changes, teams and why identities were merged (people/merge.ts), and who was treated as a bot.
// `--mailmap` prints the .mailmap lines that make git agree; Conway writes nothing.
import { mailmapLine } from '../people/mailmap';
import type { PersonRow } from '../contract/report';
import { analysisHelp, analysisOptions, toAnalyzeOptions } from './analysis-options';
import { EXIT, type Command } from './command';
import { analyzeWithProgress } from './progress';
import { resolveRoot } from './repo-options';
import { escapeControls } from '../model/quote';

export const peopleCommand: Command = {
  name: 'people',
  summary: 'people in the history: identities merged (with evidence), teams, bots',
  usage: 'conway people [--repo DIR] [--json] [--mailmap]',
  help: [
    '--mailmap           print the .mailmap lines that make git merge the same identities (writes nothing)',
    ...analysisHelp,
  ],
  options: { ...analysisOptions, mailmap: { type: 'boolean' } },
  async run(values, _positionals, io) {
    const root = await resolveRoot(values, io, true);
    const report = await analyzeWithProgress(root, { ...toAnalyzeOptions(values, io.cwd), imports: false }, io);
    const people = report.people ?? [];
    if (values.mailmap) io.stdout(mailmapLines(people));
    else if (values.json) io.stdout(JSON.stringify(people, null, 2) + '\n');
    else io.stdout(formatPeople(people));
    return EXIT.ok;
  },
};

export function mailmapLines(people: PersonRow[]): string {
  const lines = [
    '# .mailmap lines for the identities Conway merged (handle, noreply address, same name); review, then append to .mailmap',
  ];
  for (const p of people.filter((x) => !x.bot && (x.identities?.length ?? 0) > 1)) {
    const [proper, ...others] = p.identities!;
    for (const o of others) lines.push(mailmapLine(proper, o));
  }
  return lines.map(escapeControls).join('\n') + '\n';
}

function formatPeople(people: PersonRow[]): string {
  const humans = people.filter((p) => !p.bot);
  const bots = people.filter((p) => p.bot);
  const merged = humans.filter((p) => (p.identities?.length ?? 0) > 1);
  const out = [
    `${humans.length} people (${merged.length} with several identities), ${bots.length} treated as bots`,
    '',
  ];
  for (const p of humans) {
    out.push(
      `${p.id}  ${count(p.commits, 'commit')}, ${count(p.changes, 'change')}${p.teams.length ? `  teams: ${p.teams.join(', ')}` : ''}`,
    );
    if (p.names.length > 1 || p.names[0] !== p.id) out.push(`  names:   ${p.names.join(', ')}`);
    if (p.emails.length) out.push(`  emails:  ${p.emails.join(', ')}`);
    if (p.handles.length) out.push(`  handles: ${p.handles.map((h) => `@${h}`).join(', ')}`);
    for (const m of p.merged) out.push(`  merged:  ${m.identity} — ${m.reason}`);
    if (p.botNote) out.push(`  kept as a person: ${p.botNote}`);
    for (const k of p.keptApart ?? []) out.push(`  kept apart: ${k}`);
  }
  if (bots.length) {
    out.push('', 'Treated as bots (keep them with --include-bots; add patterns with --bots):');
    for (const b of bots)
      out.push(
        `  ${b.names[0] ?? b.id} <${b.emails[0] ?? ''}>  ${count(b.commits, 'commit')}, ${count(b.changes, 'change')}`,
      );
  }
  // Names and emails come from the history: control characters escaped, as everywhere on the terminal.
  return out.map(escapeControls).join('\n') + '\n';
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}
