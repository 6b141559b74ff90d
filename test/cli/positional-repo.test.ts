// A command that reads a repository takes it as its one positional argument too, like `--repo`:
// `conway scorecard /path/to/repo` run from elsewhere analyses that repository, not the cwd.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { cli } from '../fixtures/cli';
import { scorecardStory } from '../fixtures/scorecard-story';
import type { Repo } from '../fixtures/repo';

let repo: Repo;
let elsewhere: string;
beforeAll(() => {
  repo = scorecardStory();
  elsewhere = mkdtempSync(join(tmpdir(), 'conway-elsewhere-'));
});
afterAll(() => {
  repo.cleanup();
  rmSync(elsewhere, { recursive: true, force: true });
});

describe('a positional repository', () => {
  it('is the repository scorecard reads, same as --repo', async () => {
    const byPositional = await cli(['scorecard', repo.dir, '--format', 'json'], elsewhere);
    const byOption = await cli(['scorecard', '--repo', repo.dir, '--format', 'json'], elsewhere);
    expect(byPositional.stderr).toBe('');
    expect(byPositional.code).toBe(0);
    const card = JSON.parse(byPositional.stdout);
    expect(basename(card.repo.root)).toBe(basename(repo.dir));
    expect(card.scorecard.teams.map((t: { id: string }) => t.id).sort()).toEqual(['a', 'b', 'c']);
    expect(JSON.parse(byOption.stdout).scorecard).toEqual(card.scorecard);
  });

  it('is refused when given twice or beside --repo, with how to give it', async () => {
    const twice = await cli(['scorecard', repo.dir, repo.dir], elsewhere);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/^ERROR: conway scorecard: unexpected arguments .*--repo DIR/);
    const both = await cli(['analyze', repo.dir, '--repo', repo.dir], elsewhere);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give the repository once');
  });

  it('is refused by a command that reads no repository', async () => {
    const r = await cli(['trend', 'x.json'], elsewhere);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("conway trend takes no positional arguments (got 'x.json')");
  });
});
