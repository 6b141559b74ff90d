// Property-based tests (fast-check) of everything that reads
// repository content. Random input may only ever produce Conway's own input error (UserError) —
// never another exception — and each call stays within a time bound.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { createMatcher } from '../../analyzer/codeowners/matcher';
import { parseCodeowners } from '../../analyzer/codeowners/parse';
import { normalizeGitlabPattern } from '../../analyzer/codeowners/glob-gitlab';
import { UserError } from '../../analyzer/contract/errors';
import { readCache, writeCache } from '../../analyzer/history/cache';
import { LogParser, type RawCommit } from '../../analyzer/history/parseLog';
import { parseTeamMap } from '../../analyzer/teams/parse';

// Generous for a loaded CI machine (a GC pause), tiny next to the minutes backtracking took.
const MATCH_BOUND_MS = 1000;
const RUNS = { numRuns: 300 };

/** Runs fn; anything thrown other than a UserError fails the property. */
function onlyUserErrors(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
  }
}

function within<T>(ms: number, fn: () => T): T {
  const t = performance.now();
  const out = fn();
  expect(performance.now() - t).toBeLessThan(ms);
  return out;
}

// The regular expressions Conway compiled before the segment matcher (with dotAll, which they
// lacked): on short inputs they are a correct, independent oracle of the documented semantics.
function oracleGithub(pattern: string): RegExp {
  if (pattern === '/') return /(?!)/;
  let segs = pattern.split('/');
  if (segs[0] === '') segs = segs.slice(1);
  else if (segs.length === 1 || (segs.length === 2 && segs[1] === '')) if (segs[0] !== '**') segs = ['**', ...segs];
  if (segs.length > 1 && segs[segs.length - 1] === '') segs[segs.length - 1] = '**';
  const last = segs.length - 1;
  let re = '';
  let needSlash = false;
  segs.forEach((seg, i) => {
    if (seg === '**') {
      re += i === 0 && i === last ? '.+' : i === 0 ? '(?:.+/)?' : i === last ? '/.*' : '(?:/.+)?';
      needSlash = i !== 0;
      return;
    }
    if (needSlash) re += '/';
    re += seg === '*' ? '[^/]+' : globSegment(seg) + (i === last ? '(?:/.*)?' : '');
    needSlash = true;
  });
  return new RegExp(`^${re}$`, 's');
}

function oracleGitlab(raw: string): RegExp {
  const p = normalizeGitlabPattern(raw);
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    if (ch === '*' && p[i + 1] === '*' && p[i + 2] === '/' && (i === 0 || p[i - 1] === '/')) {
      re += '(?:[^/]*/)*';
      i += 2;
    } else if (ch === '*') {
      while (p[i + 1] === '*') i++;
      re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '\\' && i + 1 < p.length) re += esc(p[++i]);
    else re += esc(ch);
  }
  return new RegExp(`^${re}$`, 's');
}

function globSegment(seg: string): string {
  let out = '';
  for (let i = 0; i < seg.length; i++) {
    const ch = seg[i];
    out += ch === '\\' && i + 1 < seg.length ? esc(seg[++i]) : ch === '*' ? '[^/]*' : ch === '?' ? '[^/]' : esc(ch);
  }
  return out;
}

