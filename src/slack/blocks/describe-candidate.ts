/** Words for one candidate and its SLO status, shared by the answer, breakdown and comparison. */
import type { AdviceReport, AdviceRequest, Candidate } from '../../engine/advice-types.ts';
import { prefixCacheText, speculativeModeText } from '../../advice/serving-mode-text.ts';
import { formatCount, formatGpus, formatMs } from './format-slack.ts';

/** The serving mode, with speculative decoding when the request runs it. */
export function describeMode(c: Candidate, request?: AdviceRequest): string {
  const speculative = request ? speculativeModeText(request) : '';
  if (c.servingMode === 'disaggregated' && c.prefillWorkers !== undefined && c.decodeWorkers !== undefined) {
    return `disaggregated (${c.prefillWorkers} prefill : ${c.decodeWorkers} decode)${speculative}`;
  }
  return `${c.servingMode}${speculative}`;
}

export function describeGpus(c: Candidate): string {
  const mean = formatGpus(c.gpuCount);
  return c.peakGpuCount !== c.gpuCount ? `${mean} GPUs on average, ${formatGpus(c.peakGpuCount)} at peak` : `${mean} GPUs`;
}

export function describeParallelism(c: Candidate): string {
  const parts = [`TP${c.parallelism.tensor}`];
  if (c.parallelism.expert > 1) parts.push(`EP${c.parallelism.expert}`);
  if (c.parallelism.pipeline > 1) parts.push(`PP${c.parallelism.pipeline}`);
  return `${c.gpusPerReplica} GPU${c.gpusPerReplica === 1 ? '' : 's'}/replica · ${parts.join(' ')} · ${c.precision}`;
}

/** "p95 TTFT ≤ 1 s, TPOT ≤ 50 ms", or '' when the user gave no latency target. */
export function describeSlo(report: AdviceReport): string {
  const { ttftMs, ttftPercentile, tpotMs } = report.request.latency;
  const parts: string[] = [];
  if (ttftMs !== undefined) parts.push(`p${ttftPercentile ?? 95} TTFT ≤ ${formatMs(ttftMs)}`);
  if (tpotMs !== undefined) parts.push(`TPOT ≤ ${formatMs(tpotMs)}`);
  return parts.join(', ');
}

export function describeSloStatus(report: AdviceReport, c: Candidate): string {
  const slo = describeSlo(report);
  if (slo === '') return 'no latency target given';
  return c.meetsSlo ? `SLO met (${slo})` : `SLO missed for ${Math.round(c.sloMissMinutes)} min per ${report.request.horizon} (${slo})`;
}

/** "gpt-oss-120b · 2k in / 400 out · 30 req/s". */
export function describeWorkload(report: AdviceReport): string {
  const r = report.request;
  const peak = 'peakToAverage' in r.shape ? ` · peaks ${r.shape.peakToAverage}x` : '';
  return `${r.modelId} · ${formatCount(r.inputTokens)} in${prefixCacheText(r)} / ${formatCount(r.outputTokens)} out · ${formatCount(r.meanRequestsPerSecond)} req/s${peak}`;
}
