/** What to tell the thread when its chart did not (surely) arrive: the real cause, not always "invite me". */
import { CHART_HINT } from './help-blocks.ts';

export interface ChartFailure {
  /** Slack's error name, or 'timeout', 'ratelimited', 'http_500'... */
  readonly reason: string;
  /** The share step may have worked after all. */
  readonly unconfirmed: boolean;
}

const NOT_A_MEMBER = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);
const NO_PERMISSION = new Set(['missing_scope', 'not_allowed_token_type', 'restricted_action', 'no_permission', 'file_uploads_disabled', 'file_uploads_except_images_disabled']);

export function chartFailureText(failure: ChartFailure): string {
  const { reason, unconfirmed } = failure;
  if (unconfirmed) {
    return `Slack did not confirm the chart upload (${reason === 'timeout' ? 'no answer in time' : `it answered ${reason.replace('http_', 'HTTP ')}`}), so I did not send it again: it may still appear in this thread. If it doesn’t, ask again in a minute.`;
  }
  if (NOT_A_MEMBER.has(reason)) return CHART_HINT;
  if (reason === 'ratelimited') return 'Slack is limiting file uploads right now, so this answer has no chart. Ask again in a minute for one.';
  if (reason === 'timeout') return 'Slack did not answer in time while I uploaded the chart, so this answer has no chart. Ask again in a minute for one.';
  if (NO_PERMISSION.has(reason)) return `I may not upload files here (Slack said \`${reason}\`), so this answer has no chart. A workspace admin can allow it (the app needs files:write).`;
  return `I couldn’t attach the chart (Slack said \`${reason.replace(/[`<>&]/g, '')}\`). Ask again in a minute for one.`;
}
