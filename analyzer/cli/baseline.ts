// The `conway check` baseline: the fingerprints of accepted violations, so CI fails only on new
// ones. `{"version": 1, "fingerprints": ["…", …]}`, sorted, one per line, diff-friendly.
// A baseline inside the repository is a file the repository chose: read under readRepoFile's
// rules (a committed link to /etc/passwd or into .git is refused, never read), and errors name
// the place of the problem, never the file's content.
import { lstatSync, readlinkSync } from 'node:fs';
import { dirname, isAbsolute, relative } from 'node:path';
import { escapes, readRepoFile, readTextFile } from '../collect/read-file';
import { UserError } from '../contract/errors';
import { jsonErrorPlace } from '../contract/parse-errors';
import type { Violation } from '../contract/report';

export interface Baseline {
  version: 1;
  fingerprints: string[];
}

const MAX_BYTES = 64 * 1024 * 1024;

/** The baseline at path, or null when the file does not exist; `root`: the repository's top level. */
export function readBaseline(path: string, shown: string, root?: string): Baseline | null {
  const r =
    root !== undefined && isInside(root, path)
      ? readRepoFile(root, path, MAX_BYTES, true)
      : readTextFile(path, MAX_BYTES);
  if (r.kind === 'missing') return null;
  if (r.kind === 'outside')
    throw new UserError(
      `${shown} is a link to ${r.target}, outside the repository: Conway reads only files inside it — replace the link with the baseline file, or pass --baseline PATH`,
    );
  if (r.kind !== 'text') throw new UserError(`${shown}: cannot read the baseline`);
  let data: unknown;
  try {
    data = JSON.parse(r.text);
  } catch (e) {
    throw new UserError(
      `${shown}: not valid JSON${jsonErrorPlace(r.text, e as Error)}; regenerate it with \`conway check --update-baseline\``,
    );
  }
  const problem = describeProblem(data);
  if (problem)
    throw new UserError(
      `${shown}: ${problem}; expected {"version": 1, "fingerprints": ["…"]}; regenerate it with \`conway check --update-baseline\``,
    );
  return data as Baseline;
}

/**
 * Refuses to write the baseline through a link inside the repository (`--update-baseline` would
 * overwrite whatever a committed `conway-baseline.json -> ~/.bashrc` names), or below a linked
 * directory that leaves it.
 */
export function checkBaselineTarget(path: string, shown: string, root: string): void {
  if (!isInside(root, path)) return;
  const link = lstatOrNull(path);
  if (link?.isSymbolicLink())
    throw new UserError(
      `${shown} is a link (to ${readlinkSync(path)}): Conway never writes through a link in the repository — remove the link (\`git rm ${shown}\`) and run --update-baseline again`,
    );
  const out = escapes(root, dirname(path));
  if (out !== null)
    throw new UserError(
      `${shown}: its directory is a link to ${out}, outside the repository: Conway never writes through a link — pass --baseline PATH`,
    );
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return !rel.startsWith('..') && !isAbsolute(rel);
}

function lstatOrNull(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

/** What is wrong with a parsed baseline, in words, or null when it is well-formed. */
function describeProblem(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return `the top level is ${typeName(data)}, not an object`;
  const b = data as Record<string, unknown>;
  if (b.version !== 1)
    return b.version === undefined ? '"version" is missing' : `"version" is ${JSON.stringify(b.version)}, not 1`;
  if (!Array.isArray(b.fingerprints))
    return b.fingerprints === undefined
      ? '"fingerprints" is missing'
      : `"fingerprints" is ${typeName(b.fingerprints)}, not an array`;
  const bad = b.fingerprints.findIndex((f) => typeof f !== 'string');
  return bad < 0 ? null : `"fingerprints"[${bad}] is ${typeName(b.fingerprints[bad])}, not a string`;
}

function typeName(x: unknown): string {
  return x === null ? 'null' : Array.isArray(x) ? 'an array' : `a ${typeof x}`;
}

export function toBaseline(violations: Violation[]): Baseline {
  return { version: 1, fingerprints: [...new Set(violations.map((v) => v.fingerprint))].sort() };
}

export function serializeBaseline(b: Baseline): string {
  if (!b.fingerprints.length) return '{\n  "version": 1,\n  "fingerprints": []\n}\n';
  return `{\n  "version": 1,\n  "fingerprints": [\n${b.fingerprints.map((f) => `    ${JSON.stringify(f)}`).join(',\n')}\n  ]\n}\n`;
}

export function newViolations(violations: Violation[], baseline: Baseline | null): Violation[] {
  const known = new Set(baseline?.fingerprints ?? []);
  return violations.filter((v) => !known.has(v.fingerprint));
}
