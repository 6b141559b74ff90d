// The issue-20 passes' results (interactions, coordination, interaction findings, crossing rows,
// cluster fit, scorecard) kept between runs, keyed by a hash of everything the passes read, so a
// warm run of an unchanged repository reads them instead of recomputing them (≈ 0.2–0.5 s on
// 3–10k-file repositories). The key is computed from the derived inputs the passes see, not from
// the files they came from: the Conway build, the window's commits as mined (sha, people, dates,
// files and lines, trailers, pull request and merge), the change sets (with `--prs`, the export's
// pull requests, reviews and times), every path's owning and delivery teams and owners, the import
// edges (and whether each edge between two teams' files ends in the target's public API), the
// teams (roles, members, owners, declared interactions,
// public API), clusters, review groups and bot owners, the team map's cost, each person's
// membership (declared, inferred and its shares), the metrics options and the period, and the
// window's end. The scorecard also reads the report's findings: it is served only when the
// findings hash to what they were (a second key). Storage: collect/keyed-cache.ts, the last
// KEPT entries per repository; --no-cache neither reads nor writes.
import { createHash, type Hash } from 'node:crypto';
import { buildId } from '../collect/build-id';
import { keyedStore, type KeyedStore } from '../collect/keyed-cache';
import { SCHEMA_VERSION, type Finding, type Report, type Violation } from '../contract/report';
import type { Coordination, InteractionRow } from '../contract/teamwork-interactions';
import type { TeamEdge } from '../metrics/cross-team';
import type { MetricsInput, MetricsOptions } from '../metrics/input';
import type { Membership } from '../metrics/membership';
import type { Ownership } from '../ownership';

const VERSION = 1;
/** Entries kept per repository: the usual run and a few with other options or an edited work tree. */
const KEPT = 4;
const MAX_BYTES = 256 * 1024 * 1024;

/** What the passes give the report, as stored. */
export interface TeamworkEntry {
  interactions: InteractionRow[];
  coordination: Coordination;
  violations: Violation[];
  weights: [string, number][];
  notes: string[];
  /** Absent when the caller grouped no change sets (no crossing rows). */
  crossing?: Report['crossing'];
  /** Hash of the findings the scorecard read; absent in the gate (no scorecard). */
  findings?: string;
  clusterFit?: Report['clusterFit'];
  scorecard?: Report['scorecard'];
}

export type TeamworkStore = KeyedStore<TeamworkEntry>;

export function teamworkStore(cacheDir: string, root: string): TeamworkStore {
  return keyedStore<TeamworkEntry>(cacheDir, root, {
    dir: 'teamwork',
    version: VERSION,
    kept: KEPT,
    maxBytes: MAX_BYTES,
    valid: (v) => {
      const e = v as Partial<TeamworkEntry> | null;
      return (
        typeof e === 'object' &&
        e !== null &&
        Array.isArray(e.interactions) &&
        typeof e.coordination === 'object' &&
        e.coordination !== null &&
        Array.isArray(e.violations) &&
        Array.isArray(e.weights) &&
        Array.isArray(e.notes) &&
        (e.findings === undefined || typeof e.findings === 'string')
      );
    },
  });
}

export interface KeyInput {
  input: MetricsInput;
  options: MetricsOptions;
  members: Map<string, Membership>;
  ownership: Ownership;
  period: string;
  /** The window's end the passes read (newest commit, else the clock), unix seconds. */
  end: number;
  /** The import edges between owned files, as the interaction evidence reads them (structure's). */
  edges: TeamEdge[];
  /** Whether crossing rows are computed (the caller grouped change sets) and the gate's mode. */
  crossing: boolean;
}

/** Hash of everything the passes read (see the header). */
export function teamworkKey(k: KeyInput): string {
  const { input } = k;
  const h = new Chunked(createHash('sha1'));
  h.add(
    JSON.stringify([
      VERSION,
      buildId(),
      SCHEMA_VERSION,
      k.options,
      k.period,
      k.end,
      k.crossing,
      input.hasImports,
      k.ownership.teamMap.path,
      k.ownership.teamMap.cost ?? null,
      input.teams,
      input.clusters,
      [...input.reviewGroups],
      [...(input.alsoReviews ?? [])],
      [...(input.botOwners ?? [])],
    ]),
  );
  for (const [person, m] of k.members)
    h.add(
      `\x03${person}\x01${m.teams.join('\x02')}\x01${m.declared.join('\x02')}\x01${+m.inferred}\x01${m.counted}\x01${[...m.shares].map(([t, s]) => `${t}:${s.share}:${s.changes}`).join('\x02')}`,
    );
  const tracked = new Set(input.files);
  const paths = new Set(tracked);
  h.add('\x04');
  for (const c of input.commits) {
    let t = `\x03${c.sha}\x01${c.author}\x01${c.date}\x01${c.coAuthors.join('\x02')}\x01${c.reviewers?.join('\x02') ?? ''}\x01${c.pr ?? ''}\x01${c.mergedBy ?? ''}`;
    for (const f of c.files) {
      t += `\x01${f.path}\x02${f.added}\x02${f.deleted}`;
      paths.add(f.path);
    }
    h.add(t);
  }
  // The change sets are grouped from these commits (with --prs, the export's pull requests): what
  // the grouping adds to them is its ids, kinds, times, reviewers and which commits it joined.
  h.add('\x04');
  for (const s of input.changeSets ?? []) {
    let t = `\x03${s.id}\x01${s.kind}\x01${s.opened}\x01${s.merged}\x01${s.reviewers.join('\x02')}\x01`;
    if (s.commits.length > 1) for (const c of s.commits) t += `${c.sha}\x02`;
    h.add(t);
  }
  h.add('\x04');
  for (const e of input.imports) h.add(`\x03${e.from}\x01${e.to}\x01${e.line}\x01${e.kind}`);
  // Which edges cross teams follows from these and the paths' teams; whether each ends in the
  // target's public API is what the interaction evidence adds.
  h.add('\x04');
  for (const e of k.edges)
    if (!e.internal) h.add(`\x03${e.edge.from}\x01${e.edge.to}\x01${+input.isPublicApi(e.edge.to)}`);
  h.add('\x04');
  for (const p of paths) {
    const teams = input.teamsOf(p);
    const delivery = input.deliveryTeamsOf(p);
    h.add(
      `\x03${p}\x01${+tracked.has(p)}\x01${teams.join('\x02')}\x01${delivery === teams ? '=' : delivery.join('\x02')}\x01${k.ownership.who(p).owners.join('\x02')}`,
    );
  }
  return h.digest();
}

/** The second key: the findings the scorecard reads. */
export function findingsKey(findings: Finding[]): string {
  return createHash('sha256').update(JSON.stringify(findings)).digest('hex').slice(0, 32);
}

/** A hash fed in chunks of about 64 KB: one update per small string costs more than the hashing. */
class Chunked {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly hash: Hash) {}
  add(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size > 65536) this.flush();
  }
  private flush(): void {
    this.hash.update(this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
  digest(): string {
    this.flush();
    return this.hash.digest('hex').slice(0, 32);
  }
}
