// Raw commits → Commit records: bots dropped (authors and co-authors), identities resolved to
// person ids (identity.ts), file paths filtered by the include/exclude globs (paths.ts).
// Pure. A commit whose files are all filtered out is kept with `files: []`: it still counts as
// a commit in the window, it just touches nothing measured.
// Memory: a Commit shares its raw commit's `files` array (and change records) when no path is
// filtered out — the common case — so a million commits are not held twice.
import type { Commit } from '../model/types';
import type { BotTest } from './bots';
import { parseTrailerIdentity, type Resolve } from './identity';
import { NONE, type RawCommit } from './parseLog';
import type { PathFilter } from './paths';
import { headNames } from './renames';

export interface ToCommitsOptions {
  resolve: Resolve;
  isBot: BotTest;
  includeBots: boolean;
  keepPath: PathFilter;
  /** Empty `raw` while converting (the caller owns it and needs it no more). */
  consume?: boolean;
  /** Paths under the files' newest names (renames.ts), applied while converting: no renamed copies. */
  headNames?: boolean;
  /** Told of every dropped bot commit, so the report can list who was treated as a bot. */
  onBot?: (name: string, email: string, changes: number) => void;
  /** Told of every co-author trailer kept (its person id, name and email), so a co-author-only person has a name. */
  onCoAuthor?: (person: string, name: string, email: string) => void;
  /** Told of every trailer that is not `Name <email>` (ignored). */
  onMalformed?: (value: string) => void;
}

export function toCommits(raw: RawCommit[], opts: ToCommitsOptions): Commit[] {
  const out: Commit[] = [];
  const newest = opts.headNames ? new Map<string, string>() : null;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (opts.consume) raw[i] = undefined as unknown as RawCommit;
    if (!opts.includeBots && opts.isBot(c.name, c.email)) {
      opts.onBot?.(c.name, c.email, c.files.length);
      continue;
    }
    const commit = toCommit(c, opts);
    if (newest) commit.files = headNames(commit.files, newest);
    out.push(commit);
  }
  if (opts.consume) raw.length = 0;
  return out;
}

function toCommit(c: RawCommit, opts: ToCommitsOptions): Commit {
  const author = opts.resolve(c.name, c.email);
  const commit: Commit = {
    sha: c.sha,
    author,
    authorName: c.name,
    authorEmail: c.email,
    date: c.date,
    coAuthors: resolveCoAuthors(c.coAuthors, author, opts),
    files: c.files.every((f) => opts.keepPath(f.path)) ? c.files : c.files.filter((f) => opts.keepPath(f.path)),
  };
  if (c.reviewers) {
    // Reviewers resolve like co-authors (same identity rules, bots dropped), but a person can review their own commit's trailer only by mistake: dropped too.
    const reviewers = resolveCoAuthors(c.reviewers, author, { ...opts, onCoAuthor: undefined, onMalformed: undefined });
    if (reviewers.length) commit.reviewers = reviewers;
  }
  if (c.pr) commit.pr = c.pr;
  return commit;
}

/** Distinct co-author person ids, without bots, malformed trailers and the author. */
function resolveCoAuthors(trailers: string[], author: string, opts: ToCommitsOptions): string[] {
  if (trailers.length === 0) return NONE;
  const people = new Set<string>();
  for (const t of trailers) {
    const id = parseTrailerIdentity(t);
    if (!id) {
      opts.onMalformed?.(t);
      continue;
    }
    if (!opts.includeBots && opts.isBot(id.name, id.email)) continue;
    const person = opts.resolve(id.name, id.email);
    opts.onCoAuthor?.(person, id.name, id.email);
    if (person && person !== author) people.add(person);
  }
  return people.size ? [...people] : NONE;
}
