// Reads one per-repository report for `conway merge`: one at a time (a 5 MB report is ~30 MB
// parsed; only its aggregates are kept), with a clear error naming the file when it is not a
// Conway report of a schema version this Conway reads.
import { readFileSync, statSync } from 'node:fs';
import { UserError } from '../contract/errors';
import { isReadableVersion, SCHEMA_VERSION, type Report } from '../contract/report';

/** Far above a 100k-file repository's report; below what one parse can hold. */
const MAX_BYTES = 256 * 1024 * 1024;

export function readReport(path: string): Report {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new UserError(`${path}: no such report file`);
  }
  if (size > MAX_BYTES)
    throw new UserError(`${path}: ${Math.round(size / 1024 / 1024)} MB is larger than a report can be (256 MB)`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UserError(
      `${path}: not JSON (${(e as Error).message}) — give reports written by \`conway analyze --format json\``,
    );
  }
  const r = data as Partial<Report>;
  if (!r || typeof r !== 'object' || r.schemaVersion === undefined)
    throw new UserError(
      `${path}: not a Conway report (no schemaVersion) — give reports written by \`conway analyze --format json\``,
    );
  // Versions only add optional fields: an older report (last quarter's, for `snapshot`) is read,
  // its missing counts said by merge and stored as null by snapshot; a newer one needs a newer Conway.
  if (!isReadableVersion(r.schemaVersion)) {
    throw new UserError(
      typeof r.schemaVersion === 'number' && r.schemaVersion > SCHEMA_VERSION
        ? `${path}: report schemaVersion ${r.schemaVersion} is newer than this Conway reads (1 to ${SCHEMA_VERSION}) — upgrade Conway`
        : `${path}: report schemaVersion ${String(r.schemaVersion)} is not one Conway writes (1 to ${SCHEMA_VERSION}) — analyze the repository again`,
    );
  }
  if (!Array.isArray(r.teams) || !Array.isArray(r.files) || !r.repo || !r.window)
    throw new UserError(`${path}: a Conway report needs repo, window, teams and files`);
  return r as Report;
}
