// Module suggestions a lead can act on, on built repositories: files move only between
// delivery teams — never unowned files (the unowned findings own them), never CODEOWNERS/forge
// files, never to or from a review group, never a piece of a larger unit of its own team's, never
// a sibling unit (only carve-outs inside the receiving team's code), never against history (the
// receiving team's members must have made more of the window's changes than the owners'); a
// real move gives a line that passes `conway validate` and owns the files; suggestions are
// ranked and cut with "showing N of M" in Markdown and HTML; repeated tsconfig notes are grouped.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import { renderHtml } from '../../analyzer/report/html';
import { renderMarkdown } from '../../analyzer/report/markdown';
import type { Report } from '../../analyzer/contract/report';
import { cli } from '../fixtures/cli';
import { ANN, BOB, makeRepo, type Repo } from '../fixtures/repo';

// Declared members, so history can say who works on what (ann in a, bob in b).
const TEAMS = [
  'teams:',
  '  a: { owners: ["@o/a"], members: ["ann@acme.io"] }',
  '  b: { owners: ["@o/b"], members: ["bob@acme.io"] }',
  '  c: { owners: ["@o/c"] }',
  '  rev: { owners: ["@o/rev"] }',
  '',
].join('\n');

/** Files that import each other in a ring and all import `extra` (so they form one community). */
const ring = (files: string[], extra: string[]): Record<string, string> =>
  Object.fromEntries(
    files.map((f, i) => [
      f,
      [files[(i + 1) % files.length], ...extra].map((t, k) => `import { v as v${k} } from '${rel(f, t)}';`).join('\n') +
        '\nexport const v = 1;\n',
    ]),
  );
const rel = (from: string, to: string) => {
  const up = from.split('/').length - 1;
  return `${'../'.repeat(up)}${to}`.replace(/\.ts$/, '');
};

describe('what a module suggestion may move', () => {
  let repo: Repo;
  let r: Report;
  const a = Array.from({ length: 12 }, (_, i) => `src/a/${i + 1}.ts`);
  const c = ['src/c/1.ts', 'src/c/2.ts', 'src/c/3.ts'];
  const d = ['src/d/1.ts', 'src/d/2.ts', 'src/d/3.ts', 'src/d/4.ts'];
  beforeAll(async () => {
    const initial: Record<string, string> = {
      'conway.yml': TEAMS,
      // @o/rev sits beside every product team: a review group.
      CODEOWNERS:
        '/src/a/ @o/a @o/rev\n/src/a/b/ @o/b @o/rev\n/src/a/k/ @o/b @o/rev\n/src/c/ @o/c @o/rev\n/src/d/ @o/b @o/rev\n/pkgs/v/ @o/c @o/rev\n/src/a/12.ts @o/rev\n/.github/ @o/b\n',
      // a's module also holds: b's carve-out src/a/b (a whole unit inside a's code: moves), c's
      // sibling package pkgs/v (a reorganisation, not a line), an unowned helper, a forge script.
      // b's carve-out src/a/k is as much in a's code, but b's members keep changing it: it stays.
      ...ring(a, ['src/a/b/x.ts', 'src/a/k/y.ts', 'pkgs/v/1.ts', 'src/u/helper.ts', '.github/scripts/check.ts']),
      'src/a/b/x.ts': 'export const v = 1;\n',
      'src/a/k/y.ts': 'export const v = 1;\n',
      'pkgs/v/1.ts': 'export const v = 1;\n',
      'pkgs/w/1.ts': 'export const v = 1;\n',
      'src/u/helper.ts': 'export const v = 1;\n',
      '.github/scripts/check.ts': 'export const v = 1;\n',
      // c's files import d/edge.ts, one file of b's larger unit src/d: it stays where it is.
      ...ring(c, ['src/d/edge.ts']),
      'src/d/edge.ts': 'export const v = 1;\n',
      ...ring(d, []),
    };
    const edited = (files: string[], n: number) =>
      Object.fromEntries(files.map((f) => [f, `${initial[f]}// edit ${n}\n`]));
    repo = makeRepo([
      { files: initial },
      // In the window a's member changes every file of a's module; b's member changes the carve-out src/a/k more.
      {
        author: ANN,
        files: edited(
          [...a, 'src/a/b/x.ts', 'src/a/k/y.ts', 'pkgs/v/1.ts', 'src/u/helper.ts', '.github/scripts/check.ts'],
          1,
        ),
      },
      ...[2, 3].map((n) => ({ author: BOB, files: edited(['src/a/k/y.ts'], n) })),
    ]);
    r = await analyzeRepo(repo.dir, { cache: false });
  });
  afterAll(() => repo.cleanup());

  it('moves only owned files between delivery teams, keeping their review groups', () => {
    const suggested = r.modules.filter((m) => m.suggestion);
    expect(suggested.map((m) => [m.id, m.lines, m.rank])).toEqual([['src/a', ['/src/a/b/ @o/a @o/rev'], 1]]);
    expect(r.suggestions.codeowners.filter((l) => !l.startsWith('#'))).toEqual(['/src/a/b/ @o/a @o/rev']);
    const text = JSON.stringify(r.modules.map((m) => [m.suggestion, m.lines])) + JSON.stringify(r.suggestions);
    // Unowned, forge, review-group-only files and a piece of b's src/d are never proposed.
    for (const never of ['src/u', '.github', 'src/a/12.ts', 'src/d', 'src/a/k', 'pkgs/v', '(unowned):', 'to @o/rev'])
      expect(text).not.toContain(never);
    // The case is real: d/edge.ts sits in c's module, the unowned helper and forge file in a's.
    const holder = (f: string) => r.modules.find((m) => m.files.includes(f))?.files ?? [];
    expect(holder('src/d/edge.ts')).toContain('src/c/1.ts');
    expect(holder('src/u/helper.ts')).toContain('src/a/b/x.ts');
    expect(holder('pkgs/v/1.ts')).toContain('src/a/1.ts');
    expect(holder('src/a/k/y.ts')).toContain('src/a/1.ts');
    expect(holder('.github/scripts/check.ts')).toContain('src/a/1.ts');
  });

  it('the suggested line passes `conway validate` and owns the files', async () => {
    appendFileSync(join(repo.dir, 'CODEOWNERS'), r.suggestions.codeowners.join('\n') + '\n');
    try {
      expect(JSON.parse((await cli(['validate', '--repo', repo.dir, '--json'])).stdout).errors).toEqual([]);
      const who = JSON.parse((await cli(['who', '--repo', repo.dir, '--json', 'src/a/b/x.ts'])).stdout);
      expect(who.files[0].owners).toEqual(['@o/a', '@o/rev']);
    } finally {
      repo.git('checkout', '--', 'CODEOWNERS');
    }
  });
});

