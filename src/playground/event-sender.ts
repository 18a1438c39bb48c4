/**
 * Sends requests to the app the way Slack does: POST to /slack/events with
 * x-slack-request-timestamp and x-slack-signature = v0=HMAC-SHA256(secret, `v0:{ts}:{rawBody}`),
 * so the app's own signature check runs unchanged.
 */
import { createHmac } from 'node:crypto';

export const slackSignature = (secret: string, timestampSeconds: number, rawBody: string): string =>
  `v0=${createHmac('sha256', secret).update(`v0:${timestampSeconds}:${rawBody}`).digest('hex')}`;

export interface AppResponse {
  readonly status: number;
  /** The ack body ('' for a bare ack). */
  readonly body: string;
  readonly elapsedMs: number;
}

export interface EventSender {
  /** A slash command (form-encoded fields). */
  command(fields: Record<string, string>): Promise<AppResponse>;
  /** An Events API envelope (JSON). */
  event(envelope: Record<string, unknown>): Promise<AppResponse>;
  /** block_actions, view_submission, view_closed (form field `payload` holding JSON). */
  interaction(payload: Record<string, unknown>): Promise<AppResponse>;
}

export interface EventSenderOptions {
  /** The app's events URL, e.g. http://127.0.0.1:1234/slack/events. */
  readonly url: string;
  readonly signingSecret: string;
  readonly now?: () => number;
  /** Slack gives up on an ack after 3 s; we wait a little longer, then report the failure. */
  readonly timeoutMs?: number;
}

export function createEventSender(options: EventSenderOptions): EventSender {
  const now = options.now ?? Date.now;
  const post = async (rawBody: string, contentType: string): Promise<AppResponse> => {
    const timestamp = Math.floor(now() / 1000);
    const started = performance.now();
    const response = await fetch(options.url, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': slackSignature(options.signingSecret, timestamp, rawBody),
      },
      body: rawBody,
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    const body = await response.text();
    return { status: response.status, body, elapsedMs: performance.now() - started };
  };
  const form = 'application/x-www-form-urlencoded';
  return {
    command: (fields) => post(new URLSearchParams(fields).toString(), form),
    event: (envelope) => post(JSON.stringify(envelope), 'application/json'),
    interaction: (payload) => post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), form),
  };
}
