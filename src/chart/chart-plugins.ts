/**
 * Chart.js plugins that interpret the tokcost plugin options of a spec (see spec-types.ts): a background
 * fill and text labels beside marked points. Drawing only; no canvas library is imported here.
 */
import type { Chart, Plugin } from 'chart.js';
import type { ChartLabel } from './spec-types.ts';

export const backgroundPlugin: Plugin<'line', { color?: string }> = {
  id: 'tokcostBackground',
  beforeDraw(chart: Chart, _args, options) {
    const { ctx } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = options.color ?? '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

const LABEL_OFFSET_PX = 12;
const LABEL_HEIGHT_PX = 16;
type Box = { left: number; top: number; right: number; bottom: number };
type Segment = readonly [number, number, number, number];

/**
 * Draws each label beside its point, in whichever of four corners (below-left first: the operating point
 * sits on a falling cost curve, with open space under and before it) crosses the fewest drawn lines and
 * stays inside the plot area. White halo for contrast over grid lines.
 */
export const labelsPlugin: Plugin<'line', ChartLabel[]> = {
  id: 'tokcostLabels',
  afterDatasetsDraw(chart: Chart, _args, options) {
    const labels = Array.isArray(options) ? options : Object.values(options ?? {}).filter(isLabel);
    const { ctx, chartArea, scales } = chart;
    const xScale = scales.x;
    const yScale = scales.y;
    if (!xScale || !yScale || labels.length === 0) return;
    const segments = lineSegments(chart);
    ctx.save();
    ctx.font = `bold 13px ${chart.options.font?.family ?? 'sans-serif'}`;
    ctx.lineJoin = 'round';
    ctx.textBaseline = 'top';
    ctx.textAlign = 'left';
    for (const label of labels) {
      const x = xScale.getPixelForValue(label.x);
      const y = yScale.getPixelForValue(label.y);
      const width = ctx.measureText(label.text).width;
      const corners = [
        [-1, 1],
        [1, 1],
        [1, -1],
        [-1, -1],
      ] as const;
      const boxes = corners.map(([dx, dy]) => {
        const left = dx < 0 ? x - LABEL_OFFSET_PX - width : x + LABEL_OFFSET_PX;
        const top = dy > 0 ? y + LABEL_OFFSET_PX : y - LABEL_OFFSET_PX - LABEL_HEIGHT_PX;
        return { left, top, right: left + width, bottom: top + LABEL_HEIGHT_PX };
      });
      const box = boxes.reduce((best, candidate) => (score(candidate, segments, chartArea) < score(best, segments, chartArea) ? candidate : best));
      ctx.lineWidth = 4;
      ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
      ctx.strokeText(label.text, box.left, box.top);
      ctx.fillStyle = label.color;
      ctx.fillText(label.text, box.left, box.top);
    }
    ctx.restore();
  },
};

function score(box: Box, segments: readonly Segment[], area: Box): number {
  const outside = box.left < area.left || box.right > area.right || box.top < area.top || box.bottom > area.bottom;
  return (outside ? 1000 : 0) + segments.filter((segment) => crosses(segment, box)).length;
}

/** Pixel segments of every drawn line (datasets that show a line). */
function lineSegments(chart: Chart): Segment[] {
  const segments: Segment[] = [];
  chart.data.datasets.forEach((dataset, index) => {
    if ((dataset as { showLine?: boolean }).showLine === false || !chart.isDatasetVisible(index)) return;
    const points = chart.getDatasetMeta(index).data;
    for (let i = 1; i < points.length; i++) segments.push([points[i - 1]!.x, points[i - 1]!.y, points[i]!.x, points[i]!.y]);
  });
  return segments;
}

/** Whether a segment touches a box: sampled along its length (labels are small; lines are dense). */
function crosses([x1, y1, x2, y2]: Segment, box: Box): boolean {
  if (Math.max(x1, x2) < box.left || Math.min(x1, x2) > box.right || Math.max(y1, y2) < box.top || Math.min(y1, y2) > box.bottom) return false;
  const steps = Math.max(1, Math.ceil(Math.hypot(x2 - x1, y2 - y1) / 2));
  for (let i = 0; i <= steps; i++) {
    const x = x1 + ((x2 - x1) * i) / steps;
    const y = y1 + ((y2 - y1) * i) / steps;
    if (x >= box.left && x <= box.right && y >= box.top && y <= box.bottom) return true;
  }
  return false;
}

/** Chart.js resolves array plugin options into index-keyed objects; accept both. */
function isLabel(value: unknown): value is ChartLabel {
  return typeof value === 'object' && value !== null && 'text' in value && 'x' in value && 'y' in value;
}
