/**
 * The recommendation in one or two plain sentences: where to run, what it costs at the user's load and
 * at full load, and the reason that decided it (serving mode or policy), with its number.
 */
import type { AdviceRequest, Reason } from '../advice-types.ts';
import type { Scored } from './candidate.ts';

function money(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value >= 0.1 ? `$${value.toFixed(2)}` : `$${value.toPrecision(2)}`;
}

export function summaryOf(request: AdviceRequest, modelName: string, chosen: Scored | null, reasons: readonly Reason[], ranked: readonly Scored[]): string {
  if (!chosen) return reasons[0]?.text ?? `no platform can serve ${modelName} for this workload`;
  const c = chosen.candidate;
  const first = `Run ${modelName} on ${c.peakGpuCount} x ${c.platformName} at peak (${c.gpuCount.toFixed(1)} on average), ${c.servingMode}, ${c.policy}: ${money(c.effectiveDollarsPerMillionOutputTokens)} per million output tokens at your load, ${money(c.fullLoadDollarsPerMillionOutputTokens)} at full load.`;
  const decisive = reasons.find((r) => r.code === 'disaggregated-wins' || r.code === 'disaggregation-does-not-pay') ?? reasons.find((r) => r.code.startsWith('autoscaling')) ?? reasons.find((r) => r.code === 'serving-mode-tie');
  const second = decisive ? `${capitalize(decisive.text)}.` : '';
  void request;
  void ranked;
  return [first, second].filter(Boolean).join(' ');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
