/** Requests signed the way Slack signs them: v0=HMAC-SHA256(secret, `v0:{timestamp}:{rawBody}`). */
import { createHmac } from 'node:crypto';

export const signature = (secret: string, timestamp: number, rawBody: string): string =>
  `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;

export interface SignedResponse {
  readonly status: number;
  readonly text: string;
  readonly json: () => unknown;
  readonly elapsedMs: number;
}

export interface SignOptions {
  readonly secret: string;
  /** Seconds since the epoch; default now. */
  readonly timestamp?: number;
  /** Overrides the computed signature (bad-signature tests). */
  readonly signature?: string;
  readonly headers?: Record<string, string>;
}

export async function postSigned(url: string, rawBody: string, contentType: string, options: SignOptions): Promise<SignedResponse> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? signature(options.secret, timestamp, rawBody),
      ...options.headers,
    },
    body: rawBody,
  });
  const text = await response.text();
  const elapsedMs = performance.now() - started;
  return { status: response.status, text, json: () => JSON.parse(text) as unknown, elapsedMs };
}

export const formBody = (fields: Record<string, string>): string => new URLSearchParams(fields).toString();
