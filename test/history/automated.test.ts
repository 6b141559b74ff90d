// Which commit subjects are machine-written. Subjects are ones seen in real
// repositories (dependabot, renovate, changesets, getsentry-bot's `release: 8.1.0`, CI sync jobs)
// next to human subjects that merely mention releases, updates or locks.
import { describe, expect, it } from 'vitest';
import { machineSubject, subjectPrint, subjectTemplate, tallyAutomation } from '../../analyzer/history/automated';

describe('machineSubject', () => {
  it('recognises dependency bumps, releases and generated/sync updates', () => {
    for (const s of [
      'Bump lodash from 4.17.20 to 4.17.21',
      'build(deps-dev): bump typescript from 5.3.3 to 5.4.2',
      'chore(deps): update dependency vitest to v1.4.0',
      'Update dependency @types/node to v20.11.30',
      "feat(deps): update deps matching '@opentelemetry/*' (#3034)",
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
    ])
      expect(machineSubject(s), s).toBe(true);
  });

  it('leaves human subjects alone, even about releases, updates or locks', () => {
    for (const s of [
      'Fix login redirect',
      'Release notes: explain the new cache',
      'Update README with the lock icon story',
      'feat(core): add retry to uploads',
      'ci: move security scanning to shared workflow (#3656)',
      'Bump the timeout in the e2e test',
    ]) {
      expect(machineSubject(s), s).toBe(false);
    }
  });
});

describe('tallyAutomation', () => {
  const c = (name: string, email: string, subject: string) => ({ name, email, subject: subjectPrint(subject) });

  it('counts machine subjects and the most repeated template per account, email case-insensitive', () => {
    const t = tallyAutomation([
      c('ci', 'CI@x.io', 'nightly snapshot 2024-01-01'),
      c('ann', 'ann@x.io', 'nightly snapshot 2024-01-02'),
      c('ci', 'ci@x.io', 'Fix the build'),
      c('ci', 'ci@x.io', 'nightly snapshot 2024-01-03'),
      c('ci', 'ci@x.io', 'Bump a from 1.0.0 to 2.0.0'),
      c('ci', 'ci@x.io', 'nightly snapshot 2024-01-04'),
    ]);
    expect(t.get('ci\x1fci@x.io')).toEqual({ total: 5, automated: 1, sameTemplate: 3 });
    expect(t.get('ann\x1fann@x.io')).toEqual({ total: 1, automated: 0, sameTemplate: 1 });
  });

  it('does not depend on the order of the commits (shards, cache increments)', () => {
    const cs = ['v1 ok', 'snapshot 1', 'Fix a', 'snapshot 2', 'snapshot 3', 'Bump a from 1 to 2'].map((s) =>
      c('ci', 'ci@x.io', s),
    );
    expect(tallyAutomation([...cs].reverse())).toEqual(tallyAutomation(cs));
    expect(subjectTemplate('Release v1.2.3 (abc1234)')).toBe(subjectTemplate('release v10.0.0 (ffee991)'));
  });
});
