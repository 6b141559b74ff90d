// Test code or production code. Principle: advice about boundaries is for the code that ships;
// tests legitimately reach into internals (1,072 of 1,761 deep imports in one real repository
// came from tests, and all five "act first" entries were test helpers). Conventions, by path:
//   file names  *.test.*  *.spec.*  *.bench.*  *.e2e.*  *.stories.*  setupTests.*  test-utils.*
//               jest.setup.*  vitest.setup.*  *.fixture.*
//   directories __tests__/  __mocks__/  __fixtures__/  test/  tests/  e2e/  fixtures/  bench/
//               benchmark/  benchmarks/  test-utils/  testing/
// plus conway.yml `testPaths` globs. Everything else is production.
import { Minimatch } from 'minimatch';

export type Scope = 'production' | 'test';

const TEST_FILE =
  /\.(test|spec|bench|e2e|stories|fixture)\.[^/]+$|(^|\/)(setupTests|test-utils|jest\.setup|vitest\.setup)\.[^/]+$/;
const TEST_DIR =
  /(^|\/)(__tests__|__mocks__|__fixtures__|test|tests|e2e|fixtures|bench|benchmark|benchmarks|test-utils|testing)\//;

export function makeScopeOf(testPaths: readonly string[] = []): (path: string) => Scope {
  const globs = testPaths.map((g) => new Minimatch(g, { dot: true }));
  return (path) =>
    TEST_FILE.test(path) || TEST_DIR.test(path) || globs.some((m) => m.match(path)) ? 'test' : 'production';
}

/** Production before test; a stable sort keeps the order within each. */
export function productionFirst<T extends { scope?: Scope }>(items: T[]): T[] {
  return [...items.filter((x) => x.scope !== 'test'), ...items.filter((x) => x.scope === 'test')];
}

/** Each violation's scope: set by its maker (cycles), else the scope of its file; CODEOWNERS errors are production. */
export function withScopes<T extends { kind: string; file: string; scope?: Scope }>(
  drafts: T[],
  scopeOf: (p: string) => Scope,
): T[] {
  return drafts.map((d) => ({
    ...d,
    scope: d.scope ?? (d.kind === 'invalid-codeowners' ? 'production' : scopeOf(d.file)),
  }));
}
