import { describe, expect, it } from 'vitest';
import { cli } from '../fixtures/cli';

describe('conway (no command)', () => {
  it('prints usage and exits 2 without a command', async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Usage: conway <command>');
  });

  it('rejects an unknown command with an ERROR line, not a stack trace', async () => {
    const r = await cli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ERROR: unknown command 'frobnicate'/);
    expect(r.stderr).not.toContain('    at ');
  });

  it('lists the metrics in the analyze help, from the registry', async () => {
    const r = await cli(['analyze', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Metrics in the report:');
    expect(r.stdout).toMatch(/truck-factor\s+degree-of-authorship truck factor/);
  });
});
