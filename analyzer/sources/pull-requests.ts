// `--prs FILE`: merged pull requests exported by the forge's own CLI (Conway never calls a
// network API). Two shapes, told apart by their fields:
//   GitHub  gh pr list --state merged --limit 5000 --json number,author,createdAt,mergedAt,mergeCommit,files,reviews,latestReviews
//           read: number, author.login, createdAt, mergedAt, mergeCommit.oid, reviews[].author.login,
//           latestReviews[].author.login (files are not needed: the commits give them);
//   GitLab  glab mr list --merged --per-page 100 --output json   (the REST merge request objects)
//           read: iid, author.username, created_at, merged_at, merge_commit_sha (else
//           squash_commit_sha), reviewers[].username (approvals are not in the list output).
// A pull request without a merge commit (merged elsewhere, rebased away) is kept and matches nothing.
// Every problem is a UserError naming the file, the entry and how to fix the export.
import { readTextFile } from '../collect/read-file';
import { UserError } from '../contract/errors';
import type { PullRequest, PullRequestExport } from '../model/pull-request';

const MAX_BYTES = 256 * 1024 * 1024;
export const GH_COMMAND =
  'gh pr list --state merged --limit 5000 --json number,author,createdAt,mergedAt,mergeCommit,files,reviews,latestReviews';
export const GLAB_COMMAND = 'glab mr list --merged --per-page 100 --output json';
const HOW = `export it again with \`${GH_COMMAND} > prs.json\` (GitHub) or \`${GLAB_COMMAND} > mrs.json\` (GitLab)`;

export function loadPullRequests(absPath: string, shown: string): PullRequestExport {
  const r = readTextFile(absPath, MAX_BYTES);
  if (r.kind !== 'text') throw new UserError(`--prs ${shown}: cannot read the file (${r.kind})`);
  return parsePullRequests(r.text, shown);
}

export function parsePullRequests(text: string, file: string): PullRequestExport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UserError(`${file}:${jsonErrorLine(text, e)}: not valid JSON (${(e as Error).message}); ${HOW}`);
  }
  if (!Array.isArray(data))
    throw new UserError(`${file}: expected a JSON array of pull requests, got ${kindOf(data)}; ${HOW}`);
  if (data.length === 0) return { file, source: 'github', prs: [] };
  const source = 'iid' in (data[0] ?? {}) ? 'gitlab' : 'github';
  const prs = data.map((item, i) => (source === 'github' ? readGithub(item, i, file) : readGitlab(item, i, file)));
  return { file, source, prs };
}

type Obj = Record<string, unknown>;

function readGithub(item: unknown, i: number, file: string): PullRequest {
  const at = where(file, i, item, 'number');
  const o = object(item, at);
  const number = positiveInt(o.number, 'number', at);
  const author = login(o.author, 'login');
  const reviewers = new Set<string>();
  for (const key of ['reviews', 'latestReviews']) {
    if (o[key] === undefined || o[key] === null) continue;
    if (!Array.isArray(o[key])) throw bad(at, key, 'an array of reviews');
    for (const r of o[key] as unknown[]) {
      const who = login((r as Obj | null)?.author, 'login');
      if (who && who !== author) reviewers.add(who);
    }
  }
  const merge = o.mergeCommit;
  if (merge !== null && merge !== undefined && typeof (merge as Obj).oid !== 'string')
    throw bad(at, 'mergeCommit', '{"oid": "<sha>"} or null');
  return {
    number,
    author,
    createdAt: date(o.createdAt, 'createdAt', at),
    mergedAt: date(o.mergedAt, 'mergedAt', at),
    mergeCommit: merge ? ((merge as Obj).oid as string) : null,
    reviewers: [...reviewers],
  };
}

function readGitlab(item: unknown, i: number, file: string): PullRequest {
  const at = where(file, i, item, 'iid');
  const o = object(item, at);
  const number = positiveInt(o.iid, 'iid', at);
  const author = login(o.author, 'username');
  if (o.reviewers !== undefined && o.reviewers !== null && !Array.isArray(o.reviewers))
    throw bad(at, 'reviewers', 'an array of users');
  const reviewers = new Set<string>();
  for (const r of (o.reviewers as unknown[] | null | undefined) ?? []) {
    const who = login(r, 'username');
    if (who && who !== author) reviewers.add(who);
  }
  const sha = [o.merge_commit_sha, o.squash_commit_sha].find((s) => typeof s === 'string' && s !== '') as
    string | undefined;
  return {
    number,
    author,
    createdAt: date(o.created_at, 'created_at', at),
    mergedAt: date(o.merged_at, 'merged_at', at),
    mergeCommit: sha ?? null,
    reviewers: [...reviewers],
  };
}

function where(file: string, i: number, item: unknown, numberKey: string): string {
  const n = (item as Obj | null)?.[numberKey];
  return `${file}: entry ${i + 1}${typeof n === 'number' ? ` (#${n})` : ''}`;
}

function object(item: unknown, at: string): Obj {
  if (typeof item !== 'object' || item === null || Array.isArray(item))
    throw new UserError(`${at}: expected an object, got ${kindOf(item)}; ${HOW}`);
  return item as Obj;
}

function positiveInt(v: unknown, key: string, at: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) throw bad(at, key, 'a positive integer');
  return v;
}

function date(v: unknown, key: string, at: string): number {
  const t = typeof v === 'string' ? Date.parse(v) : NaN;
  if (Number.isNaN(t)) throw bad(at, key, 'an ISO date (only merged pull requests can be read: `--state merged`)');
  return Math.floor(t / 1000);
}

/** A user object's login (`{login}` on GitHub, `{username}` on GitLab), lowercased; null when absent. */
function login(user: unknown, key: string): string | null {
  const v = (user as Obj | null | undefined)?.[key];
  return typeof v === 'string' && v !== '' ? v.toLowerCase() : null;
}

function bad(at: string, key: string, expected: string): UserError {
  return new UserError(`${at}: "${key}" is missing or not ${expected}; ${HOW}`);
}

function kindOf(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v;
}

/** The 1-based line of a JSON.parse error (V8 says `at position N`), 1 when it does not say. */
function jsonErrorLine(text: string, e: unknown): number {
  const m = /position (\d+)/.exec(String((e as Error)?.message));
  return m ? text.slice(0, Number(m[1])).split('\n').length : 1;
}
