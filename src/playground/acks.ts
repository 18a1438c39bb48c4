/** What Slack does with an app's ack body: parse it, and show a slash command's reply. */
import type { ConversationStore } from './conversation-store.ts';
import { BOT_ID, BOT_USER_ID } from './ids.ts';

/** An ack body as JSON; plain text becomes { text }; an empty body (a bare ack) is undefined. */
export function parseAckBody(body: string): Record<string, unknown> | undefined {
  if (body.trim() === '') return undefined;
  try {
    const parsed = JSON.parse(body) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : { text: body };
  } catch {
    return { text: body };
  }
}

/** A slash command acked with a message: only its user sees it, unless it says in_channel. */
export function applyCommandAck(store: ConversationStore, ack: Record<string, unknown> | undefined, where: { channel: string; user: string; threadTs?: string }): void {
  if (!ack || (typeof ack.text !== 'string' && !Array.isArray(ack.blocks))) return;
  store.addMessage({
    channel: where.channel,
    user: BOT_USER_ID,
    botId: BOT_ID,
    text: typeof ack.text === 'string' ? ack.text : '',
    ...(Array.isArray(ack.blocks) ? { blocks: ack.blocks } : {}),
    ...(where.threadTs ? { threadTs: where.threadTs } : {}),
    ...(ack.response_type === 'in_channel' ? {} : { ephemeralTo: where.user }),
  });
}
