// YAML warnings from a repository's pnpm-workspace.yaml become `note:` lines — the
// yaml package would otherwise print a raw multi-line process warning to stderr.
import { describe, expect, it } from 'vitest';
import { shell } from '../fixtures/cli-process';
import { scratch } from '../fixtures/scratch';

const { repoOf } = scratch('conway-notes-');

describe('pnpm-workspace.yaml', () => {
  it('an unresolved tag is a note; the workspace still resolves', () => {
    const r = repoOf([
      {
        files: {
          'pnpm-workspace.yaml': 'packages:\n  - !foo pkgs/*\n',
          'pkgs/ui/package.json': '{"name": "@acme/ui"}',
          'pkgs/ui/src/index.ts': 'export {};\n',
          'app/a.ts': "import '@acme/ui';\n",
        },
      },
    ]);
    const out = shell(`$CONWAY analyze --repo '${r.dir}' --no-cache`);
    expect(out.status).toBe(0);
    const lines = out.stderr.trimEnd().split('\n');
    expect(lines.every((l) => l.startsWith('note: '))).toBe(true);
    expect(lines).toContain('note: pnpm-workspace.yaml: YAML: unresolved tag at line 2, column 5');
    expect(JSON.parse(out.stdout).graph.unresolved).toBe(0);
  });
});
