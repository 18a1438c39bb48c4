/** The playground's one workspace: who and where, with Slack-shaped ids. */

export const TEAM_ID = 'T0PLAYGRND';
export const APP_ID = 'A0TOKCOST';
export const BOT_USER_ID = 'U0TOKCOST';
export const BOT_ID = 'B0TOKCOST';
export const BOT_NAME = 'tokcost';
/** The person at the keyboard. */
export const USER_ID = 'U0YOU';
export const USER_NAME = 'you';
export const COMMAND = '/tokcost';

export interface ChannelSeed {
  readonly id: string;
  readonly name: string;
  readonly kind: 'channel' | 'im';
  /** Private channels refuse posts from a bot that isn't a member (public ones allow chat:write.public). */
  readonly isPrivate?: boolean;
  /** Whether the bot was invited (uploads need membership; posting to public channels does not). */
  readonly botIsMember: boolean;
  readonly topic: string;
}

export const GENERAL: ChannelSeed = { id: 'C0GENERAL', name: 'general', kind: 'channel', botIsMember: true, topic: 'tokcost is a member here: answers, threads and charts' };
export const PRIVATE: ChannelSeed = {
  id: 'G0PRIVATE',
  name: 'private-no-bot',
  kind: 'channel',
  isPrivate: true,
  botIsMember: false,
  topic: 'A private channel tokcost was not invited to: /tokcost answers only you, with a Share button',
};
export const BOT_DM: ChannelSeed = { id: 'D0TOKCOST', name: BOT_NAME, kind: 'im', botIsMember: true, topic: 'Direct messages with tokcost' };

export const CHANNEL_SEEDS: readonly ChannelSeed[] = [GENERAL, PRIVATE, BOT_DM];

export const DISPLAY_NAMES: Readonly<Record<string, string>> = { [BOT_USER_ID]: BOT_NAME, [USER_ID]: USER_NAME };
