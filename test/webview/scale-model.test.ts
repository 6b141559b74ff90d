// The dashboard's view model at organisation scale, on the generated 200-team / 10,000-violation
// report (test/fixtures/scale-report.ts) and the 5-team one, with and without the optional fields
// (roles, membership, findings): grouping into findings, the edge filter, label prefixes, label placement,
// the layout keeping clusters together, matrix seriation, relative links, the delivery team.
import { describe, expect, it } from 'vitest';
import { deliveryTeam, statusText } from '../../extension/delivery-team';
import { findingsOf, unownedDirectories } from '../../webview/findings';
import { filterFindings } from '../../webview/findings-view';
import { couplingEdges, filterEdges, nodeSizes } from '../../webview/graph-data';
import { layoutTeams } from '../../webview/graph-layout';
import { overlaps, placeLabels, type DrawNode } from '../../webview/graph-svg';
import { commonOwnerPrefix, shortLabels } from '../../webview/labels';
import { fileHref, relativeBase } from '../../webview/links';
import { couplingLookup, matrixOrder, seriate } from '../../webview/matrix';
import { bigReport, smallReport } from '../fixtures/scale-report';

const big = bigReport();
const legacy = bigReport('legacy');

describe('generated reports', () => {
  it('have the organisation-scale shape (200 teams, 40 clusters, 10,000 violations), the same for the same seed', () => {
    expect([big.teams.length, big.clusters.length, big.violations.length]).toEqual([200, 40, 10_000]);
    expect(smallReport().teams).toHaveLength(5);
    expect(JSON.stringify(bigReport())).toBe(JSON.stringify(big));
    expect(legacy.findings).toBeUndefined();
    expect(legacy.teams.every((t) => t.role === undefined && t.membership === undefined)).toBe(true);
  });
});

describe('findings', () => {
  it("uses the report's findings and groups when present, ranked", () => {
    const fs = findingsOf(big);
    expect(fs).toHaveLength(big.findings!.length);
    expect(fs.map((f) => f.finding.rank)).toEqual(fs.map((_, i) => i + 1));
    expect(fs.reduce((n, f) => n + f.locations.length, 0)).toBe(10_000);
    expect(fs.every((f) => f.locations.length === f.finding.count)).toBe(true);
  });

  it('groups an older report on the fly the same way: kind + target + team pair, unowned by directory', () => {
    const fs = findingsOf(legacy);
    expect(fs.reduce((n, f) => n + f.finding.count, 0)).toBe(10_000);
    // Same groups as the generator made (it knows them): one finding per group id.
    expect(fs.length).toBe(bigReport().findings!.length);
    const biggest = fs.find((f) => f.finding.count === 400)!;
    expect(new Set(biggest.locations.map((v) => `${v.kind}|${v.target}|${v.fromTeam}|${v.toTeam}`)).size).toBe(1);
    for (let i = 1; i < fs.length; i++) expect(fs[i - 1].finding.changes).toBeGreaterThanOrEqual(fs[i].finding.changes);
    const unowned = fs.filter((f) => f.finding.kind === 'unowned');
    expect(unowned.length).toBeGreaterThan(0);
    expect(
      unowned.every((f) => f.finding.target === 'legacy/' && f.finding.title.startsWith('legacy/ has no owner')),
    ).toBe(true);
  });

  it('climbs to the highest directory without an owned file', () => {
    const r = {
      ...smallReport(),
      files: [
        { path: 'a/owned.ts', owners: ['@x/t'] },
        { path: 'a/b/c/x.ts', owners: [] },
        { path: 'd/e/y.ts', owners: [] },
      ],
    } as never;
    const dir = unownedDirectories(r);
    expect([dir('a/b/c/x.ts'), dir('d/e/y.ts')]).toEqual(['a/b/', 'd/']);
  });

  it('filters by kind, team and text', () => {
    const fs = findingsOf(big);
    const team = fs[0].finding.fromTeam!;
    const s = { kind: 'deep-import' as const, team, text: '', page: 0 };
    const got = filterFindings(fs, s, null);
    expect(got.length).toBeGreaterThan(0);
    expect(
      got.every((f) => f.finding.kind === 'deep-import' && (f.finding.fromTeam === team || f.finding.toTeam === team)),
    ).toBe(true);
    expect(
      filterFindings(fs, { kind: '', team: '', text: 'LEGACY/', page: 0 }, null).every(
        (f) => f.finding.kind === 'unowned',
      ),
    ).toBe(true);
  });
});

