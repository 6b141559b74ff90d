// The editor tests' workspace: the repository of test/fixtures/boundaries.ts (teams billing,
// core, web; a deep import, a forbidden dependency, a cycle, an unowned file, drift), with a local
// identity so the tests can commit into it.
import { boundariesRepo } from '../fixtures/boundaries';

export function makeWorkspace(): string {
  const repo = boundariesRepo();
  repo.git('config', 'user.name', 'Cat Park');
  repo.git('config', 'user.email', 'cat@acme.io');
  // The whole history of the fixture (the default window, 12 months before HEAD, holds it too).
  repo.write('.vscode/settings.json', JSON.stringify({ 'conway.history.since': 'all' }));
  repo.git('add', '.vscode/settings.json');
  repo.git('-c', 'user.name=Cat Park', '-c', 'user.email=cat@acme.io', 'commit', '-q', '-m', 'editor settings', '--date', '2024-02-05T12:00:00Z');
  return repo.dir;
}
