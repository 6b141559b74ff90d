// The published contracts (analyzer/contract/*.schema.json): generated from the TypeScript types,
// versioned (a changed shape needs a new schemaVersion), and every report and review Conway
// writes — on real fixture repositories — validates against them.
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import { SCHEMA_VERSION, type Report } from '../../analyzer/contract/report';
import { REVIEW_SCHEMA_VERSION } from '../../analyzer/contract/review';
import { reviewChange } from '../../analyzer/review';
// prettier-ignore
// @ts-expect-error a plain ES module without types
import { contractSchema, fingerprintOf, schemaFile, schemaVersionOf, VERSIONS_FILE } from '../../scripts/contract-schema.mjs';
import { boundariesRepo } from '../fixtures/boundaries';
import { monorepo } from '../fixtures/monorepo';
import { protoRepo } from '../fixtures/prototype-repo';
import { sampleReport } from '../fixtures/report';
import { reviewRepo } from '../fixtures/review';
import { scratch } from '../fixtures/scratch';
import { smallReport } from '../fixtures/scale-report';

const { repoOf, tempDir } = scratch('conway-schema-');
const committed = (which: string) => JSON.parse(readFileSync(schemaFile(which), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: true });
const validReport = ajv.compile(committed('report'));
const validReview = ajv.compile(committed('review'));
const errors = (v: typeof validReport) => ajv.errorsText(v.errors, { separator: '\n' });

describe('published contract', () => {
  it.each(['report', 'review'])(
    '%s.schema.json is the one the types give (node scripts/contract-schema.mjs)',
    (which) => {
      expect(committed(which)).toEqual(contractSchema(which));
    },
  );

  it('each contract shape is recorded under its schemaVersion: changing the shape needs a new version', () => {
    const versions = JSON.parse(readFileSync(VERSIONS_FILE, 'utf8'));
    expect(schemaVersionOf('report')).toBe(SCHEMA_VERSION);
    expect(schemaVersionOf('review')).toBe(REVIEW_SCHEMA_VERSION);
    expect(versions.report[String(SCHEMA_VERSION)]).toBe(fingerprintOf(contractSchema('report')));
    expect(versions.review[String(REVIEW_SCHEMA_VERSION)]).toBe(fingerprintOf(contractSchema('review')));
  });

  it.each([
    ['a monorepo', () => monorepo()],
    ['boundary violations', () => boundariesRepo()],
    ['teams named like Object.prototype members', () => protoRepo(repoOf)],
  ])(
    'conway analyze on %s writes a valid report',
    async (_, make) => {
      const repo = make();
      try {
        const report = JSON.parse(
          JSON.stringify(await analyzeRepo(repo.dir, { since: 'all', cacheDir: tempDir(), metrics: { minSample: 0 } })),
        );
        expect(validReport(report), errors(validReport)).toBe(true);
      } finally {
        repo.cleanup();
      }
    },
    60_000,
  );

  it('the test fixtures the reporters and the dashboard are tested with are valid reports', () => {
    for (const r of [sampleReport(), smallReport('full'), smallReport('legacy')])
      expect(validReport(JSON.parse(JSON.stringify(r))), errors(validReport)).toBe(true);
  });

  it('rejects what the contract does not say: an unknown field, a wrong type, a missing field', () => {
    const r = JSON.parse(JSON.stringify(sampleReport())) as Report & Record<string, unknown>;
    expect(validReport({ ...r, extra: 1 })).toBe(false);
    expect(validReport({ ...r, teams: [{ ...r.teams[0], files: '3' }] })).toBe(false);
    const { notes: _, ...missing } = r;
    expect(validReport(missing)).toBe(false);
  });

  it('conway review writes a valid review', async () => {
    const repo = reviewRepo();
    try {
      const review = JSON.parse(JSON.stringify(await reviewChange(repo.dir, { base: 'main', cacheDir: tempDir() })));
      expect(review.files.length).toBeGreaterThan(0);
      expect(validReview(review), errors(validReview)).toBe(true);
    } finally {
      repo.cleanup();
    }
  }, 60_000);
});
