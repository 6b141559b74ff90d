// A merge needs evidence one mis-attributed commit cannot create. One commit signed
// `Ann Lee <bob@acme.io>` shares Bob's address and Ann's name: plain union–find over shared
// names, handles and addresses would make Ann and Bob one person. Two rules keep them apart:
//   1. evidence is weighted by commits: an identity's name speaks for it (links it to the name,
//      or to the handle a one-word name spells) only when it is the identity's busiest name or
//      carries at least NAME_SHARE of its commits — a name used once among 757 commits does not;
//   2. two groups whose dominant full names (the two-word-or-longer name with most commits,
//      names.ts) differ are never joined, whatever link offers itself (a shared handle, a
//      one-word name, a co-author) — unless one group's dominant name also carries NAME_SHARE
//      of the other's commits (`Michał Gołębiowski` became `Michał Gołębiowski-Owczarek`);
//      a refused link is listed as a conflict instead.
// Groups are joined busiest identity first, so a name or handle node belongs to the person who
// made most commits under it. One-word names (`tm`, `dev`) carry no full name: they join freely
// but can never bridge two full names, because the group they join already has one.
import type { Identity } from './identity';
import { nameKey } from './names';

/** Share of an identity's commits from which a name it used counts as evidence of who it is. */
export const NAME_SHARE = 0.25;

export interface Conflict {
  /** One identity id of each side: both people list the conflict. */
  ids: [string, string];
  text: string;
}

interface NameTally {
  name: string;
  commits: number;
}

export class GuardedUnion {
  private readonly parent = new Map<string, string>();
  /** Group root → full-name key → commits (only roots hold tallies). */
  private readonly names = new Map<string, Map<string, NameTally>>();
  /** Group root → one identity id in it. */
  private readonly someId = new Map<string, string>();
  readonly conflicts: Conflict[] = [];

  constructor(identities: Map<string, Identity>) {
    for (const [id, ident] of identities) {
      this.names.set(id, fullNames(ident));
      this.someId.set(id, id);
    }
  }

  find(k: string): string {
    let r = k;
    while (this.parent.has(r)) r = this.parent.get(r)!;
    if (r !== k) this.parent.set(k, r);
    return r;
  }

  /** Joins identity `id` to node `to` unless their groups' dominant full names differ (then the conflict is recorded). */
  join(id: string, to: string, evidence: string): boolean {
    const a = this.find(id);
    const b = this.find(to);
    if (a === b) return true;
    const da = this.dominant(a);
    const db = this.dominant(b);
    if (da && db && da.key !== db.key && !this.carries(b, da.key) && !this.carries(a, db.key)) {
      const text = `\`${evidence}\` would join two names: ${da.name} (${plural(da.commits)}), ${db.name} (${plural(db.commits)}) — kept apart`;
      this.conflicts.push({ ids: [id, this.someId.get(b)!], text });
      return false;
    }
    this.parent.set(a, b);
    this.names.set(b, addTallies(this.names.get(b), this.names.get(a)));
    if (!this.someId.has(b) && this.someId.has(a)) this.someId.set(b, this.someId.get(a)!);
    this.names.delete(a);
    return true;
  }

  /** The group's full name with most commits (ties: the key that sorts first), or null. */
  dominant(root: string): (NameTally & { key: string }) | null {
    let best: (NameTally & { key: string }) | null = null;
    for (const [key, t] of this.names.get(root) ?? []) {
      if (t.commits > 0 && (!best || t.commits > best.commits || (t.commits === best.commits && key < best.key)))
        best = { key, ...t };
    }
    return best;
  }

  /** Does the group use this full name on a real share (NAME_SHARE) of its commits? */
  private carries(root: string, key: string): boolean {
    const tallies = this.names.get(root);
    const n = tallies?.get(key)?.commits ?? 0;
    const total = [...(tallies?.values() ?? [])].reduce((s, t) => s + t.commits, 0);
    return n > 0 && n >= NAME_SHARE * total;
  }

  /** The identity `id` in group `root`, when that group's dominant full name is `key`. */
  holderOf(key: string, roots: Iterable<string>): string | null {
    for (const r of roots) if (this.dominant(r)?.key === key) return this.someId.get(r) ?? null;
    return null;
  }
}

/** The identity's full names with their commits. */
export function fullNames(ident: Identity): Map<string, NameTally> {
  const out = new Map<string, NameTally>();
  for (const [pair, n] of ident.pairs) {
    const name = pair.slice(0, pair.indexOf('\x1f')).trim();
    const key = nameKey(name);
    if (!key) continue;
    const t = out.get(key) ?? out.set(key, { name, commits: 0 }).get(key)!;
    t.commits += n;
  }
  return out;
}

/** Which of the identity's names speak for it (rule 1)? Spellings of one name (`José`, `Jose`) count together. */
export function speakingNames(ident: Identity): (name: string) => boolean {
  const byName = new Map<string, number>();
  const keyOf = (name: string) => nameKey(name) ?? name.trim().toLowerCase();
  for (const [pair, n] of ident.pairs)
    byName.set(
      keyOf(pair.slice(0, pair.indexOf('\x1f'))),
      (byName.get(keyOf(pair.slice(0, pair.indexOf('\x1f')))) ?? 0) + n,
    );
  const busiest = Math.max(0, ...byName.values());
  return (name) => {
    const n = byName.get(keyOf(name)) ?? 0;
    return ident.commits === 0 || n === busiest || n >= NAME_SHARE * ident.commits;
  };
}

function addTallies(
  into: Map<string, NameTally> | undefined,
  from: Map<string, NameTally> | undefined,
): Map<string, NameTally> {
  const out = into ?? new Map<string, NameTally>();
  for (const [k, t] of from ?? []) {
    const cur = out.get(k);
    if (cur) cur.commits += t.commits;
    else out.set(k, { ...t });
  }
  return out;
}

export function plural(n: number): string {
  return `${n} commit${n === 1 ? '' : 's'}`;
}
