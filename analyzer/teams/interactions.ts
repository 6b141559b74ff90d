// conway.yml `interactions:` of a team — its Team API's interaction modes (Team Topologies,
// Skelton & Pais 2019): with whom, how (collaboration, x-as-a-service, facilitating), why, and
// from when until when. Dates are `YYYY-MM-DD`; a collaboration is time-boxed, so its `until`
// is what the analysis checks (org/interactions.ts).
//
//   interactions:
//     - { team: payments, mode: x-as-a-service, purpose: "charge cards" }
//     - { team: search, mode: collaboration, since: 2026-01-05, until: 2026-03-31 }
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { InteractionMode } from '../contract/teamwork-interactions';
import type { DeclaredInteraction } from '../model/types';
import { didYouMean } from './did-you-mean';

export const INTERACTION_MODES: readonly InteractionMode[] = ['collaboration', 'x-as-a-service', 'facilitating'];
const KEYS = ['team', 'mode', 'purpose', 'since', 'until'] as const;
const EXAMPLE = '`- { team: payments, mode: x-as-a-service, purpose: "charge cards", since: 2026-01-05 }`';

type Err = (n: Node | null | undefined, message: string) => void;

export function readInteractions(
  node: Node | undefined,
  teamId: string,
  lineOf: (n: Node) => number,
  err: Err,
): DeclaredInteraction[] | undefined {
  if (!node) return undefined;
  const where = `team '${teamId}': interactions`;
  if (!isSeq(node)) {
    err(node, `${where} must be a list of entries like ${EXAMPLE}`);
    return undefined;
  }
  const out: DeclaredInteraction[] = [];
  for (const item of node.items as Node[]) {
    if (!isMap(item)) {
      err(item, `${where}: every entry must be a mapping like ${EXAMPLE}`);
      continue;
    }
    const entry = readEntry(item, where, lineOf(item), err);
    if (entry) out.push(entry);
  }
  return out;
}

function readEntry(item: YAMLMap, where: string, line: number, err: Err): DeclaredInteraction | null {
  for (const pair of item.items) {
    const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
    if ((KEYS as readonly string[]).includes(key)) continue;
    const hint = didYouMean(key, KEYS);
    err(
      pair.key as Node,
      `${where}: unknown key '${key}'${hint ? ` — did you mean '${hint}'?` : ''} (allowed: ${KEYS.join(', ')})`,
    );
  }
  const team = text(item, 'team');
  const mode = text(item, 'mode');
  if (!team) err(item, `${where}: an entry has no \`team:\` — name the other team, e.g. ${EXAMPLE}`);
  if (!mode)
    err(item, `${where}: the entry for '${team ?? '?'}' has no \`mode:\` (one of ${INTERACTION_MODES.join(', ')})`);
  else if (!INTERACTION_MODES.includes(mode as InteractionMode)) {
    const hint = didYouMean(mode, INTERACTION_MODES);
    err(
      item.get('mode', true) as Node,
      `${where}: unknown mode '${mode}'${hint ? ` — did you mean '${hint}'?` : ''} (modes: ${INTERACTION_MODES.join(', ')})`,
    );
  }
  const since = date(item, 'since', where, err);
  const until = date(item, 'until', where, err);
  if (since && until && until < since)
    err(
      item.get('until', true) as Node,
      `${where}: until ${until} is before since ${since} — swap them or fix the date`,
    );
  if (
    !team ||
    !mode ||
    !INTERACTION_MODES.includes(mode as InteractionMode) ||
    since === undefined ||
    until === undefined
  )
    return null;
  return { team, mode: mode as InteractionMode, purpose: text(item, 'purpose'), since, until, line };
}

function text(item: YAMLMap, key: string): string | null {
  const n = item.get(key, true) as Node | undefined;
  return n && isScalar(n) && n.value !== null && n.value !== '' ? String(n.value) : null;
}

/** `YYYY-MM-DD` and a real calendar day; undefined when malformed (the entry is skipped), null when absent. */
function date(item: YAMLMap, key: 'since' | 'until', where: string, err: Err): string | null | undefined {
  const n = item.get(key, true) as Node | undefined;
  if (!n || (isScalar(n) && (n.value === null || n.value === ''))) return null;
  // YAML 1.1 parsers turn 2026-01-05 into a timestamp; the yaml package's default (1.2 core) keeps it a string.
  const v = isScalar(n) ? (n.value instanceof Date ? n.value.toISOString().slice(0, 10) : String(n.value)) : '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.getUTCDate() !== Number(m[3]) || d.getUTCMonth() !== Number(m[2]) - 1) {
    err(n, `${where}: ${key} '${v}' is not a date — write YYYY-MM-DD, e.g. 2026-03-31`);
    return undefined;
  }
  return v;
}
