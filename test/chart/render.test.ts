import { describe, expect, it } from 'vitest';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { costVsLoadSpec, loadAndCapacitySpec } from '../../src/chart/spec.ts';
import { renderChartPng, setupChartRendering } from '../../src/chart/render.ts';
import { PLATFORM_NAMES, SAMPLE_OPERATING_POINT, sampleCostCurve, sampleLoad } from './sample-data.ts';

/** Fraction of non-white pixels in a region given in logical pixels. */
async function inkFraction(png: Buffer, scale: number, region: { x: number; y: number; w: number; h: number }): Promise<number> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(region.x * scale, region.y * scale, region.w * scale, region.h * scale);
  let ink = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i]! < 230 || data[i + 1]! < 230 || data[i + 2]! < 230) ink++;
  return ink / (data.length / 4);
}

describe('renderChartPng', () => {
  it('uses the vendored font, so text does not depend on system fonts', () => {
    expect(setupChartRendering()).toBe('tokcost-sans');
  });

  it('renders the cost chart at 800x450 logical (1600x900 PNG) with an opaque white background, title and lines', async () => {
    const png = renderChartPng(costVsLoadSpec(sampleCostCurve(), SAMPLE_OPERATING_POINT, { platformNames: PLATFORM_NAMES }));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1600);
    expect(png.readUInt32BE(20)).toBe(900);
    const image = await loadImage(png);
    const canvas = createCanvas(image.width, image.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    const corner = ctx.getImageData(0, 0, 1, 1).data;
    expect(Array.from(corner)).toEqual([255, 255, 255, 255]);
    expect(await inkFraction(png, 2, { x: 250, y: 4, w: 300, h: 26 })).toBeGreaterThan(0.03); // title text
    expect(await inkFraction(png, 2, { x: 150, y: 80, w: 550, h: 250 })).toBeGreaterThan(0.02); // plot lines
    expect(await inkFraction(png, 2, { x: 0, y: 360, w: 800, h: 30 })).toBeGreaterThan(0.01); // x ticks and axis title
  });

  it('honours the size and pixel ratio options', () => {
    const { loadSeries, capacitySeries } = sampleLoad('week');
    const png = renderChartPng(loadAndCapacitySpec(loadSeries, capacitySeries), { widthPx: 640, heightPx: 360, devicePixelRatio: 1 });
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([640, 360]);
  });

  it('does not mutate the spec it is given', () => {
    const { loadSeries, capacitySeries } = sampleLoad('day');
    const spec = loadAndCapacitySpec(loadSeries, capacitySeries);
    const before = JSON.stringify(spec);
    renderChartPng(spec, { devicePixelRatio: 1 });
    expect(JSON.stringify(spec)).toBe(before);
  });
});
