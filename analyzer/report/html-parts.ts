// Pieces of the HTML report: escaping, the team graph and sparklines as inline SVG.
// Everything is rendered on the server side as static markup: the page needs no script.
import type { Report, TeamTrendPoint } from '../contract/report';

/** Escapes text and attribute values (every string that came from a repository goes through it). */
export function h(s: string | number | null | undefined): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#76b7b2',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

export function clusterColor(clusters: string[], id: string | null): string {
  return id === null ? '#888' : PALETTE[clusters.indexOf(id) % PALETTE.length];
}

/** Teams on a circle (grouped by cluster), edges weighted by import edges + shared commits. */
export function teamGraphSvg(r: Report, size = 520): string {
  const teams = [...r.teams].sort(
    (a, b) => (a.cluster ?? '~').localeCompare(b.cluster ?? '~') || a.id.localeCompare(b.id),
  );
  if (!teams.length) return '<p>No teams.</p>';
  const c = size / 2;
  const rad = size / 2 - 70;
  const pos = new Map(
    teams.map((t, i) => [
      t.id,
      {
        x: c + rad * Math.cos((2 * Math.PI * i) / teams.length - Math.PI / 2),
        y: c + rad * Math.sin((2 * Math.PI * i) / teams.length - Math.PI / 2),
      },
    ]),
  );
  const weights = new Map<string, number>();
  const add = (a: string, b: string, w: number) =>
    weights.set([a, b].sort().join('\0'), (weights.get([a, b].sort().join('\0')) ?? 0) + w);
  for (const s of r.coupling.static) add(s.from, s.to, s.edges);
  for (const t of r.coupling.teams) add(t.a, t.b, t.sharedCommits);
  const max = Math.max(1, ...weights.values());
  const maxFiles = Math.max(1, ...teams.map((t) => t.files));
  const clusters = r.clusters.map((x) => x.id);
  const edges = [...weights]
    .filter(([k]) => k.split('\0').every((id) => pos.has(id)))
    .map(([k, w]) => {
      const [a, b] = k.split('\0').map((id) => pos.get(id)!);
      return `<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" stroke-width="${(1 + (6 * w) / max).toFixed(1)}" class="edge"><title>${h(k.replace('\0', ' ↔ '))}: ${w}</title></line>`;
    });
  const nodes = teams.map((t) => {
    const p = pos.get(t.id)!;
    const rr = 8 + 22 * Math.sqrt(t.files / maxFiles);
    return `<g><circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="${rr.toFixed(1)}" fill="${clusterColor(clusters, t.cluster)}"><title>${h(t.name)}: ${t.files} files, autonomy ${t.autonomy.score ?? '–'}</title></circle><text x="${p.x.toFixed(1)}" y="${(p.y + rr + 14).toFixed(1)}" text-anchor="middle">${h(t.name)}</text></g>`;
  });
  return `<svg class="graph" viewBox="0 0 ${size} ${size}" width="${size}" height="${size}" role="img" aria-label="team graph">${edges.join('')}${nodes.join('')}</svg>`;
}

/** A sparkline of a trend component (0–1), one point per month. */
export function sparkline(points: TeamTrendPoint[], key: 'alignment' | 'deliveryIndependence'): string {
  const vals = points.map((p) => p[key]);
  if (vals.filter((v) => v !== null).length < 2) return '';
  const w = 90;
  const hgt = 22;
  const step = w / Math.max(1, vals.length - 1);
  const pts = vals
    .map((v, i) => (v === null ? null : `${(i * step).toFixed(1)},${(hgt - 2 - v * (hgt - 4)).toFixed(1)}`))
    .filter(Boolean);
  return `<svg class="spark" width="${w}" height="${hgt}" viewBox="0 0 ${w} ${hgt}"><title>${h(points.map((p) => `${p.month}: ${p[key] === null ? '–' : Math.round(p[key]! * 100) + '%'}`).join(', '))}</title><polyline points="${pts.join(' ')}" /></svg>`;
}
