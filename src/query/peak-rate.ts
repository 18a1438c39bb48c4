/** "50 rps average, 150 rps peak": the peak rate over the stated mean is the peak-to-average ratio. */
import type { Collected } from './collect.ts';
import type { Extraction } from './extraction.ts';
import { formatNumber } from './numbers.ts';
import type { QueryFields } from './schema.ts';

export function applyPeakRate(fields: QueryFields, peak: Collected['peakRequestsPerSecond'], out: Extraction): void {
  if (peak === undefined) return;
  const mean = fields.requestsPerSecond;
  if (mean === undefined) {
    out.problem(peak.fragment, `"${peak.fragment}" is the peak; what is the average load?`, `30 rps average, ${peak.fragment}`, 'requestsPerSecond');
    return;
  }
  const ratio = peak.value / mean;
  if (ratio < 1) {
    out.problem(peak.fragment, `the peak "${peak.fragment}" is below the average ${formatNumber(mean)} requests/s`, '50 rps average, 150 rps peak', 'peakToAverage');
    return;
  }
  if (fields.peakToAverage !== undefined && Math.abs(fields.peakToAverage - ratio) > 0.01 * ratio) {
    out.problem(peak.fragment, `"${peak.fragment}" over ${formatNumber(mean)} requests/s is a ${formatNumber(ratio)}x peak, not ${formatNumber(fields.peakToAverage)}x; say one`, '50 rps average, 150 rps peak', 'peakToAverage');
    delete fields.peakToAverage;
    return;
  }
  fields.peakToAverage = ratio;
  out.assume('peakToAverage', ratio, `"${peak.fragment}" over the average ${formatNumber(mean)} requests/s = ${formatNumber(ratio)}x`);
}
