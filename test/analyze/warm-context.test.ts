// The long-lived state of the editor's worker is one WarmContext: kept per repository root, so
// analysing one folder of a multi-root workspace never evicts another's; bounded (least recently
// used roots go first); and a report is the same with or without it.
import { describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import type { Report } from '../../analyzer/contract/report';
import { hasWarmImports } from '../../analyzer/imports';
import { WarmContext } from '../../analyzer/model/warm';
import { ANN, BOB } from '../fixtures/repo';
import { scratch } from '../fixtures/scratch';

const { repoOf } = scratch('conway-warm-');
const sansTime = ({ generatedAt: _, ...rest }: Report) => rest;

function twoTeams() {
  return repoOf([
    {
      author: ANN,
      date: '2024-01-01T00:00:00Z',
      files: {
        CODEOWNERS: '/a/ @acme/t1\n/b/ @acme/t2\n',
        'a/x.ts': "import { y } from '../b/y';\nexport const x = y;\n",
        'b/y.ts': 'export const y = 1;\n',
      },
    },
    { author: BOB, date: '2024-02-01T00:00:00Z', files: { 'b/y.ts': 'export const y = 2;\n' } },
  ]);
}

describe('WarmContext', () => {
  it('keeps each root apart and evicts the least recently used root beyond its bound', () => {
    const warm = new WarmContext(2);
    const made: string[] = [];
    const slot = (root: string) => warm.slot(root, 'n', () => (made.push(root), { root }));
    expect(slot('/a')).toBe(slot('/a'));
    slot('/b');
    slot('/a'); // /a is now the most recent
    slot('/c'); // evicts /b
    expect(warm.rootsKept()).toEqual(['/a', '/c']);
    slot('/b'); // made again; evicts /a
    expect(made).toEqual(['/a', '/b', '/c', '/b']);
    expect(warm.rootsKept()).toEqual(['/c', '/b']);
    warm.forget('/c');
    expect(warm.rootsKept()).toEqual(['/b']);
  });

  it('two folders analysed in turn both stay warm, and warm reports equal one-shot reports', async () => {
    const a = twoTeams();
    const b = twoTeams();
    const warm = new WarmContext();
    const coldA = sansTime(await analyzeRepo(a.dir, { since: 'all', cache: false }));
    await analyzeRepo(a.dir, { since: 'all', cache: false, warm });
    await analyzeRepo(b.dir, { since: 'all', cache: false, warm });
    expect(hasWarmImports(a.dir, undefined, warm)).toBe(true);
    expect(hasWarmImports(b.dir, undefined, warm)).toBe(true);
    expect(hasWarmImports(a.dir, undefined, new WarmContext())).toBe(false); // a new process starts cold
    a.commit({ author: ANN, date: '2024-03-01T00:00:00Z', files: { 'a/x.ts': 'export const x = 3;\n' } });
    const warmA = sansTime(await analyzeRepo(a.dir, { since: 'all', cache: false, warm }));
    const oneShotA = sansTime(await analyzeRepo(a.dir, { since: 'all', cache: false }));
    expect(warmA).toEqual(oneShotA);
    expect(warmA).not.toEqual(coldA); // the new commit is in it
  });
});
