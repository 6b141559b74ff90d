// The team graph's layout, apart from the drawing so it can be tested without a browser.

/**
 * A deterministic layout (same report, same picture — a force layout would move teams between
 * runs and need tuning): one small circle per cluster (teams sorted by id), the clusters' centres
 * on a big circle (sorted by id, teams without a cluster last). Coordinates within [-1, 1].
 */
export function clusterCircles(items: { id: string; group: string }[]): Map<string, { x: number; y: number }> {
  const groups = [...new Set(items.map((i) => i.group))].sort();
  const out = new Map<string, { x: number; y: number }>();
  const spread = groups.length > 1 ? 0.62 : 0;
  // Small circles no wider than 90% of the gap between neighbouring centres (chord 2·spread·sin(π/n)).
  const radius = groups.length > 1 ? Math.min(0.36, 0.9 * spread * Math.sin(Math.PI / groups.length)) : 1;
  groups.forEach((group, gi) => {
    const centre = onCircle(gi, groups.length, spread);
    const members = items
      .filter((i) => i.group === group)
      .map((i) => i.id)
      .sort();
    // Start the small circle a quarter turn from the centre's direction, so no cluster lines up
    // with the centre of the picture and edges between clusters do not run through nodes.
    const turn = (2 * Math.PI * gi) / groups.length;
    members.forEach((id, mi) => {
      const p = onCircle(mi, members.length, members.length > 1 ? radius : 0, turn + Math.PI / 2);
      out.set(id, { x: centre.x + p.x, y: centre.y + p.y });
    });
  });
  return out;
}

function onCircle(i: number, n: number, r: number, turn = 0): { x: number; y: number } {
  const angle = (2 * Math.PI * i) / Math.max(1, n) - Math.PI / 2 + turn;
  return { x: r * Math.cos(angle), y: r * Math.sin(angle) };
}
