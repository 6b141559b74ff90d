// Labels that never overlap in the sigma drawing. Sigma's label grid picks at most a few labels per
// grid cell (largest nodes first), but two labels from neighbouring cells can still cross; this
// drawer keeps the boxes drawn in the current frame and skips a label that would overlap one.
// The hovered node's label is drawn by sigma's hover renderer, so it always shows.
import type Sigma from 'sigma';
import { drawDiscNodeLabel } from 'sigma/rendering';
import { overlaps, type Box } from './graph-svg';

type Draw = typeof drawDiscNodeLabel;

export function nonOverlappingLabels(): { draw: Draw; attach(s: Sigma): void } {
  let drawn: Box[] = [];
  const draw: Draw = (ctx, data, settings) => {
    if (!data.label) return;
    ctx.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
    const box = {
      id: '',
      x: data.x + data.size + 1,
      y: data.y - settings.labelSize / 2 - 1,
      w: ctx.measureText(data.label).width + 6,
      h: settings.labelSize + 3,
    };
    if (drawn.some((b) => overlaps(b, box))) return;
    drawn.push(box);
    drawDiscNodeLabel(ctx, data, settings);
  };
  return { draw, attach: (s) => s.on('beforeRender', () => (drawn = [])) };
}
