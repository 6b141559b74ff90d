// What counts as a violation, on test/fixtures/monorepo.ts: every package.json entry
// is public API (exports subpaths, conditions, nested conditions, patterns, typesVersions), a
// root preset owned only by the catch-all rule is shared, drift is not proposed for CODEOWNERS
// or .github files, and a tsconfig `extends` naming a workspace package is followed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import type { Report } from '../../analyzer/contract/report';
import { monorepo } from '../fixtures/monorepo';
import type { Repo } from '../fixtures/repo';

let repo: Repo;
let r: Report;
const edgeTo = (from: string, specifier: string) => importsOf(from).find((e) => e.specifier === specifier)?.to;
let importsOf: (from: string) => { specifier: string; to: string | null }[];

beforeAll(async () => {
  repo = monorepo();
  const { buildImportGraph } = await import('../../analyzer/imports');
  const graph = await buildImportGraph(repo.dir);
  importsOf = (from) => graph.edges.filter((e) => e.from === from);
  r = await analyzeRepo(repo.dir, { cache: false });
});
afterAll(() => repo.cleanup());

describe('public API from package.json', () => {
  it('resolves every published subpath to its source file', () => {
    expect(edgeTo('packages/app/src/main.ts', '@acme/ui/shared')).toBe('packages/ui/src/shared.ts');
    expect(edgeTo('packages/app/src/main.ts', '@acme/ui/utilities/format')).toBe('packages/ui/src/utilities/format.ts');
    expect(edgeTo('packages/app/src/main.ts', '@acme/core/server')).toBe('packages/core/src/server.ts');
  });

  it('flags only the import of a file no package.json entry publishes (a null subpath excludes it from "./*"), as one finding of two locations', () => {
    expect(r.violations.filter((v) => v.target === 'packages/ui/src/extra.ts')).toEqual([]);
    const deep = r.violations.filter((v) => v.kind === 'deep-import');
    expect(deep.map((v) => [v.file, v.target])).toEqual([
      ['packages/app/src/main.ts', 'packages/ui/src/internal/secret.ts'],
      ['packages/app/src/other.ts', 'packages/ui/src/internal/secret.ts'],
    ]);
    const f = r.findings!.filter((x) => x.kind === 'deep-import');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      fromTeam: 'app',
      toTeam: 'ui',
      target: 'packages/ui/src/internal/secret.ts',
      count: 2,
    });
    expect(deep.every((v) => v.group === f[0].id)).toBe(true);
  });

  it('a root preset owned only by the catch-all rule is shared: requiring it is no deep import', () => {
    expect(edgeTo('packages/app/jest.config.js', '../../define_jest_config.js')).toBe('define_jest_config.js');
    expect(r.violations.filter((v) => v.target === 'define_jest_config.js')).toEqual([]);
  });
});

describe('drift', () => {
  it('is proposed for source files, never for CODEOWNERS or .github files', () => {
    expect(r.violations.filter((v) => v.kind === 'ownership-drift').map((v) => [v.file, v.fromTeam, v.toTeam])).toEqual(
      [['packages/core/src/hidden.ts', 'core', 'app']],
    );
  });
});

describe('tsconfig extends through a workspace package', () => {
  it('reads the package’s config from source: no note, and its moduleSuffixes apply', () => {
    expect(r.notes.filter((n) => n.includes('tsconfig'))).toEqual([]);
    expect(edgeTo('apps/web/src/app.ts', './button')).toBe('apps/web/src/button.web.ts');
  });
});
