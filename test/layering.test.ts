// The analyzer must stay editor-free; scripts/lint.mjs enforces it, this proves the rule bites.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('architecture lint', () => {
  it('fails when a file under analyzer/ imports vscode', () => {
    const dir = join(__dirname, '..', 'analyzer', '__lint_probe__');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'bad.ts'), "import * as vscode from 'vscode';\nexport const x = vscode;\n");
    try {
      let out = '';
      try {
        execFileSync('node', ['scripts/lint.mjs'], { cwd: join(__dirname, '..'), stdio: 'pipe' });
      } catch (e) {
        out = String((e as { stderr: Buffer }).stderr);
      }
      expect(out).toContain("analyzer/__lint_probe__/bad.ts:1: imports 'vscode'");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
