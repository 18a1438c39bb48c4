/**
 * files.uploadV2 done step by step, each step retried on its own (the WebClient's one-call uploadV2
 * re-runs all three steps after a 429 on the last, leaving an orphan file):
 * 1. files.getUploadURLExternal: nothing is shared yet; any transient failure is retried.
 * 2. POST the bytes to the upload URL: re-POSTing to the same URL replaces them; retried likewise.
 * 3. files.completeUploadExternal shares the file into the thread: retried only after a 429 (or a
 *    connection refused), never after a 5xx or a timeout, which may have shared it already. Such a
 *    failure is reported as `unconfirmed`, so the user is told it may still appear, not that it failed.
 */
import type { WebClient } from '@slack/web-api';
import { isTimeout, type RetryPolicy, slackErrorName, withSlackRetry } from './slack-retry.ts';

export type ChartUploadStep = 'upload-url' | 'upload' | 'share';

/** Why a chart did not (surely) reach the thread. */
export class ChartUploadError extends Error {
  constructor(
    readonly step: ChartUploadStep,
    /** Slack's error name ('not_in_channel', 'ratelimited', 'timeout', 'http_500', ...). */
    readonly reason: string,
    /** The share step may have worked (5xx or timeout on complete): say so, do not claim failure. */
    readonly unconfirmed: boolean,
    override readonly cause?: unknown,
  ) {
    super(`chart ${step} failed: ${reason}${unconfirmed ? ' (may have been shared)' : ''}`);
    this.name = 'ChartUploadError';
  }
}

export interface ChartUpload {
  readonly channel: string;
  readonly threadTs: string;
  readonly png: Buffer;
  readonly title: string;
}

const FILENAME = 'tokcost-chart.png';

/** An HTTP failure of the upload POST, shaped like the WebClient's so the retry rules apply. */
function uploadHttpError(status: number): Error {
  return Object.assign(new Error(`upload answered HTTP ${status}`), { code: 'slack_webapi_http_error', statusCode: status });
}

const reasonOf = (error: unknown): string => {
  const e = error as { code?: string; statusCode?: number };
  if (e?.code === 'slack_webapi_http_error') return `http_${e.statusCode ?? 'error'}`;
  if (e?.code === 'slack_webapi_rate_limited_error') return 'ratelimited';
  return slackErrorName(error);
};

async function step<T>(name: ChartUploadStep, call: () => Promise<T>, policy: RetryPolicy, mode: 'any' | 'rate-limited'): Promise<T> {
  try {
    return await withSlackRetry(call, policy, mode);
  } catch (error) {
    const reason = reasonOf(error);
    const mayHaveActed = name === 'share' && (isTimeout(error) || reason.startsWith('http_5'));
    throw new ChartUploadError(name, reason, mayHaveActed, error);
  }
}

export async function uploadChartInSteps(client: WebClient, upload: ChartUpload, policy: RetryPolicy, timeoutMs = 10_000): Promise<void> {
  const target = await step('upload-url', () => client.files.getUploadURLExternal({ filename: FILENAME, length: upload.png.length }), policy, 'any');
  const url = target.upload_url;
  const fileId = target.file_id;
  if (typeof url !== 'string' || typeof fileId !== 'string') throw new ChartUploadError('upload-url', 'no_upload_url', false);
  await step(
    'upload',
    async () => {
      let response: Response;
      try {
        response = await fetch(url, { method: 'POST', body: upload.png, headers: { 'content-type': 'application/octet-stream' }, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
      } catch (error) {
        // Shaped like a WebClient request error: retried, and named 'timeout' when it timed out.
        throw Object.assign(new Error('upload request failed'), { code: 'slack_webapi_request_error', original: error });
      }
      await response.arrayBuffer();
      if (response.status !== 200) throw uploadHttpError(response.status);
    },
    policy,
    'any',
  );
  await step(
    'share',
    () => client.files.completeUploadExternal({ files: [{ id: fileId, title: upload.title }], channel_id: upload.channel, thread_ts: upload.threadTs }),
    policy,
    'rate-limited',
  );
}
