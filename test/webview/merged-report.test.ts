// The dashboard opens a merged organization report (`conway merge`) like any report: its guard
// accepts the merge of three built repositories.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { isReport } from '../../webview/report-guard';
import { cli } from '../fixtures/cli';
import { orgRepos } from '../fixtures/org-repos';
import { scratch } from '../fixtures/scratch';

const { repoOf, tempDir } = scratch();

it("a merged report passes the dashboard's report guard", async () => {
  const dir = tempDir();
  const paths: string[] = [];
  for (const [name, repo] of Object.entries(orgRepos(repoOf))) {
    paths.push(`${name}=${join(dir, `${name}.json`)}`);
    await cli(['analyze', '--repo', repo.dir, '--no-cache', '--out', join(dir, `${name}.json`)]);
  }
  expect((await cli(['merge', ...paths, '--out', join(dir, 'org.json')])).code).toBe(0);
  const org = JSON.parse(readFileSync(join(dir, 'org.json'), 'utf8'));
  expect(org.org.repositories).toHaveLength(3);
  expect(isReport(org)).toBe(true);
});
