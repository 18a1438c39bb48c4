/**
 * Who may change a workspace's settings: the user ids in TOKCOST_ADMINS when that is set, otherwise
 * the workspace's Slack admins and owners (users.info, scope users:read). Anyone else, or a request
 * whose workspace is unknown, is refused with the reason; a failed lookup refuses too (never
 * "allowed because we could not check").
 */
import type { WebClient } from '@slack/web-api';
import { UNKNOWN_TEAM, type ListenerDeps } from './deps.ts';
import { slackErrorName, withSlackRetry } from './slack-retry.ts';

const OWN_PRICES_HINT = 'You can still use your own prices in a question, e.g. _… h100 at $1.99/hr_.';

/** Undefined when `userId` may change settings in `teamId`; otherwise the refusal to show. */
export async function settingsRefusal(deps: ListenerDeps, client: WebClient, teamId: string, userId: string): Promise<string | undefined> {
  if (teamId === UNKNOWN_TEAM) return 'I can’t tell which workspace this came from, so I won’t change its settings.';
  if (deps.admins.length > 0) {
    if (deps.admins.includes(userId)) return undefined;
    return `Only this workspace’s tokcost admins can change its settings (${deps.admins.map((id) => `<@${id}>`).join(', ')}). ${OWN_PRICES_HINT}`;
  }
  try {
    const info = await withSlackRetry(() => client.users.info({ user: userId }), deps.retry);
    const user = info.user as { is_admin?: boolean; is_owner?: boolean; is_primary_owner?: boolean } | undefined;
    if (user?.is_admin || user?.is_owner || user?.is_primary_owner) return undefined;
    return `Only Slack workspace admins and owners can change tokcost’s workspace settings (or the people listed in TOKCOST_ADMINS). ${OWN_PRICES_HINT}`;
  } catch (error) {
    const reason = slackErrorName(error);
    deps.logger.warn({ teamId, slackError: reason }, 'could not check whether a user is a workspace admin');
    return `I couldn’t check that you are a workspace admin (Slack said \`${reason}\`), so I didn’t change anything. Whoever runs tokcost can add the \`users:read\` scope or list admins in TOKCOST_ADMINS.`;
  }
}
