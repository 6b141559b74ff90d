// Per-file history aggregates (code-maat "effort" family, src/code_maat/analysis/effort.clj):
// changes (one per commit touching the file), distinct authors (author and co-authors), lines
// added/deleted, main author and main team by lines added (code-maat's main-dev; with no line
// counts — --fast, binary files — by number of changes), fragmentation over teams by changes,
// and knowledge islands: files where one person made ≥ islandShare of ≥ 3 changes.
import { fragmentation } from './fragmentation';
import type { MetricsInput, MetricsOptions } from './input';
import { primaryTeam, topKey, type Membership } from './membership';

export interface FileStats {
  path: string;
  changes: number;
  authors: Set<string>;
  added: number;
  deleted: number;
  byAuthor: Map<string, { changes: number; added: number }>;
  /** Author of the oldest change in the window (degree-of-authorship's "first authorship"). */
  creator: string;
}

export const ISLAND_MIN_CHANGES = 3;

export function collectFileStats(input: MetricsInput): Map<string, FileStats> {
  const stats = new Map<string, FileStats>();
  for (const c of input.commits) {
    for (const f of c.files) {
      let s = stats.get(f.path);
      if (!s)
        stats.set(
          f.path,
          (s = {
            path: f.path,
            changes: 0,
            authors: new Set(),
            added: 0,
            deleted: 0,
            byAuthor: new Map(),
            creator: c.author,
          }),
        );
      s.changes++;
      s.added += f.added ?? 0;
      s.deleted += f.deleted ?? 0;
      s.creator = c.author; // commits are newest first: the last one seen is the oldest
      s.authors.add(c.author);
      for (const p of c.coAuthors) s.authors.add(p);
      const a = s.byAuthor.get(c.author) ?? s.byAuthor.set(c.author, { changes: 0, added: 0 }).get(c.author)!;
      a.changes++;
      a.added += f.added ?? 0;
    }
  }
  return stats;
}

export function mainAuthor(s: FileStats): string | null {
  return s.added > 0 ? topKey(s.byAuthor, (a) => a.added) : topKey(s.byAuthor, (a) => a.changes);
}

export function mainTeam(s: FileStats, members: Map<string, Membership>): string | null {
  const top = topKey(teamCounts(s, members, s.added > 0));
  return top?.startsWith('person:') ? null : top;
}

export function fileFragmentation(s: FileStats, members: Map<string, Membership>): number | null {
  return fragmentation(teamCounts(s, members, false).values());
}

/** Lines added (or changes) per primary team of the file's authors. */
function teamCounts(s: FileStats, members: Map<string, Membership>, byLines: boolean): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [p, a] of s.byAuthor) {
    const t = primaryTeam(members, p);
    counts.set(t, (counts.get(t) ?? 0) + (byLines ? a.added : a.changes));
  }
  return counts;
}

export function isKnowledgeIsland(s: FileStats, opts: MetricsOptions): boolean {
  if (s.changes < ISLAND_MIN_CHANGES) return false;
  let top = 0;
  for (const a of s.byAuthor.values()) top = Math.max(top, a.changes);
  return top / s.changes >= opts.islandShare;
}
