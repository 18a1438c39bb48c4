/**
 * Renders a chart spec to PNG in Node: Chart.js 4 on @napi-rs/canvas (this is the only module that imports
 * the canvas library). Text uses DejaVu Sans shipped in assets/fonts (Bitstream Vera licence), registered
 * once, so output does not depend on the machine's fonts; a system sans font is the fallback.
 */
import { fileURLToPath } from 'node:url';
import { GlobalFonts } from '@napi-rs/canvas';
import { canvasFor } from './canvas-pool.ts';
import {
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  SubTitle,
  Title,
  type ChartConfiguration,
} from 'chart.js';
import { clockLabel, weekdayClockLabel } from './axis-format.ts';
import { backgroundPlugin, labelsPlugin } from './chart-plugins.ts';
import { TEXT_COLOR } from './palette.ts';
import type { ChartSpec } from './spec-types.ts';

export interface RenderOptions {
  /** Logical size; the PNG is widthPx * devicePixelRatio wide. */
  readonly widthPx?: number;
  readonly heightPx?: number;
  /** 2 (default) gives crisp text on high-density screens and in Slack previews. */
  readonly devicePixelRatio?: number;
}

const FONT_ALIAS = 'tokcost-sans';
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];
const SYSTEM_FALLBACKS = ['DejaVu Sans', 'Liberation Sans', 'Arial', 'Helvetica', 'Noto Sans'];

let fontFamily: string | undefined;

/** Registers fonts, Chart.js components and defaults once per process; returns the font family used. */
export function setupChartRendering(): string {
  if (fontFamily) return fontFamily;
  const registered = FONT_FILES.map((file) =>
    GlobalFonts.registerFromPath(fileURLToPath(new URL(`../../assets/fonts/${file}`, import.meta.url)), FONT_ALIAS),
  );
  const family = registered[0] ? FONT_ALIAS : SYSTEM_FALLBACKS.find((name) => GlobalFonts.has(name));
  if (!family) throw new Error('no font for chart text: assets/fonts/DejaVuSans.ttf is missing and no system sans font was found');
  Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Title, SubTitle, Legend, Filler);
  Chart.register(backgroundPlugin, labelsPlugin);
  Chart.defaults.font.family = family;
  Chart.defaults.font.size = 12;
  Chart.defaults.color = TEXT_COLOR;
  fontFamily = family;
  return family;
}

/** PNG bytes of `spec` at widthPx x heightPx logical pixels (default 800 x 450, device pixel ratio 2). */
export function renderChartPng(spec: ChartSpec, options: RenderOptions = {}): Buffer {
  setupChartRendering();
  const { widthPx = 800, heightPx = 450, devicePixelRatio = 2 } = options;
  const canvas = canvasFor(widthPx, heightPx);
  const config = withTickCallbacks(structuredClone(spec));
  config.options = { ...config.options, devicePixelRatio, responsive: false, animation: false };
  // Chart.js drives any object with getContext('2d'); the napi canvas is not a DOM element.
  const chart = new Chart(canvas as unknown as ConstructorParameters<typeof Chart>[0], config as ChartConfiguration);
  try {
    return canvas.toBuffer('image/png');
  } finally {
    chart.destroy();
  }
}

/**
 * Adds the callbacks a JSON spec cannot hold: clock labels on time axes (from the spec's tokcostTickFormat),
 * and on log axes labels only at 1-2-5 mantissas (Chart.js also labels its top ticks, which crowd).
 */
function withTickCallbacks(spec: ChartSpec): ChartSpec {
  const format = spec.options?.plugins?.tokcostTickFormat?.x;
  const x = spec.options?.scales?.x;
  if (format && x) {
    const label = format === 'clock' ? clockLabel : weekdayClockLabel;
    x.ticks = { ...x.ticks, callback: (value) => label(Number(value)) };
  }
  for (const scale of Object.values(spec.options?.scales ?? {})) {
    if (scale?.type !== 'logarithmic') continue;
    const formatter = new Intl.NumberFormat('en-US', scale.ticks?.format);
    scale.ticks = { ...scale.ticks, callback: (value) => logTickLabel(Number(value), formatter) };
  }
  return spec;
}

function logTickLabel(value: number, formatter: Intl.NumberFormat): string {
  if (!(value > 0)) return '';
  const mantissa = Number((value / 10 ** Math.floor(Math.log10(value) + 1e-9)).toPrecision(3));
  return mantissa === 1 || mantissa === 2 || mantissa === 5 ? formatter.format(value) : '';
}
