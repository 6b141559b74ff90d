import { describe, expect, it } from 'vitest';
import { createModuleOf, ruleDirectory } from '../../analyzer/ownership/modules';

const rule = (pattern: string) => ({ line: 1, pattern, owners: ['@a'] });

describe('declared modules', () => {
  it('takes the literal directory a rule names', () => {
    expect(ruleDirectory(rule('/src/billing/'))).toBe('src/billing');
    expect(ruleDirectory(rule('src/billing/**'))).toBe('src/billing');
    expect(ruleDirectory(rule('/src/index.ts'))).toBe('src');
    expect(ruleDirectory(rule('/docs/*'))).toBe('docs');
    expect(ruleDirectory(rule('*.js'))).toBeNull();
    expect(ruleDirectory(rule('apps/'))).toBeNull();
    expect(ruleDirectory(null)).toBeNull();
  });

  it('falls back to the workspace package, then the top-level directory', () => {
    const rules: Record<string, string> = {
      'src/billing/a.ts': '/src/billing/',
      'packages/ui/src/b.ts': '*.ts',
      'tools/x.js': '*.js',
    };
    const moduleOf = createModuleOf((p) => (rules[p] ? rule(rules[p]) : null), ['packages/ui', '.']);
    expect(moduleOf('src/billing/a.ts')).toBe('src/billing');
    expect(moduleOf('packages/ui/src/b.ts')).toBe('packages/ui');
    expect(moduleOf('tools/x.js')).toBe('tools');
    expect(moduleOf('README.md')).toBe('.');
  });

  it('picks the deepest package above a path, nested packages and look-alike names included', () => {
    const dirs = ['packages/ui', 'packages/ui/plugins/chart', 'packages/ui-kit', 'apps/web'];
    const moduleOf = createModuleOf(() => null, dirs);
    expect(moduleOf('packages/ui/src/a.ts')).toBe('packages/ui');
    expect(moduleOf('packages/ui/plugins/chart/src/b.ts')).toBe('packages/ui/plugins/chart');
    expect(moduleOf('packages/ui/plugins/other/c.ts')).toBe('packages/ui');
    expect(moduleOf('packages/ui-kit/d.ts')).toBe('packages/ui-kit');
    expect(moduleOf('packages/uix/e.ts')).toBe('packages');
    expect(moduleOf('apps/web')).toBe('apps'); // a file named like a package directory is not inside it
    expect(moduleOf('apps/web/f.ts')).toBe('apps/web');
  });
});