describe('team graph model', () => {
  it('keeps at most the top N edges of each team, above the threshold', () => {
    const all = couplingEdges(big, 'both');
    const top = filterEdges(all, 5, 3);
    expect(top.every((e) => e.weight >= 5)).toBe(true);
    expect(top.length).toBeLessThan(all.length);
    for (const t of big.teams) {
      const mine = all
        .filter((e) => e.weight >= 5 && (e.a === t.id || e.b === t.id))
        .sort((x, y) => y.weight - x.weight);
      const kept = top.filter((e) => e.a === t.id || e.b === t.id);
      if (mine.length) expect(kept.map((e) => e.weight)).toContain(mine[0].weight);
    }
  });

  it('drops the common owner prefix from labels, keeps it when names differ', () => {
    expect(commonOwnerPrefix(big.teams.map((t) => t.name))).toBe('@megacorp/');
    expect(shortLabels(big.teams).get(big.teams[0].id)).toBe(big.teams[0].name.slice('@megacorp/'.length));
    expect(commonOwnerPrefix(['@a/x', '@b/y'])).toBe('');
    expect(commonOwnerPrefix(['billing', 'core'])).toBe('');
  });

  it('places labels that never overlap, the largest and the focused first', () => {
    const nodes: DrawNode[] = Array.from({ length: 300 }, (_, i) => ({
      id: `t${i}`,
      x: (i * 37) % 600,
      y: (i * 53) % 400,
      size: 4 + (i % 9),
      color: '#000',
      label: `team-number-${i}`,
      title: '',
      dim: false,
      strong: i === 7,
    }));
    const boxes = placeLabels(nodes);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i], boxes[j])).toBe(false);
    expect(boxes[0].id).toBe('t7');
    expect(boxes.length).toBeGreaterThan(20);
  });

  it("lays out deterministically with each cluster's teams closer to each other than to other clusters", () => {
    const sizes = nodeSizes(big.teams, 'files');
    const pos = layoutTeams(big, sizes);
    expect([...layoutTeams(bigReport(), sizes)]).toEqual([...pos]);
    const d = (a: string, b: string) => Math.hypot(pos.get(a)!.x - pos.get(b)!.x, pos.get(a)!.y - pos.get(b)!.y);
    let inside = 0;
    let across = 0;
    let [ni, na] = [0, 0];
    for (const a of big.teams)
      for (const b of big.teams) {
        if (a.id >= b.id || !a.cluster || !b.cluster) continue;
        if (a.cluster === b.cluster) ((inside += d(a.id, b.id)), ni++);
        else ((across += d(a.id, b.id)), na++);
      }
    expect(inside / ni).toBeLessThan(across / na / 4);
  });
});

describe('coupling matrix order', () => {
  it('seriates: each next team is the one most coupled to the previous', () => {
    const w = (a: string, b: string) =>
      (({ 'a|c': 9, 'c|a': 9, 'c|b': 5, 'b|c': 5, 'a|b': 1, 'b|a': 1 }) as Record<string, number>)[`${a}|${b}`] ?? 0;
    expect(seriate(['a', 'b', 'c'], w)).toEqual(['c', 'a', 'b']);
  });

  it('keeps clusters contiguous at 200 teams', () => {
    const order = matrixOrder(big.teams, couplingLookup(big, 'static'));
    expect(new Set(order).size).toBe(200);
    const cluster = new Map(big.teams.map((t) => [t.id, t.cluster ?? t.id]));
    const runs = order.filter((id, i) => i === 0 || cluster.get(id) !== cluster.get(order[i - 1])).length;
    expect(runs).toBe(new Set(cluster.values()).size);
  });
});

describe('links in the HTML report', () => {
  it('are relative from the page to the analysed repository, line as #L', () => {
    expect(relativeBase('file:///home/ann/reports/today/conway.html', '/home/ann/src/shop')).toBe('../../src/shop/');
    expect(relativeBase('file:///home/ann/src/shop/conway.html', '/home/ann/src/shop')).toBe('');
    expect(relativeBase('https://ci.example/artifacts/conway.html', '/home/ann/src/shop')).toBe('');
    expect(fileHref('../x/', 'web/a b#.ts', 12)).toBe('../x/web/a%20b%23.ts#L12');
  });
});

describe('delivery team', () => {
  const rows = (r: ReturnType<typeof smallReport>) => new Map(r.teams.map((t) => [t.id, t]));
  const s = smallReport();
  const [reviewers, product] = [s.teams[0].id, s.teams[1].id];

  it('is the owning team that is not a review group; review groups count in +N', () => {
    const view = deliveryTeam([reviewers, product], rows(s));
    expect(view).toEqual({ delivery: product, reviewGroups: [reviewers], others: [] });
    expect(statusText(view, (id) => id)).toBe(`${product.replace('@megacorp/', '')} +1`);
  });

  it('without roles (older report), the most specific owner: the one owning fewer files', () => {
    const old = smallReport('legacy');
    expect(old.teams[0].files).toBeGreaterThan(old.teams[1].files);
    expect(deliveryTeam([reviewers, product], rows(old)).delivery).toBe(product);
    expect(deliveryTeam([], rows(old)).delivery).toBeNull();
    // Before the analysis counted files: the team on the fewest CODEOWNERS rules.
    expect(
      deliveryTeam(
        ['@a/pool', '@a/product'],
        new Map(),
        new Map([
          ['@a/pool', 9],
          ['@a/product', 1],
        ]),
      ).delivery,
    ).toBe('@a/product');
    expect(statusText(deliveryTeam([], rows(old)), (id) => id)).toBe('Unowned');
  });
});