function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const patternChar = fc.constantFrom('a', 'b', '.', '*', '?', '\\', '-', 'x', ' ');
const segment = fc.oneof(
  fc.constant('**'),
  fc.array(patternChar, { maxLength: 4 }).map((c) => c.join('')),
);
const pattern = fc
  .tuple(fc.boolean(), fc.array(segment, { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([lead, segs, trail]) => `${lead ? '/' : ''}${segs.join('/')}${trail ? '/' : ''}`)
  .filter((p) => p.trim() === p && p !== '' && !p.includes(' '));
const pathSegment = fc
  .array(fc.constantFrom('a', 'b', '.', 'x', '*', '\n', '-'), { minLength: 1, maxLength: 3 })
  .map((c) => c.join(''));
const path = fc.array(pathSegment, { minLength: 1, maxLength: 5 }).map((s) => s.join('/'));

describe('CODEOWNERS parser and matcher', () => {
  it('GitHub: the segment matcher agrees with the regex oracle on every accepted pattern', () => {
    fc.assert(
      fc.property(pattern, fc.array(path, { minLength: 1, maxLength: 8 }), (p, paths) => {
        const parsed = parseCodeowners(`${p} @o/t`, 'CODEOWNERS', 'github');
        if (!parsed.rules.length) return;
        const m = createMatcher(parsed);
        const re = oracleGithub(parsed.rules[0].pattern);
        // The old regex wrote no `/` after a leading `**` and another `**` began with one, so
        // `**/`, `**/**`, `/**/**/x` needed `//` and matched nothing; now `**` runs are one `**`.
        const src = re.source.replace(/\\\//g, '/');
        if (src.includes('(?:.+/)?/') || src.includes('(?:.+/)?(?:/')) return;
        for (const f of paths)
          expect(m.match(f).owners.length > 0, `${JSON.stringify(p)} vs ${JSON.stringify(f)}`).toBe(re.test(f));
      }),
      { numRuns: 1000 },
    );
  });

  it('GitLab: the same, after GitLab normalisation (brackets: the conformance suite)', () => {
    fc.assert(
      fc.property(pattern, fc.array(path, { minLength: 1, maxLength: 8 }), (p, paths) => {
        const parsed = parseCodeowners(`${p} @o/t`, 'CODEOWNERS', 'gitlab');
        if (!parsed.rules.length) return;
        const m = createMatcher(parsed);
        const re = oracleGitlab(parsed.rules[0].pattern);
        for (const f of paths)
          expect(m.match(f).owners.length > 0, `${JSON.stringify(p)} vs ${JSON.stringify(f)}`).toBe(re.test(`/${f}`));
      }),
      { numRuns: 1000 },
    );
  });

  it('any text parses without throwing, for both flavours, and any path is matched within the bound', () => {
    const line = fc
      .array(
        fc.constantFrom(
          '*',
          '**',
          '/',
          '?',
          '[',
          ']',
          '!',
          '^',
          '-',
          'z',
          'a',
          '\\',
          '#',
          '@',
          '@o/t',
          ' ',
          '\t',
          '\uFEFF',
          '\r',
          'é',
          '\u0000',
        ),
        { maxLength: 40 },
      )
      .map((c) => c.join(''));
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 12 }),
        fc.constantFrom('github', 'gitlab') as fc.Arbitrary<'github' | 'gitlab'>,
        fc.array(fc.string({ unit: 'binary', maxLength: 80 }), { maxLength: 6 }),
        (lines, flavor, paths) => {
          onlyUserErrors(() => {
            const m = createMatcher(parseCodeowners(lines.join('\n'), 'CODEOWNERS', flavor));
            for (const f of paths) within(MATCH_BOUND_MS, () => m.match(f));
          });
        },
      ),
      RUNS,
    );
  });

  it('hostile long patterns against long paths stay within the bound', () => {
    const piece = fc.constantFrom('*a', '**/', 'a*', '?', '*', 'a', '/', '*/');
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 20, maxLength: 300 }),
        fc.constantFrom('github', 'gitlab') as fc.Arbitrary<'github' | 'gitlab'>,
        fc.integer({ min: 1, max: 400 }),
        (pieces, flavor, n) => {
          const m = createMatcher(parseCodeowners(`${pieces.join('')}b @o/t`, 'CODEOWNERS', flavor));
          within(MATCH_BOUND_MS, () =>
            m.match(Array.from({ length: n }, (_, i) => (i % 7 === 6 ? 'a/' : 'a')).join('')),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('team map loader', () => {
  it('random YAML documents and random text never throw', () => {
    const yamlish = fc
      .array(
        fc.constantFrom(
          'teams:',
          'clusters:',
          '\n',
          '  ',
          '- ',
          ': ',
          '&a ',
          '*a',
          '[',
          ']',
          '{',
          '}',
          '"',
          "'",
          'x',
          '1',
          '__proto__',
          'constructor',
          '? ',
          '!!str ',
          '#',
          '\t',
          '%YAML',
        ),
        { maxLength: 60 },
      )
      .map((c) => c.join(''));
    fc.assert(
      fc.property(
        fc.oneof(
          yamlish,
          fc.anything().map((v) => stringify(v) ?? ''),
          fc.string(),
        ),
        (text) => {
          onlyUserErrors(() => within(1000, () => parseTeamMap(text, 'conway.yml')));
        },
      ),
      RUNS,
    );
  });
});

describe('git log parser', () => {
  it('any byte soup in any chunking never throws', () => {
    const token = fc.constantFrom(
      '\x1e',
      '\x1f',
      '\x1d',
      '\0',
      '\n',
      '\t',
      '-',
      '12',
      'R100',
      'M',
      'A',
      'a.ts',
      'deadbeef'.repeat(5),
      'Ann',
      'x@y.z',
      '1700000000',
      '',
    );
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 80 }),
        fc.constantFrom('numstat', 'name-status') as fc.Arbitrary<'numstat' | 'name-status'>,
        fc.integer({ min: 1, max: 10 }),
        (tokens, mode, cut) => {
          onlyUserErrors(() => {
            const text = tokens.join('');
            const parser = new LogParser(mode, () => undefined);
            for (let i = 0; i < text.length; i += cut) parser.push(text.slice(i, i + cut));
            parser.end();
          });
        },
      ),
      RUNS,
    );
  });
});

describe('cache reader', () => {
  const dir = mkdtempSync(join(tmpdir(), 'conway-fuzz-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // Written by the real writer (whatever the cache version is now), with a rename and a PR row.
  const commits: RawCommit[] = [
    {
      sha: 'b'.repeat(40),
      name: 'Ann',
      email: 'a@x.io',
      date: 1,
      coAuthors: [],
      files: [{ path: 'a.ts', added: 1, deleted: 0 }],
      subject: 6,
    },
    {
      sha: 'c'.repeat(40),
      name: 'Bob',
      email: 'b@x.io',
      date: 2,
      coAuthors: ['C <c@x.io>'],
      files: [{ path: 'b.ts', added: null, deleted: null, oldPath: 'a.ts' }],
      subject: 13,
      reviewers: ['D <d@x.io>'],
      pr: 7,
    },
  ];

  it('a whole cache reads back; any cut, byte flip or garbage is a miss or a whole cache, never an exception', async () => {
    const file = join(dir, 'c.ndjson');
    await writeCache(file, { head: 'a'.repeat(40), mode: 'numstat', notes: [], commits });
    const valid = readFileSync(file, 'utf8');
    expect((await readCache(file))?.commits).toEqual(commits);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.integer({ min: 0, max: valid.length }).map((n) => valid.slice(0, n)),
          fc
            .tuple(fc.integer({ min: 0, max: valid.length - 1 }), fc.string({ minLength: 1, maxLength: 1 }))
            .map(([i, c]) => valid.slice(0, i) + c + valid.slice(i + 1)),
          fc.string(),
        ),
        async (text) => {
          writeFileSync(file, text);
          const entry = await readCache(file);
          expect(entry === null || entry.commits.length === 2).toBe(true);
        },
      ),
      RUNS,
    );
  });
});
