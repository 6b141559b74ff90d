// The message guards used on both sides of the dashboard: every field checked, a path that could
// leave the workspace or a line that is not a real line rejected, a report missing or mistyping
// any field the dashboard reads rejected.
import { describe, expect, it } from 'vitest';
import { isHostToWebview, isSafeRelativePath, isWebviewToHost, reportOf } from '../../webview/protocol';
import { isReport } from '../../webview/report-guard';
import { HOSTILE_PATH, sampleReport } from '../fixtures/report';

describe('isWebviewToHost', () => {
  it('accepts the messages the page sends', () => {
    expect(isWebviewToHost({ type: 'ready' })).toBe(true);
    expect(isWebviewToHost({ type: 'open', file: HOSTILE_PATH, line: 2 })).toBe(true);
    expect(isWebviewToHost({ type: 'rendered', teams: 3, violations: 6, graph: 'svg' })).toBe(true);
    expect(isWebviewToHost({ type: 'filter', cluster: 'commerce', team: null })).toBe(true);
    expect(isWebviewToHost({ type: 'filter', cluster: null, team: null })).toBe(true);
  });

  it.each([
    ['unknown type', { type: 'run', command: 'rm -rf /' }],
    ['no object', 'ready'],
    ['null', null],
    ['absolute path', { type: 'open', file: '/etc/passwd', line: 1 }],
    ['windows drive', { type: 'open', file: 'C:\\Windows\\win.ini', line: 1 }],
    ['parent segment', { type: 'open', file: 'src/../../secret', line: 1 }],
    ['backslash parent', { type: 'open', file: 'src\\..\\..\\secret', line: 1 }],
    ['empty path', { type: 'open', file: '', line: 1 }],
    ['line 0', { type: 'open', file: 'a.ts', line: 0 }],
    ['fractional line', { type: 'open', file: 'a.ts', line: 1.5 }],
    ['infinite line', { type: 'open', file: 'a.ts', line: Infinity }],
    ['string line', { type: 'open', file: 'a.ts', line: '3' }],
    ['bad renderer', { type: 'rendered', teams: 3, violations: 0, graph: 'canvas' }],
    ['filter empty string', { type: 'filter', cluster: '', team: null }],
    ['filter missing team', { type: 'filter', cluster: null }],
    ['filter number', { type: 'filter', cluster: 1, team: null }],
  ])('rejects %s', (_why, msg) => {
    expect(isWebviewToHost(msg)).toBe(false);
  });

  it('knows which relative paths are safe', () => {
    expect(isSafeRelativePath('a/b..c/d.ts')).toBe(true);
    expect(isSafeRelativePath('..')).toBe(false);
  });
});

describe('isHostToWebview / isReport', () => {
  it('accepts a full report message', () => {
    expect(isHostToWebview({ type: 'report', report: sampleReport(), folder: 'shop' })).toBe(true);
    expect(isReport(sampleReport())).toBe(true);
  });

  it('accepts the report as JSON text (what the extension sends) and checks it once parsed', () => {
    const ok = { type: 'report-json' as const, json: JSON.stringify(sampleReport()), folder: 'shop' };
    expect(isHostToWebview(ok)).toBe(true);
    expect(reportOf(ok)).toEqual(sampleReport());
    const bad = { ...sampleReport(), schemaVersion: 99 };
    expect(reportOf({ type: 'report-json', json: JSON.stringify(bad), folder: 'shop' })).toBeUndefined();
    expect(reportOf({ type: 'report-json', json: '{not json', folder: 'shop' })).toBeUndefined();
    expect(isHostToWebview({ type: 'report-json', json: 42, folder: 'shop' })).toBe(false);
  });

  it('accepts the filters the host sends back, and rejects malformed ones', () => {
    const msg = (filter: unknown) => ({ type: 'report-json', json: '{}', folder: 'shop', filter });
    expect(isHostToWebview(msg({ cluster: 'commerce', team: null }))).toBe(true);
    expect(isHostToWebview(msg({ cluster: null, team: null }))).toBe(true);
    expect(isHostToWebview(msg({ cluster: '', team: null }))).toBe(false);
    expect(isHostToWebview(msg({ cluster: 1, team: null }))).toBe(false);
    expect(isHostToWebview(msg('commerce'))).toBe(false);
  });

  it('rejects a message without folder or with another type', () => {
    expect(isHostToWebview({ type: 'report', report: sampleReport() })).toBe(false);
    expect(isHostToWebview({ type: 'open', report: sampleReport(), folder: 'shop' })).toBe(false);
  });

  const broken: [string, (r: ReturnType<typeof sampleReport>) => void][] = [
    ['another schema version', (r) => void ((r as { schemaVersion: number }).schemaVersion = 99)],
    ['a team name that is not a string', (r) => void ((r.teams[0] as { name: unknown }).name = { toString: 1 })],
    ['a score that is a string', (r) => void ((r.teams[1].autonomy as { score: unknown }).score = '64')],
    ['a NaN ratio', (r) => void (r.clusters[0].autonomy.ownershipIntegrity = NaN)],
    ['a trend point without month', (r) => void delete (r.teams[2].trend[0] as { month?: string }).month],
    ['an unknown violation kind', (r) => void ((r.violations[0] as { kind: string }).kind = 'evil')],
    ['a violation line as a string', (r) => void ((r.violations[1] as { line: unknown }).line = '2')],
    ['a member flagged with a string', (r) => void ((r.teams[0].members[0] as { inferred: unknown }).inferred = 'no')],
    ['static coupling without examples', (r) => void delete (r.coupling.static[0] as { examples?: unknown }).examples],
    [
      'a module owner share that is not a number',
      (r) => void (r.modules[0].owners.payments = '0.5' as unknown as number),
    ],
    ['suggestions missing', (r) => void delete (r as { suggestions?: unknown }).suggestions],
    ['teams as an object', (r) => void ((r as { teams: unknown }).teams = { 0: r.teams[0] })],
  ];
  it.each(broken)('rejects a report with %s', (_why, breakIt) => {
    const r = sampleReport();
    breakIt(r);
    expect(isReport(r)).toBe(false);
    expect(isHostToWebview({ type: 'report', report: r, folder: 'shop' })).toBe(false);
  });
});
