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

  it('counts machine subjects and the commits in frequent templates per account, email case-insensitive', () => {
    const t = tallyAutomation([
      c('ci', 'CI@x.io', 'nightly snapshot 2024-01-01'),
      c('ann', 'ann@x.io', 'nightly snapshot 2024-01-02'),
      c('ci', 'ci@x.io', 'Fix the build'),
      c('ci', 'ci@x.io', 'nightly snapshot 2024-01-03'),
      c('ci', 'ci@x.io', 'Bump a from 1.0.0 to 2.0.0'),
      c('ci', 'ci@x.io', 'nightly snapshot 2024-01-04'),
    ]);
    // ci: `nightly snapshot #` 3 times (> 5% of 5, and twice or more); `Fix the build` and the bump once each.
    expect(t.get('ci\x1fci@x.io')).toEqual({ total: 5, automated: 1, templated: 3 });
    // ann: one commit, a template used once is no template.
    expect(t.get('ann\x1fann@x.io')).toEqual({ total: 1, automated: 0, templated: 0 });
  });

  it('does not depend on the order of the commits (shards, cache increments)', () => {
    const cs = ['v1 ok', 'snapshot 1', 'Fix a', 'snapshot 2', 'snapshot 3', 'Bump a from 1 to 2'].map((s) =>
      c('ci', 'ci@x.io', s),
    );
    expect(tallyAutomation([...cs].reverse())).toEqual(tallyAutomation(cs));
    expect(subjectTemplate('Release v1.2.3 (abc1234)')).toBe(subjectTemplate('release v10.0.0 (ffee991)'));
  });

  it('finds a tool that writes from a handful of templates (Istio Automation: 170 + 74 + 65 + 40 + 24 of 394)', () => {
    // The shape of `Istio Automation <istio-testing-bot@google.com>` in istio/istio (2025-08 … 2026-08):
    // five frequent templates, one template under 5% (19 of 394), and 2 one-off subjects.
    const subjects = [
      ...Array.from({ length: 170 }, (_, i) => `Automator: update proxy@master in istio/istio@master (#${59000 + i})`),
      ...Array.from({ length: 74 }, (_, i) => `Automator: update ztunnel@master in istio/istio@master (#${60000 + i})`),
      ...Array.from({ length: 65 }, (_, i) => `Automator: update istio/client-go@master dependency (#${61000 + i})`),
      ...Array.from(
        { length: 40 },
        (_, i) => `Automator: update common-files@master in istio/istio@master (#${62000 + i})`,
      ),
      ...Array.from(
        { length: 24 },
        (_, i) => `Automator: update go-control-plane in istio/istio@master (#${63000 + i})`,
      ),
      ...Array.from({ length: 19 }, (_, i) => `Update BASE_VERSION to master-2026-0${1 + (i % 8)}-1${i % 9}T19-00-53`),
      'Automator: update agentgateway@master in istio/istio@master',
      'Automator: update agentgateway@master in istio/istio@master (rebuilt)',
    ];
    // Interleaved as a real history is, and in reverse: Misra–Gries keeps every frequent template either way.
    const interleaved = subjects.map((s, i) => ({ s, k: (i * 7919) % subjects.length })).sort((a, b) => a.k - b.k);
    for (const order of [interleaved, [...interleaved].reverse()]) {
      const t = tallyAutomation(order.map(({ s }) => c('Istio Automation', 'istio-testing-bot@google.com', s)));
      expect(t.get('Istio Automation\x1fistio-testing-bot@google.com')).toEqual({
        total: 394,
        automated: 0,
        templated: 373,
      });
    }
  });

  it('leaves a person who repeats a few subjects below the bot line', () => {
    const subjects = [
      ...Array.from({ length: 40 }, (_, i) => `Fix flaky test in package ${String.fromCharCode(97 + (i % 26))}${i}`),
      'fix lint',
      'fix lint',
      'fix lint',
      'wip',
      'wip',
    ];
    const t = tallyAutomation(subjects.map((s) => c('talbot', 'talbot@x.io', s)));
    // `fix lint` 3 (> 5% of 45 = 2.25) counts; `wip` 2 does not, nor the 14 `Fix flaky test in package a#`
    // templates that the blanked digits make of two subjects each.
    expect(t.get('talbot\x1ftalbot@x.io')).toEqual({ total: 45, automated: 0, templated: 3 });
  });
});
