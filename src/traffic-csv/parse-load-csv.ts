/**
 * EDGE: a user's CSV of `timestamp,requests_per_second` -> a `series` LoadShape for the engine.
 * Time is an ISO-8601 timestamp (UTC unless it carries an offset) or minutes from the start; the header is
 * optional, and names the second column's unit: requests/s (`rps`, `rate`), per minute (`rpm`), per hour
 * (`rph`) or a count of requests in each row's step (`count`, `requests`), so minute or hour rows of either
 * kind work; `,`, `;` or tab separate fields; `#` starts a comment. Rows must be evenly spaced and ascending.
 * Bad input never throws: every problem comes back at once with its line number and a line that works.
 */
import { parse } from 'csv-parse/sync';
import type { LoadShape } from '../engine/advice-types.ts';

export interface LoadCsvProblem {
  /** 1-based line in the file. */
  readonly line: number;
  readonly message: string;
  /** A line in the accepted format. */
  readonly example: string;
}

export type LoadCsvResult =
  | {
      readonly ok: true;
      readonly shape: Extract<LoadShape, { kind: 'series' }>;
      readonly rowCount: number;
      /** First timestamp (ISO, UTC) when the file used timestamps. */
      readonly startIso?: string;
    }
  | { readonly ok: false; readonly problems: readonly LoadCsvProblem[] };

const EXAMPLE_ISO = '2025-03-03T14:00:00Z,42.5';
const EXAMPLE_MINUTES = '840,42.5';
const MAX_PROBLEMS = 10;
const MAX_ROWS = 200_000;
const ISO_PATTERN = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const TIME_HEADER = /^(timestamp|time|ts|date|datetime|minute|minutes|t)$/i;
const RATE_HEADER = /^(requests?_?per_?second|rps|req(uests)?\/s|rate|qps)$/i;
/** Columns that count requests in each row's step (converted to requests/s once the step is known). */
const COUNT_HEADER = /^(count|requests?|requests?_?count|n_?requests|calls|queries|hits)$/i;
const PER_MINUTE_HEADER = /^(requests?_?per_?minute|rpm|req(uests)?\/min)$/i;
const PER_HOUR_HEADER = /^(requests?_?per_?hour|rph|req(uests)?\/h(ou)?r?)$/i;

/** What the rate column holds: requests/s, per minute, per hour, or a count per step. */
type RateUnit = 'per-second' | 'per-minute' | 'per-hour' | 'count';

interface Row {
  readonly line: number;
  readonly minute: number;
  readonly value: number;
}

type Raw = { readonly line: number; readonly fields: readonly string[] };

/** Parses the CSV text; see the module comment for the format. */
export function parseLoadCsv(text: string): LoadCsvResult {
  let raws: Raw[];
  try {
    raws = (
      parse(text, {
        info: true,
        relax_column_count: true,
        skip_empty_lines: true,
        trim: true,
        comment: '#',
        delimiter: [',', ';', '\t'],
      }) as unknown as { info: { lines: number }; record: string[] }[]
    ).map(({ info, record }) => ({ line: info.lines, fields: record }));
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : 1;
    return fail([{ line, message: `not readable as CSV: ${(error as Error).message}`, example: EXAMPLE_ISO }]);
  }
  const { columns, body } = splitHeader(raws);
  if (body.length < 2) {
    return fail([{ line: body[0]?.line ?? 1, message: 'need at least two rows of data to know the step between them', example: EXAMPLE_ISO }]);
  }
  if (body.length > MAX_ROWS) {
    return fail([{ line: body[MAX_ROWS]!.line, message: `more than ${MAX_ROWS} rows; send a coarser step (e.g. 1-minute averages)`, example: EXAMPLE_ISO }]);
  }
  const useIso = ISO_PATTERN.test(body[0]!.fields[columns.time] ?? '');
  const problems: LoadCsvProblem[] = [];
  const rows = body.flatMap((raw) => readRow(raw, columns, useIso, problems));
  if (problems.length === 0) checkSpacing(rows, useIso, problems);
  if (problems.length > 0) return fail(problems);
  const stepMinutes = rows[1]!.minute - rows[0]!.minute;
  const perSecond = toPerSecond(columns.unit, stepMinutes);
  return {
    ok: true,
    shape: { kind: 'series', stepMinutes, requestsPerSecond: rows.map((row) => row.value * perSecond) },
    rowCount: rows.length,
    ...(useIso ? { startIso: new Date(rows[0]!.minute * 60_000).toISOString() } : {}),
  };
}

