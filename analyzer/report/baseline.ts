// The `conway check` baseline: the fingerprints of accepted violations, so CI fails only on new
// ones. `{"version": 1, "fingerprints": ["…", …]}`, sorted, one per line, diff-friendly.
import { readTextFile } from '../collect/read-file';
import { UserError } from '../errors';
import type { Violation } from './types';

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
  const b = data as Baseline;
  if (!b || b.version !== 1 || !Array.isArray(b.fingerprints) || !b.fingerprints.every((f) => typeof f === 'string')) {
    throw new UserError(`${shown}: expected {"version": 1, "fingerprints": ["…"]}; regenerate it with \`conway check --update-baseline\``);
  }
  return b;
}

export function toBaseline(violations: Violation[]): Baseline {
  return { version: 1, fingerprints: [...new Set(violations.map((v) => v.fingerprint))].sort() };
}

export function serializeBaseline(b: Baseline): string {
  return `{\n  "version": 1,\n  "fingerprints": [\n${b.fingerprints.map((f) => `    ${JSON.stringify(f)}`).join(',\n')}\n  ]\n}\n`;
}

export function newViolations(violations: Violation[], baseline: Baseline | null): Violation[] {
  const known = new Set(baseline?.fingerprints ?? []);
  return violations.filter((v) => !known.has(v.fingerprint));
}
