// Issue 9, "Bots": which commit subjects are machine-written. Subjects are ones seen in real
// repositories (dependabot, renovate, changesets, getsentry-bot's `release: 8.1.0`, CI sync jobs)
// next to human subjects that merely mention releases, updates or locks.
import { describe, expect, it } from 'vitest';
import { AutomationDetector, machineSubject, subjectTemplate, tallyAutomation } from '../../analyzer/history/automated';

describe('machineSubject', () => {
  it('recognises dependency bumps, releases and generated/sync updates', () => {
    for (const s of [
      'Bump lodash from 4.17.20 to 4.17.21',
      'build(deps-dev): bump typescript from 5.3.3 to 5.4.2',
      'chore(deps): update dependency vitest to v1.4.0',
      'Update dependency @types/node to v20.11.30',
      'release: 8.1.0',
      'Release v1.2.3',
      'chore(release): 2.0.0',
      'Version Packages',
      'v1.2.3',
      '[release] next',
      'Publish',
      'Update yarn.lock',
      'docs: regenerate API reference [skip ci]',
      'Sync translations',
      'Auto-update CHANGELOG',
      'Apply automatic changes',
      'Merge branch master into develop',
    ]) expect(machineSubject(s), s).toBe(true);
  });

  it('leaves human subjects alone, even about releases, updates or locks', () => {
    for (const s of ['Fix login redirect', 'Release notes: explain the new cache', 'Update README with the lock icon story', 'feat(core): add retry to uploads', 'Bump the timeout in the e2e test']) {
      expect(machineSubject(s), s).toBe(false);
    }
  });
});

describe('AutomationDetector', () => {
  it('marks a subject repeating the same account’s previous template, not another account’s', () => {
    const d = new AutomationDetector();
    expect(d.automated('ci', 'ci@x.io', 'nightly snapshot 2024-01-01')).toBe(false);
    expect(d.automated('ci', 'ci@x.io', 'nightly snapshot 2024-01-02')).toBe(true);
    expect(d.automated('ann', 'ann@x.io', 'nightly snapshot 2024-01-03')).toBe(false);
    expect(subjectTemplate('Release v1.2.3 (abc1234)')).toBe(subjectTemplate('release v10.0.0 (ffee991)'));
  });

  it('tallies automated/total per account, email case-insensitive', () => {
    const t = tallyAutomation([{ name: 'a', email: 'A@x.io', automated: true }, { name: 'a', email: 'a@x.io', automated: false }]);
    expect([...t.values()]).toEqual([{ automated: 1, total: 2 }]);
  });
});
