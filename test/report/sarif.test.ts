// SARIF on the hand-built sample report (every violation kind, a hostile path): valid against the
// official SARIF 2.1.0 schema (shipped by @microsoft/jest-sarif, read from node_modules — no
// network), one result per violation, a rule with help text per kind, file URIs that decode back
// to the repository path.
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSarif, toRelativeUri } from '../../analyzer/report/sarif';
import { HOSTILE_PATH, sampleReport } from '../fixtures/report';

const schema = JSON.parse(
  readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
);
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

describe('SARIF reporter', () => {
  const report = sampleReport();
  const sarif = JSON.parse(renderSarif(report));
  const run = sarif.runs[0];

  it('is valid SARIF 2.1.0', () => {
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    expect(sarif.version).toBe('2.1.0');
  });

  it('has one result per violation, ruleId = kind, pointing at its rule', () => {
    expect(run.results).toHaveLength(report.violations.length);
    run.results.forEach(
      (
        res: {
          ruleId: string;
          ruleIndex: number;
          partialFingerprints: Record<string, string>;
          locations: { physicalLocation: { region: { startLine: number } } }[];
        },
        i: number,
      ) => {
        const v = report.violations[i];
        expect(res.ruleId).toBe(v.kind);
        expect(run.tool.driver.rules[res.ruleIndex].id).toBe(v.kind);
        expect(res.partialFingerprints['conway/v1']).toBe(v.fingerprint);
        expect(res.locations[0].physicalLocation.region.startLine).toBe(v.line);
      },
    );
  });

  it('describes every kind as a rule with help text and a level', () => {
    const kinds = new Set(report.violations.map((v) => v.kind));
    expect(kinds.size).toBe(6);
    for (const k of kinds) {
      const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === k);
      expect(rule.help.text.length).toBeGreaterThan(20);
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
    }
    expect(run.results.map((r: { level: string }) => r.level)).toEqual([
      'error',
      'error',
      'warning',
      'warning',
      'note',
      'error',
    ]);
  });

  it('encodes file paths as relative URIs that decode back to the path', () => {
    const uri = run.results[0].locations[0].physicalLocation.artifactLocation.uri;
    expect(uri).toBe('web/src/%22quotes%22%20%26%20%3Ctags%3E.ts');
    expect(decodeURIComponent(uri)).toBe(HOSTILE_PATH);
    expect(toRelativeUri('a b/#1?x%.ts')).toBe('a%20b/%231%3Fx%25.ts');
  });

  it('stays valid with no violations', () => {
    const empty = JSON.parse(renderSarif({ ...report, violations: [] }));
    expect(validate(empty), JSON.stringify(validate.errors)).toBe(true);
    expect(empty.runs[0].results).toEqual([]);
  });
});
