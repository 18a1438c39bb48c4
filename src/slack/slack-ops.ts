/** The few Web API calls tokcost makes, each behind bounded retries. */
import type { KnownBlock, View } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { uploadChartInSteps } from './chart-upload.ts';
import { downloadSlackFile } from './file-download.ts';
import { DEFAULT_RETRY, type RetryPolicy, withSlackRetry } from './slack-retry.ts';

export interface MessageArgs {
  readonly channel: string;
  readonly text: string;
  readonly blocks?: KnownBlock[];
  readonly threadTs?: string;
}

export interface Posted {
  readonly ts: string;
  /** The channel Slack posted in: a DM's D… id when the message was sent to a user id. */
  readonly channel: string;
}

export interface SlackOps {
  /** Posts a message; returns its ts and the channel it landed in. */
  postMessage(args: MessageArgs): Promise<Posted>;
  postEphemeral(args: MessageArgs & { readonly user: string }): Promise<void>;
  openView(triggerId: string, view: View): Promise<void>;
  /**
   * Whether the bot is a member of a channel (conversations.info, channels:read): false means a card
   * posted there (chat:write.public) gets no follow-ups. Undefined when Slack would not say.
   */
  isMember(channel: string): Promise<boolean | undefined>;
  publishHome(userId: string, view: View): Promise<void>;
  /** getUploadURLExternal, POST, completeUploadExternal (shared into the thread), each step retried on its own; throws ChartUploadError. */
  uploadChart(args: { readonly channel: string; readonly threadTs: string; readonly png: Buffer; readonly title: string }): Promise<void>;
  /** A file shared with the bot (url_private_download, files:read), at most `maxBytes`; throws FileDownloadError. */
  downloadFile(url: string, maxBytes: number): Promise<Buffer>;
}

export function createSlackOps(client: WebClient, policy: RetryPolicy = DEFAULT_RETRY): SlackOps {
  const retry = <T>(call: () => Promise<T>) => withSlackRetry(call, policy);
  /** Calls that post something: never retried once Slack may have acted (no duplicate posts). */
  const post = <T>(call: () => Promise<T>) => withSlackRetry(call, policy, false);
  return {
    async postMessage({ channel, text, blocks, threadTs }) {
      const result = await post(() =>
        client.chat.postMessage({ channel, text, ...(blocks ? { blocks } : {}), ...(threadTs ? { thread_ts: threadTs } : {}), unfurl_links: false }),
      );
      return { ts: String(result.ts ?? ''), channel: typeof result.channel === 'string' && result.channel !== '' ? result.channel : channel };
    },
    async postEphemeral({ channel, user, text, blocks, threadTs }) {
      await post(() => client.chat.postEphemeral({ channel, user, text, ...(blocks ? { blocks } : {}), ...(threadTs ? { thread_ts: threadTs } : {}) }));
    },
    async openView(triggerId, view) {
      // trigger_id expires after 3 s: a single quick retry at most.
      await withSlackRetry(() => client.views.open({ trigger_id: triggerId, view }), { ...policy, attempts: Math.min(policy.attempts, 2), maxRetryAfterSeconds: 1 });
    },
    async isMember(channel) {
      try {
        const info = await retry(() => client.conversations.info({ channel }));
        const c = info.channel as { is_member?: unknown; is_channel?: unknown } | undefined;
        return typeof c?.is_member === 'boolean' ? c.is_member : undefined;
      } catch {
        return undefined; // missing scope, unknown channel, Slack down: the card just doesn't say
      }
    },
    async publishHome(userId, view) {
      await retry(() => client.views.publish({ user_id: userId, view }));
    },
    async uploadChart(upload) {
      await uploadChartInSteps(client, upload, policy);
    },
    async downloadFile(url, maxBytes) {
      return downloadSlackFile(url, { token: client.token, apiUrl: client.slackApiUrl, maxBytes });
    },
  };
}
