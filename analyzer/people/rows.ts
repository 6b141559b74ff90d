// Report.people: every person with all their names, emails and handles, changes,
// commits, teams and the evidence of every merge — plus every account treated as a bot, so
// nobody is dropped silently.
import type { DroppedBot } from '../history/mine';
import { noreplyHandle } from '../history/identity';
import type { BotTest } from '../history/bots';
import type { Membership } from '../metrics/membership';
import type { PersonRow } from '../contract/report';
import type { MailmapEntry } from './mailmap';
import type { IdentityMerge } from './merge';

export interface PeopleRowsInput {
  merge: IdentityMerge;
  mailmap: MailmapEntry[];
  members: Map<string, Membership>;
  bots: DroppedBot[];
  isBot: BotTest;
}

export function peopleRows(x: PeopleRowsInput): PersonRow[] {
  const rows = [...x.merge.people.values()].map((p) => {
    const pairs = p.ids.flatMap((id) => [...x.merge.identities.get(id)!.pairs]).sort(([, a], [, b]) => b - a);
    const split = pairs.map(([k]) => k.split('\x1f'));
    const emails = unique(split.map(([, e]) => e));
    const row: PersonRow = {
      id: p.id,
      names: unique(split.map(([n]) => n)),
      emails,
      handles: uniqueHandles([...p.handles, ...emails.map(noreplyHandle).filter((h): h is string => h !== null)]),
      changes: sum(p.ids.map((id) => x.merge.identities.get(id)!.changes)),
      commits: sum(p.ids.map((id) => x.merge.identities.get(id)!.commits)),
      teams: x.members.get(p.id)?.teams ?? [],
      merged: [...p.merged, ...mailmapEvidence(x.mailmap, emails)],
      bot: split.some(([n, e]) => x.isBot(n, e)),
      identities: pairs
        .map(([, n], i) => ({ name: split[i][0], email: split[i][1], commits: n }))
        .filter((p) => p.commits > 0),
    };
    const kept = split.map(([n, e]) => x.isBot.keptReason(n, e)).find((r) => r !== null);
    if (kept && !row.bot) row.botNote = kept;
    if (p.keptApart.length) row.keptApart = p.keptApart;
    return row;
  });
  return [...rows, ...x.bots.map(botRow)].sort((a, b) => b.changes - a.changes || (a.id < b.id ? -1 : 1));
}

function botRow(b: DroppedBot): PersonRow {
  const id = noreplyHandle(b.email) ?? (b.email.toLowerCase() || b.name.toLowerCase());
  return {
    id,
    names: [b.name],
    emails: b.email ? [b.email] : [],
    handles: [],
    changes: b.changes,
    commits: b.commits,
    teams: [],
    merged: [],
    bot: true,
  };
}

/** The identities .mailmap mapped onto one of the person's addresses (git already merged them). */
function mailmapEvidence(entries: MailmapEntry[], emails: string[]): PersonRow['merged'] {
  const mine = new Set(emails.map((e) => e.toLowerCase()));
  return entries
    .filter((e) => mine.has(e.properEmail.toLowerCase()) && e.commitEmail.toLowerCase() !== e.properEmail.toLowerCase())
    .map((e) => ({ identity: `${e.commitName ? e.commitName + ' ' : ''}<${e.commitEmail}>`, reason: 'mailmap' }));
}

function unique(xs: string[]): string[] {
  return [...new Set(xs.filter(Boolean))];
}

/** Case-insensitive: the first spelling wins (CODEOWNERS' or the team map's, else the noreply address's). */
function uniqueHandles(xs: string[]): string[] {
  const out = new Map<string, string>();
  for (const h of xs) if (!out.has(h.toLowerCase())) out.set(h.toLowerCase(), h);
  return [...out.values()];
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
