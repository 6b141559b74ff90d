// The `conway check` baseline: the fingerprints of accepted violations, so CI fails only on new
// ones. `{"version": 1, "fingerprints": ["…", …]}`, sorted, one per line, diff-friendly.
import { readTextFile } from '../collect/read-file';
import { UserError } from '../contract/errors';
import type { Violation } from '../contract/report';

export interface Baseline {
  version: 1;
  fingerprints: string[];
}

/** The baseline at path, or null when the file does not exist. */
export function readBaseline(path: string, shown: string): Baseline | null {
  const r = readTextFile(path, 64 * 1024 * 1024);
  if (r.kind === 'missing') return null;
  if (r.kind !== 'text') throw new UserError(`${shown}: cannot read the baseline`);
  let data: unknown;
  try {
    data = JSON.parse(r.text);
  } catch (e) {
    throw new UserError(`${shown}: not valid JSON (${(e as Error).message}); regenerate it with \`conway check --update-baseline\``);
  }
  const problem = describeProblem(data);
  if (problem) throw new UserError(`${shown}: ${problem}; expected {"version": 1, "fingerprints": ["…"]}; regenerate it with \`conway check --update-baseline\``);
  return data as Baseline;
}

/** What is wrong with a parsed baseline, in words, or null when it is well-formed. */
function describeProblem(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return `the top level is ${typeName(data)}, not an object`;
  const b = data as Record<string, unknown>;
  if (b.version !== 1) return b.version === undefined ? '"version" is missing' : `"version" is ${JSON.stringify(b.version)}, not 1`;
  if (!Array.isArray(b.fingerprints)) return b.fingerprints === undefined ? '"fingerprints" is missing' : `"fingerprints" is ${typeName(b.fingerprints)}, not an array`;
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
