/**
 * A load series attached to a question in Slack: the first CSV or plain-text file on a mention, DM or
 * thread reply (`files` on the message event) is downloaded with the bot token (files:read) and read by
 * the same parser as the CLI's --load-csv (traffic-csv/load-series.ts), so a malformed file gets the
 * same line-numbered problems. A file over MAX_LOAD_CSV_BYTES is refused with the limit, before or while
 * downloading. Other files (images, PDFs) are not ours to read and are ignored.
 */
import type { LoadSeries } from '../advice/workload-draft.ts';
import { loadSeriesFromCsv } from '../traffic-csv/load-series.ts';
import type { QueryProblem } from './advisor.ts';
import { FileDownloadError } from './file-download.ts';
import type { SlackOps } from './slack-ops.ts';

/** 2 MB: about 70,000 rows of `2025-03-03T14:00:00Z,42.5`, seven weeks of minutes; more belongs in a coarser step. */
export const MAX_LOAD_CSV_BYTES = 2_000_000;

const EXAMPLE = 'a file traffic.csv with rows like 2025-03-03T14:00:00Z,42.5 (time, requests/s)';

export type AttachedLoad =
  | { readonly kind: 'none' }
  | { readonly kind: 'series'; readonly series: LoadSeries }
  | { readonly kind: 'problems'; readonly problems: readonly QueryProblem[] };

interface SlackFile {
  readonly name: string;
  readonly url: string;
  readonly sizeBytes: number | undefined;
}

const CSV_TYPES = new Set(['csv', 'text', 'tsv']);
const CSV_MIME = /^(text\/(csv|plain|tab-separated-values)|application\/(csv|vnd\.ms-excel))\b/i;

/** The first file on the event that could be a load series, with the URL to fetch it from. */
export function loadFileOf(files: unknown): SlackFile | null {
  if (!Array.isArray(files)) return null;
  for (const raw of files as unknown[]) {
    if (typeof raw !== 'object' || raw === null) continue;
    const f = raw as { name?: unknown; filetype?: unknown; mimetype?: unknown; size?: unknown; url_private_download?: unknown; url_private?: unknown };
    const name = typeof f.name === 'string' && f.name !== '' ? f.name.slice(0, 120) : 'attached file';
    const looksLikeCsv = (typeof f.filetype === 'string' && CSV_TYPES.has(f.filetype)) || (typeof f.mimetype === 'string' && CSV_MIME.test(f.mimetype)) || /\.(csv|tsv|txt)$/i.test(name);
    const url = typeof f.url_private_download === 'string' ? f.url_private_download : typeof f.url_private === 'string' ? f.url_private : null;
    if (looksLikeCsv && url) return { name, url, sizeBytes: typeof f.size === 'number' ? f.size : undefined };
  }
  return null;
}

/** The event's load series, 'none' when it carries no CSV, or what is wrong with the file. */
export async function attachedLoad(files: unknown, ops: Pick<SlackOps, 'downloadFile'>, maxBytes = MAX_LOAD_CSV_BYTES): Promise<AttachedLoad> {
  const file = loadFileOf(files);
  if (!file) return { kind: 'none' };
  const tooLarge = (): AttachedLoad => problem(file.name, `the file is larger than the ${formatBytes(maxBytes)} I read; send a coarser step (e.g. 5-minute or hourly rows)`);
  if (file.sizeBytes !== undefined && file.sizeBytes > maxBytes) return tooLarge();
  let bytes: Buffer;
  try {
    bytes = await ops.downloadFile(file.url, maxBytes);
  } catch (error) {
    if (!(error instanceof FileDownloadError)) throw error;
    if (error.reason === 'too-large') return tooLarge();
    return problem(file.name, `I could not download it: ${error.message}`);
  }
  const read = loadSeriesFromCsv(bytes.toString('utf8'), file.name);
  if (!read.ok) return { kind: 'problems', problems: read.problems.map((p) => ({ fragment: p.fragment, message: p.message, example: p.example })) };
  return { kind: 'series', series: read.series };
}

function problem(name: string, message: string): AttachedLoad {
  return { kind: 'problems', problems: [{ fragment: name, message, example: EXAMPLE }] };
}

function formatBytes(bytes: number): string {
  return bytes >= 1e6 ? `${Number((bytes / 1e6).toPrecision(3))} MB` : `${Math.round(bytes / 1e3)} kB`;
}
