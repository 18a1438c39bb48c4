/**
 * `/tokcost settings | reset | set price | set power`: who may change them (settings-permission.ts),
 * bounds on every value (store/settings-bounds.ts), the write, and the reply showing the settings
 * with who changed what when. A write the store refuses (a full disk) says the setting was not saved.
 */
import type { WebClient } from '@slack/web-api';
import { GPU_PRICE_BOUND, POWER_PRICE_BOUND, outOfBounds } from '../store/settings-bounds.ts';
import { notSavedText } from '../store/store-errors.ts';
import type { WorkspaceSettings } from '../store/store.ts';
import type { Choice } from './advisor.ts';
import { noticeMessage } from './blocks/help-blocks.ts';
import type { SlackMessage } from './blocks/message.ts';
import { settingsMessage } from './blocks/settings-blocks.ts';
import type { CommandIntent } from './command-text.ts';
import type { ListenerDeps } from './deps.ts';
import { settingsRefusal } from './settings-permission.ts';

/** How many changes `settings` lists. */
export const HISTORY_SHOWN = 5;

export type SettingsIntent = Extract<CommandIntent, { kind: 'settings' | 'reset' | 'set-price' | 'set-power' }>;

export const isSettingsIntent = (intent: { readonly kind: string }): intent is SettingsIntent =>
  intent.kind === 'settings' || intent.kind === 'reset' || intent.kind === 'set-price' || intent.kind === 'set-power';

/** The platform id a user meant ("H100-SXM", "NVIDIA H100 SXM" -> "h100-sxm"); any id when the catalog lists none. */
export function resolvePlatform(platforms: readonly Choice[], name: string): string | undefined {
  if (platforms.length === 0) return name.toLowerCase();
  const wanted = name.toLowerCase();
  return platforms.find((p) => p.id.toLowerCase() === wanted || p.name.toLowerCase() === wanted)?.id;
}

interface Who {
  readonly client: WebClient;
  readonly teamId: string;
  readonly userId: string;
}

const shown = async (deps: ListenerDeps, teamId: string, settings: WorkspaceSettings, headline: string) =>
  settingsMessage(settings, headline, await deps.store.settingsHistory(teamId, HISTORY_SHOWN));

/** The reply to a settings command (always ephemeral). */
export async function settingsReply(deps: ListenerDeps, who: Who, intent: SettingsIntent): Promise<SlackMessage> {
  const { teamId, userId } = who;
  if (intent.kind === 'settings') return shown(deps, teamId, await deps.store.settings(teamId), '*Workspace settings*');
  const refused = await settingsRefusal(deps, who.client, teamId, userId);
  if (refused) return noticeMessage(refused);
  try {
    if (intent.kind === 'reset') {
      await deps.store.resetSettings(teamId, userId);
      return shown(deps, teamId, await deps.store.settings(teamId), '*Workspace settings cleared.*');
    }
    if (intent.kind === 'set-power') {
      const bad = outOfBounds('a power price', intent.dollarsPerKwh, POWER_PRICE_BOUND);
      if (bad) return noticeMessage(bad);
      return shown(deps, teamId, await deps.store.setPowerPrice(teamId, intent.dollarsPerKwh, userId), '*Saved.* Workspace settings');
    }
    const platforms = deps.advisor.vocabulary().platforms;
    const id = resolvePlatform(platforms, intent.platform);
    if (id === undefined) return noticeMessage(`I don’t know the platform “${intent.platform}”. Known platforms: ${platforms.map((p) => `\`${p.id}\``).join(', ')}.`);
    const bad = outOfBounds(`a price for ${id}`, intent.dollarsPerGpuHour, GPU_PRICE_BOUND);
    if (bad) return noticeMessage(bad);
    return shown(deps, teamId, await deps.store.setGpuPrice(teamId, id, intent.dollarsPerGpuHour, userId), '*Saved.* Workspace settings');
  } catch (error) {
    deps.logger.error({ err: error, teamId, intent: intent.kind }, 'could not save a workspace setting');
    return noticeMessage(notSavedText(error, intent.kind === 'reset' ? 'the reset' : 'the setting'));
  }
}
