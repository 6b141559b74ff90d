// Names from the repository never reach the terminal raw — control characters and
// ANSI/OSC sequences are quoted the way git quotes paths (core.quotePath), so a newline cannot
// split a `file:line: kind:` line and ESC cannot recolour or retitle the terminal.
import { describe, expect, it } from 'vitest';
import { escapeControls, quotePath } from '../../analyzer/model/quote';
import { cli } from '../fixtures/cli';
import { scratch } from '../fixtures/scratch';

const { repoOf } = scratch('conway-tty-');

describe('quoting like git', () => {
  it('matches git ls-files (core.quotePath=false) for control characters, quotes and backslashes', () => {
    const r = repoOf([
      {
        files: {
          'a\nb.ts': '',
          'tab\there.ts': '',
          'q"uote.ts': '',
          'back\\slash.ts': '',
          'esc\x1b[31mred.ts': '',
          'plain.ts': '',
          'ünï.ts': '',
        },
      },
    ]);
    const git = r.git('-c', 'core.quotePath=false', 'ls-files').trimEnd().split('\n');
    const ours = r.git('ls-files', '-z').split('\0').filter(Boolean).map(quotePath);
    expect(ours).toEqual(git);
  });

  it('escapes C1 controls and leaves other text alone', () => {
    expect(escapeControls('team \u009b31m x')).toBe('team \\302\\233' + '31m x');
    expect(escapeControls('Équipe ünï')).toBe('Équipe ünï');
  });
});

describe('check, who and validate', () => {
  it('a path with a newline and an ANSI sequence stays on one quoted line', async () => {
    const evil = 'src/x\n\x1b]0;pwned\x07.ts';
    const r = repoOf([
      { files: { CODEOWNERS: '/lib/ @acme/lib\n', [evil]: "import '../lib/a';\n", 'lib/a.ts': 'export {};\n' } },
    ]);
    const check = await cli(['check', '--repo', r.dir, '--no-cache']);
    expect(check.code).toBe(1);
    expect(check.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f]/);
    expect(check.stdout).toContain('"src/x\\n\\033]0;pwned\\a.ts":');
    const who = await cli(['who', '--repo', r.dir, evil]);
    expect(who.stdout.split('\n')[0]).toBe('"src/x\\n\\033]0;pwned\\a.ts"');
    const v = await cli(['validate', '--repo', r.dir]);
    expect(v.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f]/);
  });
});
