/** Workspace settings as a message. */
import type { SettingsChange, WorkspaceSettings } from '../../store/store.ts';
import { formatDollars } from './format-slack.ts';
import { context, section, type SlackMessage } from './message.ts';

export function describeSettingsLines(settings: WorkspaceSettings): string[] {
  const lines = Object.entries(settings.dollarsPerGpuHour).map(([platform, dollars]) => `• ${platform}: ${formatDollars(dollars)} / GPU-hour`);
  if (settings.dollarsPerKwh !== undefined) lines.push(`• power: ${formatDollars(settings.dollarsPerKwh)} / kWh`);
  return lines;
}

/** "price h100-sxm $2.10 → $1.90 by <@U1>, 2026-12-03 11:02 UTC" */
export function describeChange(change: SettingsChange): string {
  const money = (value: string | undefined) => (value === undefined ? 'none' : formatDollars(Number(value)));
  const what = change.setting === 'reset' ? 'reset every setting' : `${change.setting} ${money(change.before)} → ${money(change.after)}`;
  return `${what} by <@${change.userId}>, ${change.changedAt.slice(0, 16).replace('T', ' ')} UTC`;
}

export function settingsMessage(settings: WorkspaceSettings, headline = '*Workspace settings*', history: readonly SettingsChange[] = []): SlackMessage {
  const lines = describeSettingsLines(settings);
  const body = lines.length > 0 ? lines.join('\n') : '_None: answers use catalog prices._';
  const stamp = settings.updatedAt ? [`Last changed ${settings.updatedAt.slice(0, 10)}`] : [];
  return {
    text: `${headline.replaceAll('*', '')}: ${lines.length > 0 ? lines.map((l) => l.slice(2)).join(', ') : 'none'}`,
    blocks: [
      section(`${headline}\n${body}`),
      ...(history.length > 0 ? [context([`*Recent changes*\n${history.map((c) => `• ${describeChange(c)}`).join('\n')}`])] : []),
      context([...stamp, '`/tokcost set price h100-sxm 2.10` ($ per GPU-hour) · `/tokcost set power 0.12` ($ per kWh) · `/tokcost reset`']),
    ],
  };
}
