/** Workspace settings as a message. */
import type { WorkspaceSettings } from '../../store/store.ts';
import { formatDollars } from './format-slack.ts';
import { context, section, type SlackMessage } from './message.ts';

export function describeSettingsLines(settings: WorkspaceSettings): string[] {
  const lines = Object.entries(settings.dollarsPerGpuHour).map(([platform, dollars]) => `• ${platform}: ${formatDollars(dollars)} / GPU-hour`);
  if (settings.dollarsPerKwh !== undefined) lines.push(`• power: ${formatDollars(settings.dollarsPerKwh)} / kWh`);
  return lines;
}

export function settingsMessage(settings: WorkspaceSettings, headline = '*Workspace settings*'): SlackMessage {
  const lines = describeSettingsLines(settings);
  const body = lines.length > 0 ? lines.join('\n') : '_None: answers use catalog prices._';
  const stamp = settings.updatedAt ? [`Last changed ${settings.updatedAt.slice(0, 10)}`] : [];
  return {
    text: `${headline.replaceAll('*', '')}: ${lines.length > 0 ? lines.map((l) => l.slice(2)).join(', ') : 'none'}`,
    blocks: [
      section(`${headline}\n${body}`),
      context([...stamp, '`/tokcost set price h100-sxm 2.10` ($ per GPU-hour) · `/tokcost set power 0.12` ($ per kWh) · `/tokcost reset`']),
    ],
  };
}
