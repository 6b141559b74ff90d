// The editor's per-file import check (the worker's `imports` request): the same deep-import and
// forbidden-dependency answers as the full analysis, on the boundaries repository. It once threw
// ("input.deliveryTeamsOf is not a function") when delivery teams came in, breaking hovers,
// quick fixes and re-checks on save in the editor.
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import { loadOwnership } from '../../analyzer/ownership';
import { fileImportViolations } from '../../analyzer/pipeline/file-check';
import { boundariesRepo } from '../fixtures/boundaries';

const repo = boundariesRepo();
afterAll(() => repo.cleanup());

describe('fileImportViolations', () => {
  it('agrees with the full analysis on one file', async () => {
    const report = await analyzeRepo(repo.dir, { cache: false });
    const edge = {
      from: 'web/app.ts',
      to: 'billing/charge.ts',
      specifier: '../billing/charge',
      line: 1,
      kind: 'static' as const,
    };
    const got = fileImportViolations(
      loadOwnership(repo.dir),
      [],
      [edge],
      report.files.map((f) => f.path),
    );
    const full = report.violations.filter(
      (v) => v.file === 'web/app.ts' && (v.kind === 'deep-import' || v.kind === 'forbidden-dependency'),
    );
    expect(got.map((v) => [v.kind, v.fingerprint]).sort()).toEqual(full.map((v) => [v.kind, v.fingerprint]).sort());
    expect(got.map((v) => v.kind).sort()).toEqual(['deep-import', 'forbidden-dependency']);
  });
});