describe('ranked and cut, with grouped notes', () => {
  let repo: Repo;
  let r: Report;
  const pkgs = Array.from({ length: 12 }, (_, i) => `pkg${String(i).padStart(2, '0')}`);
  // An app's config is read when one of its imports is resolved.
  const APP = "import react from 'react';\nexport const app = react;\n";
  const tsconfig = (ext: string) => JSON.stringify({ extends: ext, compilerOptions: { strict: true } });
  beforeAll(async () => {
    const files: Record<string, string> = {
      'conway.yml': TEAMS,
      CODEOWNERS: pkgs.map((p) => `/${p}/a/ @o/a\n/${p}/b/ @o/b\n`).join(''),
      // Four configs extend uninstalled packages, one a generated file: one grouped note, one specific.
      ...Object.fromEntries(
        ['x1', 'x2', 'x3'].flatMap((x) => [
          [`apps/${x}/tsconfig.json`, tsconfig('astro/tsconfigs/strict')],
          [`apps/${x}/index.ts`, APP],
        ]),
      ),
      'apps/s/tsconfig.json': tsconfig('@tsconfig/svelte/tsconfig.json'),
      'apps/s/index.ts': APP,
      'apps/n/tsconfig.json': tsconfig('./.nuxt/tsconfig.json'),
      'apps/n/index.ts': APP,
    };
    for (const p of pkgs)
      Object.assign(files, ring([`${p}/a/1.ts`, `${p}/a/2.ts`, `${p}/a/3.ts`], [`${p}/b/x.ts`]), {
        [`${p}/b/x.ts`]: 'export const v = 1;\n',
      });
    // a's member added every file and changes every stray file once more, pkg07's three more times: its suggestion ranks first.
    const later = [
      { author: ANN, files: Object.fromEntries(pkgs.map((p) => [`${p}/b/x.ts`, 'export const v = 0;\n// edited\n'])) },
      ...[1, 2, 3].map((n) => ({ author: ANN, files: { 'pkg07/b/x.ts': `export const v = ${n};\n` } })),
    ];
    repo = makeRepo([{ files }, ...later]);
    r = await analyzeRepo(repo.dir, { cache: false });
  });
  afterAll(() => repo.cleanup());

  it('ranks by the changes to the moved files, then shows 5 of 12 suggestions and 10 CODEOWNERS lines in Markdown and HTML', () => {
    const ranked = r.modules.filter((m) => m.suggestion).sort((x, y) => x.rank! - y.rank!);
    expect(ranked).toHaveLength(12);
    expect(ranked[0]).toMatchObject({ id: 'pkg07/a', moved: { files: 1, changes: 5 } });
    // The 12 lines, then b's files scattered over 12 modules (a comment line).
    expect(r.suggestions.codeowners.filter((l) => !l.startsWith('#'))).toHaveLength(12);
    const lines = r.suggestions.codeowners.length;
    const md = renderMarkdown(r);
    const section = md.slice(md.indexOf('## Suggestions'), md.indexOf('## Notes'));
    expect(section.split('\n').filter((l) => l.startsWith('- module'))).toHaveLength(5);
    expect(section.indexOf('pkg07')).toBeLessThan(section.indexOf('pkg00'));
    expect(section).toContain('showing 5 of 12 — the rest are in the JSON report (modules\\[\\].suggestion)');
    expect(section).toContain(`showing 10 of ${lines} — the rest are in the JSON report (suggestions.codeowners)`);
    expect(section.split('\n').filter((l) => / @o\/a$/.test(l))).toHaveLength(10);
    const html = renderHtml(r);
    expect(html).toContain('showing 5 of 12 — the rest are in the JSON report (modules[].suggestion)');
    expect(html).toContain(`showing 10 of ${lines} — the rest are in the JSON report (suggestions.codeowners)`);
  });

  it('groups tsconfig notes of one kind into one line; a kind seen once keeps its specific note', () => {
    const tsNotes = r.notes.filter((n) => n.includes('tsconfig')).sort();
    expect(tsNotes).toHaveLength(2);
    expect(tsNotes[0]).toMatch(
      /^4 tsconfig files extend packages that are not installed: astro\/tsconfigs\/strict ×3, @tsconfig\/svelte\/tsconfig\.json ×1 \(e\.g\. apps\/\w+\/tsconfig\.json\) — their other options apply$/,
    );
    expect(tsNotes[1]).toMatch(
      /^apps\/n\/tsconfig\.json: .*\.nuxt\/tsconfig\.json.* — continuing with the options that could be read$/,
    );
  });
});