function fail(problems: LoadCsvProblem[]): LoadCsvResult {
  if (problems.length <= MAX_PROBLEMS) return { ok: false, problems };
  const shown = problems.slice(0, MAX_PROBLEMS);
  const rest = problems.length - MAX_PROBLEMS;
  const last = problems[problems.length - 1]!;
  return { ok: false, problems: [...shown, { line: last.line, message: `and ${rest} more problems like these`, example: last.example }] };
}

/** The first row is a header when its rate field is not a number; named columns may come in any order. */
function splitHeader(raws: Raw[]): { columns: Columns; body: Raw[] } {
  const first = raws[0];
  if (!first || isNumber(first.fields[1] ?? '')) return { columns: { time: 0, rate: 1, unit: 'per-second' }, body: raws };
  const time = first.fields.findIndex((name) => TIME_HEADER.test(name));
  const units: [RegExp, RateUnit][] = [[RATE_HEADER, 'per-second'], [PER_MINUTE_HEADER, 'per-minute'], [PER_HOUR_HEADER, 'per-hour'], [COUNT_HEADER, 'count']];
  for (const [pattern, unit] of units) {
    const rate = first.fields.findIndex((name) => pattern.test(name));
    if (rate >= 0) return { columns: { time: time >= 0 ? time : 0, rate, unit }, body: raws.slice(1) };
  }
  return { columns: { time: time >= 0 ? time : 0, rate: 1, unit: 'per-second' }, body: raws.slice(1) };
}

interface Columns {
  readonly time: number;
  readonly rate: number;
  readonly unit: RateUnit;
}

/** Multiplier from the column's unit to requests/s, given the step between rows. */
function toPerSecond(unit: RateUnit, stepMinutes: number): number {
  if (unit === 'per-minute') return 1 / 60;
  if (unit === 'per-hour') return 1 / 3600;
  if (unit === 'count') return 1 / (stepMinutes * 60);
  return 1;
}

function readRow(raw: Raw, columns: Columns, useIso: boolean, problems: LoadCsvProblem[]): Row[] {
  const example = useIso ? EXAMPLE_ISO : EXAMPLE_MINUTES;
  const timeText = raw.fields[columns.time];
  const rateText = raw.fields[columns.rate];
  if (timeText === undefined || rateText === undefined) {
    problems.push({ line: raw.line, message: `expected two fields (time, requests per second), found ${raw.fields.length}: "${raw.fields.join(',')}"`, example });
    return [];
  }
  const minute = useIso ? isoMinutes(timeText) : isNumber(timeText) ? Number(timeText) : NaN;
  if (!Number.isFinite(minute)) {
    const wanted = useIso ? 'an ISO timestamp like the first row' : 'minutes from the start, a number like the first row';
    problems.push({ line: raw.line, message: `time "${timeText}" is not ${wanted}`, example });
  }
  const value = isNumber(rateText) ? Number(rateText) : NaN;
  if (!(value >= 0)) {
    problems.push({ line: raw.line, message: `requests per second "${rateText}" is not a number >= 0`, example });
  }
  return Number.isFinite(minute) && value >= 0 ? [{ line: raw.line, minute, value }] : [];
}

/** Rows must go forward by the same step (to the second for timestamps, to 1e-6 min for minutes). */
function checkSpacing(rows: Row[], useIso: boolean, problems: LoadCsvProblem[]): void {
  const example = useIso ? EXAMPLE_ISO : EXAMPLE_MINUTES;
  const step = rows[1]!.minute - rows[0]!.minute;
  const tolerance = useIso ? 1 / 120 : 1e-6;
  for (let i = 1; i < rows.length; i++) {
    const gap = rows[i]!.minute - rows[i - 1]!.minute;
    if (gap <= 0) {
      problems.push({ line: rows[i]!.line, message: `time does not move forward from line ${rows[i - 1]!.line} (rows must be ascending, one per step)`, example });
    } else if (Math.abs(gap - step) > tolerance) {
      problems.push({
        line: rows[i]!.line,
        message: `step of ${formatMinutes(gap)} after line ${rows[i - 1]!.line}, but the first rows are ${formatMinutes(step)} apart (fill gaps so rows are evenly spaced)`,
        example,
      });
    }
  }
}

function isoMinutes(text: string): number {
  if (!ISO_PATTERN.test(text)) return NaN;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(text) && text.length > 10;
  const normalized = text.length === 10 ? `${text}T00:00:00Z` : hasZone ? text.replace(' ', 'T') : `${text.replace(' ', 'T')}Z`;
  return Date.parse(normalized) / 60_000;
}

function isNumber(text: string): boolean {
  return text.trim() !== '' && Number.isFinite(Number(text));
}

function formatMinutes(minutes: number): string {
  return minutes >= 1 ? `${Number(minutes.toFixed(3))} min` : `${Number((minutes * 60).toFixed(3))} s`;
}
