// The dashboard's "n=…" labels name the sample each share was computed from, on a report of a
// built repository where the team's commits and its members' commits differ: ann (team a) also
// commits to b's and shared code, and bob (team b) commits to a's files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import type { Report, TeamRow } from '../../analyzer/contract/report';
import { sampleSize } from '../../webview/reasons';
import { ANN, BOB, makeRepo, type Repo } from '../fixtures/repo';

let repo: Repo;
let r: Report;

beforeAll(async () => {
  repo = makeRepo([
    {
      author: ANN,
      date: '2024-05-01T10:00:00Z',
      files: {
        CODEOWNERS: '/a/ @o/a\n/b/ @o/b\n',
        'a/x.ts': "import { y } from '../b/y';\nexport const x = y;\n",
        'a/index.ts': "export * from './x';\n",
        'b/y.ts': 'export const y = 1;\n',
        'b/index.ts': "export * from './y';\n",
      },
    },
    ...[1, 2, 3, 4, 5, 6].map((n) => ({
      author: ANN,
      date: `2024-05-0${n + 1}T10:00:00Z`,
      files: {
        'a/x.ts': `import { y } from '../b/y';\nexport const x = y + ${n};\n`,
        ...(n % 3 === 0 ? { 'b/y.ts': `export const y = ${n};\n` } : {}),
      },
    })),
    ...[1, 2, 3, 4, 5, 6].map((n) => ({
      author: BOB,
      date: `2024-05-1${n}T10:00:00Z`,
      files: {
        'b/y.ts': `export const y = ${10 + n};\n`,
        ...(n % 2 === 0 ? { 'a/index.ts': `export * from './x';\n// ${n}\n` } : {}),
      },
    })),
  ]);
  r = await analyzeRepo(repo.dir, { cache: false, metrics: { minSample: 1 } });
});
afterAll(() => repo.cleanup());

const team = (id: string) => r.teams.find((t) => t.id === id)!;

describe('sample labels', () => {
  it("delivery independence is labelled with the members' commits it is a share of, not the team's commits", () => {
    const a = team('@o/a');
    expect(a.counts!.memberCommits).not.toBe(a.commits);
    expect(a.autonomy.deliveryIndependence).toBeCloseTo(a.counts!.independent / a.counts!.memberCommits, 2);
    expect(sampleSize(a, 'deliveryIndependence')).toBe(`n=${a.counts!.memberCommits} member commits`);
  });

  it('dependency independence is labelled with the import edges it is a share of', () => {
    const a = team('@o/a');
    expect(a.autonomy.dependencyIndependence).toBeCloseTo(a.counts!.dependencyOk / a.counts!.dependencyTotal, 2);
    expect(sampleSize(a, 'dependencyIndependence')).toBe(`n=${a.counts!.dependencyTotal} imports`);
  });

  it('a report without counts names the sample and no number', () => {
    const { counts: _, ...old } = team('@o/a');
    expect(sampleSize(old as TeamRow, 'deliveryIndependence')).toBe("of members' commits");
  });
});
