// Evidence of identity merges (people/merge.ts): which links joined identities into one person,
// and how a handle is spelled.
import { noreplyHandle } from '../history/identity';

export interface Link {
  /** The node joined: `h:<handle key>` or `n:<name key>`. */
  to: string;
  reason: string;
  /** `Name <email>` of the identity that made the link. */
  identity: string;
}

/** The links that joined: every handle link (it names the person), a same-name link only when another identity shares the name. */
export function evidence(ids: string[], links: Map<string, Link[]>): { identity: string; reason: string }[] {
  const all = ids.flatMap((id) => (links.get(id) ?? []).map((l) => ({ ...l, id })));
  const idsOf = new Map<string, Set<string>>();
  for (const l of all) (idsOf.get(l.to) ?? idsOf.set(l.to, new Set()).get(l.to)!).add(l.id);
  return all
    .filter((l) => l.to.startsWith('h:') || idsOf.get(l.to)!.size > 1)
    .map((l) => ({ identity: l.identity, reason: l.reason }));
}

/** An unknown handle as its noreply address writes it (`123+JaneDoe@users.noreply…` → JaneDoe). */
export function spelling(handle: string, links: { to: string; reason: string }[]): string {
  const noreply = links.find((l) => l.to === `h:${handle}` && l.reason.startsWith('noreply '));
  return (noreply && noreplyHandle(noreply.reason.slice('noreply '.length))) ?? handle;
}

export function dedupe<T extends { identity: string; reason: string }>(xs: T[]): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => !seen.has(x.identity + '\0' + x.reason) && seen.add(x.identity + '\0' + x.reason));
}
