/**
 * A CSV file's text -> the workload draft's `series` (the one conversion the CLI's --load-csv and a
 * file attached to a Slack question share), or each problem with its line number, as workload problems.
 */
import type { WorkloadProblem } from '../advice/workload.ts';
import type { LoadSeries } from '../advice/workload-draft.ts';
import { parseLoadCsv } from './parse-load-csv.ts';

export type LoadSeriesResult = { readonly ok: true; readonly series: LoadSeries } | { readonly ok: false; readonly problems: WorkloadProblem[] };

/** `fileName` names the series in the assumptions ("traffic.csv (1440 rows)") and each problem ("traffic.csv line 7"). */
export function loadSeriesFromCsv(text: string, fileName: string): LoadSeriesResult {
  const parsed = parseLoadCsv(text);
  if (!parsed.ok) {
    return { ok: false, problems: parsed.problems.map((p) => ({ field: 'series', fragment: `${fileName} line ${p.line}`, message: `line ${p.line}: ${p.message}`, example: p.example })) };
  }
  return { ok: true, series: { stepMinutes: parsed.shape.stepMinutes, requestsPerSecond: [...parsed.shape.requestsPerSecond], label: `${fileName} (${parsed.rowCount} rows)` } };
}
