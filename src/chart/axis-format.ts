/** Tick labels for time axes measured in minutes from the start of the horizon, and money labels (pure). */
import { formatDollars } from '../format.ts';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** 840 -> "14:00"; wraps every day. */
export function clockLabel(minutes: number): string {
  const inDay = ((Math.round(minutes) % 1440) + 1440) % 1440;
  const hours = Math.floor(inDay / 60);
  return `${String(hours).padStart(2, '0')}:${String(inDay % 60).padStart(2, '0')}`;
}

/** 2160 -> "Tue 12:00"; day 0 is Monday (weeks start Monday 00:00 UTC). */
export function weekdayClockLabel(minutes: number): string {
  const day = Math.floor(Math.round(minutes) / 1440);
  return `${WEEKDAYS[((day % 7) + 7) % 7]} ${clockLabel(minutes)}`;
}

/** A money amount for labels, by the one money rule the CLI and Slack use: "$0.42", "$0.052", "$12.40", "$1,461". */
export const dollarsLabel = formatDollars;
