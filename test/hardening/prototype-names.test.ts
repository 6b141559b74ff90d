// Issue 11, "Ids and paths named like Object.prototype members": teams and files called
// `constructor`, `toString`, `valueOf`, `__proto__`, `hasOwnProperty` are ordinary names —
// no crash (graphology in cluster suggestions and module inference) and no lost share.
import { describe, expect, it } from 'vitest';
import { cli } from '../fixtures/cli';
import { ANN, BOB, CAT } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const { repoOf } = scratch('conway-proto-');
const NAMES = ['constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty'];

function protoRepo() {
  const files: Record<string, string> = {
    CODEOWNERS: NAMES.map((n) => `/${n}/ @acme/t${n}\n`).join('') + '/misc/toString @acme/ttoString\n/misc/valueOf @acme/tvalueOf\n/misc/constructor @acme/tconstructor\n',
    'conway.yml': `teams:\n${NAMES.map((n) => `  ${n}: { owners: ["@acme/t${n}"], members: ["${n}@acme.io"] }\n`).join('')}clusters:\n  __proto__: [constructor, toString]\n`,
  };
  // Each team's code imports the next team's: static coupling between every neighbour pair.
  NAMES.forEach((n, i) => (files[`${n}/index.ts`] = `import '../${NAMES[(i + 1) % NAMES.length]}/index';\nexport const ${n.replace(/_/g, 'x')} = ${i};\n`));
  const r = repoOf([{ files }]);
  // Root files named like prototype members change together (change coupling, module inference),
  // and each commit also touches two teams' code (team change coupling, cluster suggestions).
  const people = NAMES.map((n) => ({ name: n, email: `${n}@acme.io` }));
  for (let k = 0; k < 8; k++) {
    const [a, b] = [NAMES[k % NAMES.length], NAMES[(k + 1) % NAMES.length]];
    r.commit({ author: people[k % people.length], files: { 'misc/toString': `${k}\n`, 'misc/valueOf': `${k}\n`, 'misc/constructor': `${k}\n`, [`${a}/index.ts`]: `${files[`${a}/index.ts`]}// ${k}\n`, [`${b}/index.ts`]: `${files[`${b}/index.ts`]}// ${k}\n` } });
  }
  r.commit({ author: ANN, files: { 'x.ts': '1\n' } });
  r.commit({ author: BOB, files: { 'x.ts': '2\n' } });
  r.commit({ author: CAT, files: { 'x.ts': '3\n' } });
  return r;
}

describe('prototype-named teams and files', () => {
  it('analyze succeeds and every team keeps its files, changes and members', async () => {
    const r = protoRepo();
    const out = await cli(['analyze', '--repo', r.dir, '--no-cache', '--since', '2000-01-01', '--min-revs', '2', '--min-shared', '2']);
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
    expect(report.coupling.files.some((c: { a: string; b: string }) => [c.a, c.b].includes('misc/toString'))).toBe(true);
    const proto = report.modules.find((m: { owners: object }) => Object.prototype.hasOwnProperty.call(m.owners, '__proto__'));
    expect(proto === undefined || typeof proto.owners.__proto__ === 'number').toBe(true);
  });

  it('check and who answer for them too', async () => {
    const r = protoRepo();
    expect((await cli(['check', '--repo', r.dir, '--no-cache'])).stderr).not.toContain('internal error');
    expect((await cli(['who', '--repo', r.dir, '__proto__/index.ts', 'misc/toString'])).stdout).toMatch(/owners: @acme\/t__proto__ {2}\(team: __proto__\)[\s\S]*owners: @acme\/ttoString/);
  });
});
