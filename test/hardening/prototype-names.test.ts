// Teams and files called
// `constructor`, `toString`, `valueOf`, `__proto__`, `hasOwnProperty` are ordinary names —
// no crash (graphology in cluster suggestions and module inference) and no lost share.
import { describe, expect, it } from 'vitest';
import { renderReport, reportFormats } from '../../analyzer/report';
import { cli } from '../fixtures/cli';
import { sampleReport } from '../fixtures/report';
import { PROTO_NAMES as NAMES, protoRepo as build } from '../fixtures/prototype-repo';
import { scratch } from '../fixtures/scratch';

const { repoOf } = scratch('conway-proto-');
const protoRepo = () => build(repoOf);

describe('prototype-named teams and files', () => {
  it('analyze succeeds and every team keeps its files, changes and members', async () => {
    const r = protoRepo();
    const out = await cli([
      'analyze',
      '--repo',
      r.dir,
      '--no-cache',
      '--since',
      '2000-01-01',
      '--min-revs',
      '2',
      '--min-shared',
      '2',
    ]);
    expect(out.stderr).not.toContain('ERROR');
    expect(out.code).toBe(0);
    const report = JSON.parse(out.stdout);
    for (const n of NAMES) {
      const team = report.teams.find((t: { id: string }) => t.id === n);
      expect(team, n).toBeDefined();
      expect(team.files).toBeGreaterThan(0);
      expect(team.changes).toBeGreaterThan(0);
      expect(Object.prototype.hasOwnProperty.call(team, 'id')).toBe(true);
    }
    expect(report.clusters.map((c: { id: string }) => c.id)).toContain('__proto__');
    expect(report.coupling.files.some((c: { a: string; b: string }) => [c.a, c.b].includes('misc/toString'))).toBe(
      true,
    );
    const proto = report.modules.find((m: { owners: object }) =>
      Object.prototype.hasOwnProperty.call(m.owners, '__proto__'),
    );
    expect(proto === undefined || typeof proto.owners.__proto__ === 'number').toBe(true);
  });

  it('check and who answer for them too', async () => {
    const r = protoRepo();
    expect((await cli(['check', '--repo', r.dir, '--no-cache'])).stderr).not.toContain('internal error');
    expect((await cli(['who', '--repo', r.dir, '__proto__/index.ts', 'misc/toString'])).stdout).toMatch(
      /owners: @acme\/t__proto__ {2}\(team: __proto__\)[\s\S]*owners: @acme\/ttoString/,
    );
  });
});

describe('prototype-named report formats', () => {
  it('renderReport knows only its formats: `toString` or `constructor` is unknown, not an Object method', () => {
    for (const f of ['toString', 'constructor', '__proto__'])
      expect(() => renderReport(f, sampleReport())).toThrow(`unknown report format ${f}`);
    expect(reportFormats).toEqual(['json', 'md', 'html', 'sarif', 'codequality']);
  });
});
