// GitLab Code Quality on the hand-built sample report: the fields GitLab requires for every
// issue (description, check_name, fingerprint, severity from GitLab's list, location.path and
// lines.begin), unique fingerprints, and `conway check --format codequality` on a real repository
// reporting only the violations the baseline does not accept.
import { describe, expect, it } from 'vitest';
import { renderCodeQuality } from '../../analyzer/report/codequality';
import { boundariesRepo } from '../fixtures/boundaries';
import { cli } from '../fixtures/cli';
import { HOSTILE_PATH, sampleReport } from '../fixtures/report';
import { scratch } from '../fixtures/scratch';

const { tempDir } = scratch();

describe('Code Quality reporter', () => {
  it('one issue per violation with every field GitLab requires', () => {
    const report = sampleReport();
    const issues = JSON.parse(renderCodeQuality(report));
    expect(issues).toHaveLength(report.violations.length);
    for (const [i, issue] of issues.entries()) {
      const v = report.violations[i];
      expect(issue).toEqual({
        description: v.message,
        check_name: `conway/${v.kind}`,
        fingerprint: v.fingerprint,
        severity: expect.stringMatching(/^(info|minor|major|critical|blocker)$/),
        location: { path: v.file, lines: { begin: v.line } },
      });
    }
    expect(new Set(issues.map((x: { fingerprint: string }) => x.fingerprint)).size).toBe(issues.length);
    expect(issues.find((x: { location: { path: string } }) => x.location.path === HOSTILE_PATH)).toBeDefined();
    expect(issues.find((x: { check_name: string }) => x.check_name === 'conway/deep-import').severity).toBe('major');
  });

  it('check --format codequality prints the new violations as a report and keeps the exit code', async () => {
    const repo = boundariesRepo();
    try {
      const env = process.env.XDG_CACHE_HOME;
      process.env.XDG_CACHE_HOME = tempDir();
      const r = await cli([
        'check',
        '--repo',
        repo.dir,
        '--format',
        'codequality',
        '--gate-history',
        '--baseline',
        `${tempDir()}/none.json`,
      ]).finally(() => (env === undefined ? delete process.env.XDG_CACHE_HOME : (process.env.XDG_CACHE_HOME = env)));
      expect(r.code).toBe(1);
      const issues = JSON.parse(r.stdout);
      const all = JSON.parse((await cli(['analyze', '--repo', repo.dir, '--format', 'codequality'])).stdout);
      expect(issues).toEqual(all);
      expect(issues.map((x: { check_name: string }) => x.check_name)).toContain('conway/deep-import');
      expect(r.stderr).toMatch(/\d+ new violations.* \(\d+ in all, 0 in the baseline\)/);
    } finally {
      repo.cleanup();
    }
  });
});
