// Merge bench: `conway merge` over generated per-repository reports — by default 1,000 reports
// of ~5 MB (15,000 file rows, 5 of 2,000 organization teams, 300 of 20,000 people, 2,000 imports
// of 10 other repositories' packages each) — printing wall time and peak memory (/usr/bin/time's maximum
// resident set) against the 1 GB target. MERGE_REPORTS / MERGE_FILES change the size.
// Reports are deterministic (an LCG seeded per repository) and written to a temp dir, removed after.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPORTS = Number(process.env.MERGE_REPORTS ?? 1000);
const FILES = Number(process.env.MERGE_FILES ?? 15000);
const TARGET_MB = 1024;
const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'conway-merge-bench-'));

function lcg(seed) {
  let s = seed >>> 0;
  return (n) => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) % n;
}

function team(i) {
  const counts = {
    aligned: 40 + i,
    memberCommits: 20,
    independent: 12,
    dependencyOk: 30,
    dependencyTotal: 40,
    changesByTeam: { [`@org/team-${i}`]: 50, '@org/team-0': 10 },
    authors: [`p${i}@org.io`, `p${i + 1}@org.io`],
  };
  return {
    id: `@org/team-${i}`,
    name: `@org/team-${i}`,
    cluster: `cluster-${i % 50}`,
    membership: 'inferred',
    role: 'team',
    members: [{ person: `p${i}@org.io`, name: `P ${i}`, inferred: true, changes: 30 }],
    files: 300,
    changes: 60,
    commits: 25,
    linesAdded: 900,
    linesDeleted: 300,
    authors: 2,
    alignment: 0.7,
    fragmentation: 0.3,
    truckFactor: 2,
    truckFactorAuthors: [`p${i}@org.io`],
    knowledgeIslands: 3,
    autonomy: { score: 70, deliveryIndependence: 0.6, ownershipIntegrity: 0.7, dependencyIndependence: 0.75 },
    afferent: 4,
    efferent: 6,
    instability: 0.6,
    trend: [
      {
        month: '2025-01',
        changes: 60,
        commits: 25,
        alignment: 0.7,
        deliveryIndependence: 0.6,
        fragmentation: 0.3,
        aligned: 42,
        memberCommits: 20,
        independent: 12,
      },
    ],
    counts,
  };
}

function report(n) {
  const r = lcg(n + 1);
  const teams = Array.from({ length: 5 }, () => team(r(2000)));
  const ids = [...new Set(teams.map((t) => t.id))];
  const files = Array.from({ length: FILES }, (_, i) => ({
    path: `packages/pkg-${i % 60}/src/module-${i}/file-${i}.ts`,
    owners: [ids[i % ids.length]],
    teams: [ids[i % ids.length]],
    ruleLine: (i % 60) + 1,
    module: `packages/pkg-${i % 60}`,
    changes: 1 + (i % 7),
    authors: 2,
    linesAdded: 10,
    linesDeleted: 3,
    mainTeam: ids[i % ids.length],
    mainAuthor: `p${i % 300}@org.io`,
    fragmentation: 0.2,
    knowledgeIsland: false,
  }));
  const people = Array.from({ length: 300 }, (_, i) => ({
    id: `p${r(20000)}@org.io`,
    names: [`P ${i}`],
    emails: [`p${i}@org.io`],
    handles: [],
    changes: 20,
    commits: 5,
    teams: [ids[i % ids.length]],
    merged: [],
    bot: false,
  }));
  const deps = Array.from({ length: 10 }, () => `@org/repo-${r(REPORTS)}-pkg`);
  const externalImports = Array.from({ length: 2000 }, (_, i) => ({
    package: deps[i % deps.length],
    file: files[i].path,
    line: 1,
    teams: [ids[i % ids.length]],
  }));
  return {
    schemaVersion: 2,
    generatedAt: '2025-06-30T00:00:00.000Z',
    repo: {
      root: `/ci/repo-${n}`,
      head: n.toString(16).padStart(40, '0'),
      branch: 'main',
      codeowners: '.github/CODEOWNERS',
      teamMap: null,
      shallow: false,
    },
    window: {
      since: '2024-06-30',
      until: null,
      commits: 2000,
      mode: 'numstat',
      first: null,
      last: { sha: 'x', date: '2025-06-29T00:00:00.000Z' },
    },
    notes: [],
    teams,
    clusters: [
      {
        id: 'cluster-1',
        teams: ids.slice(0, 3),
        autonomy: { score: 70, deliveryIndependence: 0.6, ownershipIntegrity: 0.7, dependencyIndependence: 0.75 },
        counts: { ...teams[0].counts, changes: 60, commits: 25 },
      },
    ],
    files,
    declaredModules: [],
    coupling: {
      files: [],
      teams: [{ a: ids[0], b: ids[1], sharedCommits: 5, degree: 20, commits: [], revsA: 25, revsB: 25 }],
      static: [{ from: ids[0], to: ids[1], edges: 3, examples: [] }],
    },
    graph: null,
    violations: [],
    findings: [],
    people,
    modules: [],
    suggestions: { codeowners: [], clusters: [] },
    packages: [{ name: `@org/repo-${n}-pkg`, dir: 'packages/pkg-0', teams: [ids[0]] }],
    externalImports,
  };
}

const t0 = Date.now();
const paths = [];
let bytes = 0;
for (let n = 0; n < REPORTS; n++) {
  const p = join(dir, `repo-${n}.json`);
  writeFileSync(p, JSON.stringify(report(n)));
  bytes += statSync(p).size;
  paths.push(p);
}
console.log(
  `generated ${REPORTS} reports, ${(bytes / REPORTS / 1e6).toFixed(1)} MB each (${(bytes / 1e9).toFixed(2)} GB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
);
try {
  const out = join(dir, 'org.json');
  const r = spawnSync(
    '/usr/bin/time',
    ['-f', '%M %e', process.execPath, join(root, 'dist/cli.js'), 'merge', ...paths, '--out', out],
    { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: join(dir, 'cache') } },
  );
  if (r.status !== 0) throw new Error(`merge failed (${r.status}): ${r.stderr}`);
  const [kb, secs] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  const mb = kb / 1024;
  console.log(
    r.stderr
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('merged'))
      .join('\n'),
  );
  console.log(
    `merge: ${secs.toFixed(1)} s, peak memory ${mb.toFixed(0)} MB (target ≤ ${TARGET_MB} MB: ${mb <= TARGET_MB ? 'ok' : 'OVER'}), output ${(statSync(out).size / 1e9).toFixed(2)} GB`,
  );
  if (mb > TARGET_MB) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
