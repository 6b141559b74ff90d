// runCheck on the hand-built sample report (no analysis): the baseline workflow, output of only
// the new violations, exit codes, the missing-baseline note, atomic writes, and malformed
// baselines named with what is wrong.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../analyzer/cli/check';
import type { Io } from '../../analyzer/cli/command';
import { UserError } from '../../analyzer/contract/errors';
import { sampleReport } from '../fixtures/report';

function capture(cwd: string): Io & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    cwd,
    progress: false,
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
  };
  return io;
}

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'conway-check-'));
  const report = sampleReport();
  report.repo.root = dir;
  return { dir, report };
}

describe('runCheck', () => {
  it('without a baseline: every violation is new, exit 1, a note on stderr', () => {
    const { dir, report } = setup();
    const io = capture(dir);
    expect(runCheck(report, { gateHistory: true }, io)).toBe(1);
    expect(io.err).toBe(
      'note: no baseline at conway-baseline.json: every violation counts as new (create one with --update-baseline)\n',
    );
    const lines = io.out.trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    // Quoted as git quotes a path with `"` (names never reach the terminal raw).
    expect(lines[0]).toBe(`"web/src/\\"quotes\\" & <tags>.ts":2: deep-import: ${report.violations[0].message}`);
    expect(lines[6]).toBe('6 new violations (6 in all, 0 in the baseline)');
  });

  it('--update-baseline writes sorted fingerprints atomically and exits 0; then only new ones fail', () => {
    const { dir, report } = setup();
    const io = capture(dir);
    expect(runCheck(report, { baseline: 'base.json', updateBaseline: true, gateHistory: true }, io)).toBe(0);
    expect(io.err).toBe('wrote base.json: 6 violations accepted\n');
    const written = JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8'));
    expect(written).toEqual({ version: 1, fingerprints: report.violations.map((v) => v.fingerprint).sort() });
    expect(readdirSync(dir)).toEqual(['base.json']);

    const again = capture(dir);
    expect(runCheck(report, { baseline: 'base.json', gateHistory: true }, again)).toBe(0);
    expect(again.out).toBe('0 new violations (6 in all, 6 in the baseline)\n');

    // A line move keeps the fingerprint (no failure); a new fingerprint fails and is the only one printed.
    report.violations[0].line = 40;
    report.violations.push({
      ...report.violations[3],
      file: 'scripts/new.ts',
      fingerprint: 'unowned:-:-:scripts/new.ts:-',
    });
    const after = capture(dir);
    expect(runCheck(report, { baseline: join(dir, 'base.json'), gateHistory: true }, after)).toBe(1);
    expect(after.out).toBe(
      `scripts/new.ts:1: unowned: ${report.violations[3].message}\n1 new violation (7 in all, 6 in the baseline)\n`,
    );
  });

  it('--json prints the new violations and counts', () => {
    const { dir, report } = setup();
    writeFileSync(
      join(dir, 'conway-baseline.json'),
      JSON.stringify({ version: 1, fingerprints: report.violations.slice(1).map((v) => v.fingerprint) }),
    );
    const io = capture(dir);
    expect(runCheck(report, { json: true, gateHistory: true }, io)).toBe(1);
    expect(JSON.parse(io.out)).toEqual({ new: [report.violations[0]], total: 6, baseline: 5, window: report.window });
    expect(io.err).toBe('');
  });

  it('does not gate ownership-drift, which moves with the window, unless asked', () => {
    const { dir, report } = setup();
    const drift = report.violations.filter((v) => v.kind === 'ownership-drift');
    expect(drift.length).toBeGreaterThan(0);
    const io = capture(dir);
    expect(runCheck(report, { baseline: 'base.json', updateBaseline: true }, io)).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8')).fingerprints).toHaveLength(
      report.violations.length - drift.length,
    );
    expect(io.err).toContain(`note: ${drift.length} history-based violation (ownership-drift) not gated`);
    expect(runCheck(report, { baseline: 'base.json' }, capture(dir))).toBe(0);
    expect(runCheck(report, { baseline: 'base.json', gateHistory: true }, capture(dir))).toBe(1);
  });

  it('writes an empty baseline as []', () => {
    const { dir, report } = setup();
    report.violations = [];
    expect(runCheck(report, { updateBaseline: true }, capture(dir))).toBe(0);
    expect(readFileSync(join(dir, 'conway-baseline.json'), 'utf8')).toBe(
      '{\n  "version": 1,\n  "fingerprints": []\n}\n',
    );
    expect(runCheck(report, {}, capture(dir))).toBe(0);
  });

  it.each([
    [
      'not json',
      '{"version": 1,',
      /^b\.json: not valid JSON at line 1, column 15; regenerate it with `conway check --update-baseline`$/,
    ],
    ['an array', '[]', /^b\.json: the top level is an array, not an object; expected \{"version": 1/],
    ['no version', '{"fingerprints": []}', /^b\.json: "version" is missing; /],
    ['version 2', '{"version": 2, "fingerprints": []}', /^b\.json: "version" is 2, not 1; /],
    [
      'fingerprints a number',
      '{"version": 1, "fingerprints": 3}',
      /^b\.json: "fingerprints" is a number, not an array; /,
    ],
    [
      'a fingerprint that is null',
      '{"version": 1, "fingerprints": ["a", null]}',
      /^b\.json: "fingerprints"\[1\] is null, not a string; /,
    ],
  ])('rejects a baseline that is %s with a UserError naming the file', (_why, text, message) => {
    const { dir, report } = setup();
    writeFileSync(join(dir, 'b.json'), text);
    let error: unknown;
    try {
      runCheck(report, { baseline: 'b.json' }, capture(dir));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(message);
  });
});
