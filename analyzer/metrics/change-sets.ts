// The change sets a metric counts (model/change-set.ts). The pipeline sets `input.changeSets`
// when it grouped commits (pull requests, merges); without them every commit is its own change.
import type { ChangeSet } from '../model/change-set';
import type { Commit } from '../model/types';
import type { MetricsInput } from './input';

export function changeSetsOf(input: Pick<MetricsInput, 'commits' | 'changeSets'>): ChangeSet[] {
  return input.changeSets ?? input.commits.map(commitChangeSet);
}

export function commitChangeSet(commit: Commit): ChangeSet {
  const authors = [commit.author];
  for (const co of commit.coAuthors) if (!authors.includes(co)) authors.push(co);
  let lines: number | null = 0;
  for (const f of commit.files)
    lines = f.added === null || f.deleted === null || lines === null ? null : lines + f.added + f.deleted;
  return {
    id: commit.sha,
    kind: 'commit',
    commits: [commit],
    files: [...new Set(commit.files.map((f) => f.path))],
    lines,
    authors,
    reviewers: [],
    opened: commit.date,
    merged: commit.date,
  };
}
