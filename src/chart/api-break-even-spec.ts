/**
 * "Rent GPUs or buy tokens" chart (pure): $ per 1M output tokens against mean load (requests/s), the best
 * self-hosted fleet per leading platform as curves, the cheapest API prices as flat dashed lines, the
 * break-even and the user's load marked. Log x when the load range is wide, log y when costs are.
 */
import type { ApiBreakEvenReport } from '../engine/reports/api-break-even-types.ts';
import { formatRequestsPerSecond } from '../format.ts';
import { dollarsLabel } from './axis-format.ts';
import { lineChartSpec, type ChartMarker, type LineSeries } from './line-chart-spec.ts';
import { seriesColor } from './palette.ts';
import type { ChartSpec } from './spec-types.ts';

export interface ApiBreakEvenChartOptions {
  readonly title?: string;
  /** API providers drawn as lines, cheapest first (default 3). */
  readonly maxApiLines?: number;
}

/** Log axes when the data spans more than this ratio. */
const LOG_RATIO = 20;
const API_COLORS = ['#555555', '#999999', '#BBBBBB'] as const;

export function apiBreakEvenSpec(report: ApiBreakEvenReport, options: ApiBreakEvenChartOptions = {}): ChartSpec {
  const curves: LineSeries[] = report.curves
    .filter((c) => c.points.length > 0)
    .map((c, i) => ({ label: shortName(c.platformName), color: seriesColor(i), points: c.points.map((p) => ({ x: p.requestsPerSecond, y: p.effectiveDollarsPerMillionOutputTokens })) }));
  const xs = curves.flatMap((s) => s.points.map((p) => p.x)).concat(report.workload.meanRequestsPerSecond > 0 ? [report.workload.meanRequestsPerSecond] : []);
  const xMin = Math.min(...xs);
  const xMax = Math.max(...xs);
  const apiLines: LineSeries[] = distinctProviders(report).slice(0, options.maxApiLines ?? 3).map((o, i) => ({
    label: `API: ${o.variant ? `${o.provider} (${o.variant})` : o.provider} ${dollarsLabel(o.effectiveDollarsPerMillionOutputTokens)}${o.stale ? ' (stale?)' : ''}`,
    color: API_COLORS[i] ?? API_COLORS[2],
    dashed: true,
    points: [{ x: xMin, y: o.effectiveDollarsPerMillionOutputTokens }, { x: xMax, y: o.effectiveDollarsPerMillionOutputTokens }],
  }));
  const markers = markersOf(report);
  const ys = [...curves, ...apiLines].flatMap((s) => s.points.map((p) => p.y)).filter((y) => y > 0 && Number.isFinite(y));
  const yLog = ys.length > 0 && Math.max(...ys) / Math.min(...ys) > LOG_RATIO / 2;
  const xLog = xMin > 0 && xMax / xMin > LOG_RATIO;
  const spec = lineChartSpec({
    title: options.title ?? `Rent GPUs or buy tokens: ${report.modelName}`,
    subtitle: subtitleOf(report),
    xLabel: xLog ? 'Mean load (requests/s, log scale; your load shape scaled)' : 'Mean load (requests/s; your load shape scaled)',
    yLabel: yLog ? '$ per 1M output tokens (log scale)' : '$ per 1M output tokens',
    series: [...curves, ...apiLines],
    markers,
    yLog,
    xFormat: 'number',
    yFormat: 'dollars',
    ...(xs.length > 0 ? { xRange: { min: xMin, max: xMax } } : {}),
    yBeginAtZero: true,
  });
  return withoutEmptyLabels(xLog ? withLogX(spec) : spec);
}

function withoutEmptyLabels(spec: ChartSpec): ChartSpec {
  const labels = spec.options?.plugins?.tokcostLabels;
  if (!labels) return spec;
  return { ...spec, options: { ...spec.options, plugins: { ...spec.options!.plugins, tokcostLabels: labels.filter((l) => l.text !== '') } } };
}

/** Labels nearer than this factor on x would overlap: one label then says both. */
const CLOSE_X_RATIO = 2.5;

/** The break-even and the user's load, each with its figures in the legend and, unless they crowd, beside the point. */
function markersOf(report: ApiBreakEvenReport): ChartMarker[] {
  const markers: ChartMarker[] = [];
  const be = report.breakEven;
  const fleet = report.selfHosted;
  const rate = report.workload.meanRequestsPerSecond;
  const you = fleet && rate > 0 ? { x: rate, y: fleet.effectiveDollarsPerMillionOutputTokens } : null;
  const beText = be ? `Break-even ${rateLabel(be.requestsPerSecond)}` : '';
  const youText = you ? `You: ${rateLabel(rate)}, ${dollarsLabel(you.y)}/M` : '';
  const close = be && you && Math.max(be.requestsPerSecond, rate) / Math.min(be.requestsPerSecond, rate) < CLOSE_X_RATIO;
  if (be) markers.push({ x: be.requestsPerSecond, y: be.apiDollarsPerMillionOutputTokens, label: close ? `${youText}; ${beText.toLowerCase()}` : beText, legend: beText });
  if (you) markers.push({ x: you.x, y: you.y, label: close ? '' : youText, legend: youText });
  return markers;
}

function subtitleOf(report: ApiBreakEvenReport): string {
  const be = report.breakEven;
  const api = report.cheapestApi;
  if (!api) return 'No hosted-API price for this model in the catalog';
  const tokens = `${report.workload.inputTokens} in / ${report.workload.outputTokens} out tokens per request; API cost includes input tokens`;
  if (!be) return `Lower is better. ${report.breakEvenMissing?.reason === 'self-hosting-always-wins' ? 'Self-hosting is cheaper at every load tried' : 'Self-hosting never beats the cheapest API in the range tried'}. ${tokens}`;
  return `Lower is better. Self-hosting wins above ${rateLabel(be.requestsPerSecond)} (${Math.round(be.utilizationFraction * 100)}% GPU utilization). ${tokens}`;
}

/** One line per provider (its cheapest listing), cheapest first. */
function distinctProviders(report: ApiBreakEvenReport): ApiBreakEvenReport['apiOptions'] {
  const seen = new Set<string>();
  return report.apiOptions.filter((o) => !o.slowerThanTarget && !seen.has(o.provider) && seen.add(o.provider));
}

/** "NVIDIA B300 (HGX B300, Blackwell Ultra)" -> "NVIDIA B300". */
function shortName(name: string): string {
  return name.replace(/\s*\(.*\)\s*$/, '');
}

const rateLabel = formatRequestsPerSecond;

/** The same spec with a logarithmic x axis (the renderer labels log ticks at 1-2-5 only). */
function withLogX(spec: ChartSpec): ChartSpec {
  const x = spec.options?.scales?.x;
  if (!x) return spec;
  const { stepSize: _stepSize, ...ticks } = (x.ticks ?? {}) as Record<string, unknown>;
  return { ...spec, options: { ...spec.options, scales: { ...spec.options!.scales, x: { ...x, type: 'logarithmic', ticks } as never } } };
}
