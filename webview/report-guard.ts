// A structural check of a Report before the dashboard renders it: every field the dashboard
// reads, with its type. A message from the host or a report embedded in a page is data from
// elsewhere; a malformed one is ignored instead of half-rendered (or crashing mid-render).
// Written as tiny combinators rather than a JSON-schema library: the browser bundle stays small.
import { isReadableVersion, type Report } from '../analyzer/contract/report';

type Check = (x: unknown) => boolean;

const str: Check = (x) => typeof x === 'string';
const num: Check = (x) => typeof x === 'number' && Number.isFinite(x);
const bool: Check = (x) => typeof x === 'boolean';
const orNull =
  (c: Check): Check =>
  (x) =>
    x === null || c(x);
const arrayOf =
  (c: Check): Check =>
  (x) =>
    Array.isArray(x) && x.every(c);
const recordOf =
  (c: Check): Check =>
  (x) =>
    isObject(x) && Object.values(x).every(c);
const shape =
  (fields: Record<string, Check>): Check =>
  (x) =>
    isObject(x) && Object.entries(fields).every(([k, c]) => c(x[k]));
const oneOf =
  (...values: string[]): Check =>
  (x) =>
    typeof x === 'string' && values.includes(x);

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const ratio = orNull(num);
const autonomy = shape({
  score: ratio,
  deliveryIndependence: ratio,
  ownershipIntegrity: ratio,
  dependencyIndependence: ratio,
});
const member = shape({ person: str, name: str, inferred: bool, changes: num });
const trendPoint = shape({
  month: str,
  changes: num,
  commits: num,
  alignment: ratio,
  deliveryIndependence: ratio,
  fragmentation: ratio,
});

const team = shape({
  id: str,
  name: str,
  cluster: orNull(str),
  members: arrayOf(member),
  files: num,
  changes: num,
  commits: num,
  truckFactor: orNull(num),
  autonomy,
  trend: arrayOf(trendPoint),
});

const violation = shape({
  kind: oneOf(
    'deep-import',
    'forbidden-dependency',
    'team-cycle',
    'unowned',
    'ownership-drift',
    'invalid-codeowners',
    'interaction',
  ),
  file: str,
  line: num,
  fromTeam: orNull(str),
  toTeam: orNull(str),
  target: orNull(str),
  message: str,
  fingerprint: str,
});

const coupling = shape({
  files: arrayOf(shape({ a: str, b: str, shared: num, degree: num })),
  teams: arrayOf(shape({ a: str, b: str, sharedCommits: num, degree: num, commits: arrayOf(str) })),
  static: arrayOf(
    shape({ from: str, to: str, edges: num, examples: arrayOf(shape({ file: str, line: num, target: str })) }),
  ),
});

const report = shape({
  schemaVersion: isReadableVersion,
  window: shape({ commits: num }),
  notes: arrayOf(str),
  teams: arrayOf(team),
  clusters: arrayOf(shape({ id: str, teams: arrayOf(str), autonomy })),
  files: arrayOf(shape({ path: str })),
  coupling,
  violations: arrayOf(violation),
  modules: arrayOf(shape({ id: str, files: arrayOf(str), owners: recordOf(num), suggestion: orNull(str) })),
  suggestions: shape({ codeowners: arrayOf(str), clusters: arrayOf(shape({ teams: arrayOf(str), reason: str })) }),
});

/** True when x has every field the dashboard reads, with the right type. */
export function isReport(x: unknown): x is Report {
  return report(x);
}
