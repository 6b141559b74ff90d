// The documentation holds to the code: every relative link in README.md, docs/ and bench/ leads
// to a file that exists (and to a heading that exists, for a #anchor, with GitHub's heading ids);
// docs/cli.md documents every command and every option the CLI accepts; docs/architecture.md
// lists every room of .dependency-cruiser.cjs with exactly the imports the rules allow.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../analyzer/cli/registry';

const ROOT = join(__dirname, '..');
const read = (rel: string) => readFileSync(join(ROOT, rel), 'utf8');
const mdIn = (dir: string) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `${dir}/${f}`);
const PAGES = ['README.md', ...mdIn('docs'), ...mdIn('bench')];

/** The text outside code blocks, inline code and HTML comments: links there are examples, not links. */
function prose(md: string): string {
  const blank = (block: string) => block.replace(/[^\n]/g, ''); // keep the line numbers
  return md
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank)
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/`[^`\n]*`/g, '``');
}

/** GitHub's heading ids: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
export function headingIds(md: string): Set<string> {
  const ids = new Set<string>();
  const seen = new Map<string, number>();
  const text = md.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const m of text.matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
    const plain = m[1].replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<[^>]+>/g, '');
    const base = plain
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    ids.add(n ? `${base}-${n}` : base);
  }
  return ids;
}

interface Link {
  page: string;
  line: number;
  target: string;
}

function relativeLinks(page: string): Link[] {
  const text = prose(read(page));
  const links: Link[] = [];
  for (const m of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    const target = m[1];
    if (/^[a-z][a-z+.-]*:/i.test(target)) continue; // https:, mailto:
    links.push({ page, line: text.slice(0, m.index).split('\n').length, target });
  }
  return links;
}

/** Why a link does not resolve, or undefined when it does. */
function brokenBecause(link: Link): string | undefined {
  const [path, anchor] = link.target.split('#', 2) as [string, string | undefined];
  const file = path ? join(ROOT, dirname(link.page), decodeURI(path)) : join(ROOT, link.page);
  if (relative(ROOT, file).startsWith('..')) return 'points outside the repository';
  if (!existsSync(file)) return `no file ${relative(ROOT, file)}`;
  if (anchor === undefined) return undefined;
  if (!file.endsWith('.md') || statSync(file).isDirectory()) return `#${anchor} on a file that has no headings`;
  const ids = headingIds(readFileSync(file, 'utf8'));
  return ids.has(decodeURIComponent(anchor)) ? undefined : `no heading #${anchor} in ${relative(ROOT, file)}`;
}

describe('documentation links', () => {
  it('finds the pages and their links (the check below is not vacuous)', () => {
    expect(PAGES).toEqual(
      expect.arrayContaining(['README.md', 'docs/cli.md', 'docs/architecture.md', 'bench/RESULTS.md']),
    );
    expect(relativeLinks('README.md').length).toBeGreaterThan(10);
  });

  it('every relative link in README.md, docs/ and bench/ resolves to a file and heading', () => {
    const broken = PAGES.flatMap(relativeLinks)
      .map((l) => ({ l, why: brokenBecause(l) }))
      .filter((b) => b.why)
      .map(({ l, why }) => `${l.page}:${l.line}: (${l.target}) ${why}`);
    expect(broken).toEqual([]);
  });

  it('reads heading ids as GitHub writes them, and catches a missing file or anchor', () => {
    const ids = headingIds(
      '# A\n## Team map (`conway.yml`)\n```\n# not a heading\n```\n## Merged reports (`org-merge/teams.ts`)\n## A\n### `conway who`\n',
    );
    expect([...ids]).toEqual(['a', 'team-map-conwayyml', 'merged-reports-org-mergeteamsts', 'a-1', 'conway-who']);
    expect(brokenBecause({ page: 'README.md', line: 1, target: 'docs/nope.md' })).toBe('no file docs/nope.md');
    expect(brokenBecause({ page: 'README.md', line: 1, target: 'docs/cli.md#nope' })).toBe(
      'no heading #nope in docs/cli.md',
    );
    expect(brokenBecause({ page: 'docs/cli.md', line: 1, target: '../README.md#in-the-editor' })).toBeUndefined();
    expect(relativeLinks('docs/cli.md').some((l) => l.target === 'metrics.md')).toBe(true);
  });
});

describe('docs/cli.md', () => {
  const cliMd = read('docs/cli.md');
  const readme = read('README.md');

  it('has a section for every command, and the README lists every command at a glance', () => {
    const ids = headingIds(cliMd);
    const missing = commands.filter((c) => ![...ids].some((id) => id.split('-and-').includes(`conway-${c.name}`)));
    expect(missing.map((c) => c.name)).toEqual([]);
    expect(commands.filter((c) => !readme.includes(`| \`${c.name}\` |`)).map((c) => c.name)).toEqual([]);
  });

  it('names every option every command accepts', () => {
    const missing = commands.flatMap((c) =>
      Object.keys(c.options)
        .filter((o) => !cliMd.includes(`--${o}`))
        .map((o) => `${c.name} --${o}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('docs/architecture.md', () => {
  const arch = read('docs/architecture.md');
  const config = createRequire(__filename)(join(ROOT, '.dependency-cruiser.cjs')) as {
    forbidden: { name: string; comment: string; from: { pathNot?: string } }[];
  };
  const rule = (name: string) => config.forbidden.find((r) => r.name === name)!;
  // known-room's pathNot is ^analyzer/(room/|room/|…): every room the rules know.
  const rooms = [...rule('known-room').from.pathNot!.matchAll(/([a-z-]+)\//g)]
    .map((m) => m[1])
    .filter((r) => r !== 'analyzer');
  /** The rooms a room may import, from its rule's comment: "may import only a/, b/, … (docs/…)". */
  const allowedByRules = (room: string): string[] | undefined => {
    const r = config.forbidden.find((f) => f.name === `room-${room}`);
    if (!r) return undefined; // cli/ may import every room: no rule
    const list = /may import only (.*) \(docs/.exec(r.comment)![1];
    return list === 'itself'
      ? []
      : list
          .split(', ')
          .filter((p) => /^[a-z-]+\/$/.test(p))
          .map((p) => p.slice(0, -1))
          .sort();
  };
  /** The "may import" cell of the room's row: the room names before any parenthesis. */
  const allowedByDoc = (room: string): string[] | undefined => {
    const row = new RegExp(`^\\| \`(?:analyzer/)?${room}/\` \\|.*\\| ([^|]*) \\|$`, 'm').exec(arch);
    if (!row) return undefined;
    const cell = row[1].split('(')[0].trim();
    return cell === 'nothing'
      ? []
      : cell
          .split(/,\s*/)
          .filter((w) => rooms.includes(w))
          .sort();
  };

  it('lists every analyzer folder and every room of the rules', () => {
    const folders = readdirSync(join(ROOT, 'analyzer'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(rooms.length).toBeGreaterThan(15);
    expect(folders.filter((f) => !rooms.includes(f))).toEqual([]);
    expect(rooms.filter((r) => allowedByDoc(r) === undefined)).toEqual([]);
  });

  it('gives each room exactly the imports its rule allows', () => {
    const differ = rooms
      .filter((r) => allowedByRules(r) !== undefined)
      .map((r) => ({ room: r, rules: allowedByRules(r), doc: allowedByDoc(r) }))
      .filter((d) => JSON.stringify(d.rules) !== JSON.stringify(d.doc));
    expect(differ).toEqual([]);
  });
});
