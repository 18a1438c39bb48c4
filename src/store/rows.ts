/** Row <-> record conversions shared by the SQLite and Postgres stores (same tables, same columns). */
import { EMPTY_SETTINGS, type SettingsChange, type StoredAnswer, type WorkItem, type WorkspaceSettings } from './store.ts';

export interface AnswerRow {
  team_id: string;
  answer_id: string;
  channel_id: string;
  thread_ts: string | null;
  query_json: string;
  report_json: string;
  created_at: string;
}

export const toAnswer = (row: AnswerRow): StoredAnswer => ({
  teamId: row.team_id,
  answerId: row.answer_id,
  channelId: row.channel_id,
  ...(row.thread_ts === null ? {} : { threadTs: row.thread_ts }),
  query: JSON.parse(row.query_json) as unknown,
  report: JSON.parse(row.report_json) as unknown,
  createdAt: row.created_at,
});

export interface PriceRow {
  platform: string;
  dollars_per_gpu_hour: number;
  updated_at: string;
}
export interface PowerRow {
  dollars_per_kwh: number | null;
  updated_at: string;
}

export function toSettings(prices: readonly PriceRow[], power: PowerRow | undefined): WorkspaceSettings {
  if (prices.length === 0 && power === undefined) return EMPTY_SETTINGS;
  const stamps = [...prices.map((p) => p.updated_at), ...(power ? [power.updated_at] : [])].sort();
  return {
    dollarsPerGpuHour: Object.fromEntries(prices.map((p) => [p.platform, Number(p.dollars_per_gpu_hour)])),
    ...(power?.dollars_per_kwh == null ? {} : { dollarsPerKwh: Number(power.dollars_per_kwh) }),
    ...(stamps.length > 0 ? { updatedAt: stamps[stamps.length - 1] } : {}),
  };
}

export interface ChangeRow {
  changed_at: string;
  user_id: string;
  setting: string;
  before_value: string | null;
  after_value: string | null;
}

export const toChange = (row: ChangeRow): SettingsChange => ({
  changedAt: row.changed_at,
  userId: row.user_id,
  setting: row.setting,
  ...(row.before_value === null ? {} : { before: row.before_value }),
  ...(row.after_value === null ? {} : { after: row.after_value }),
});

export interface WorkRow {
  work_key: string;
  team_id: string;
  payload_json: string;
  owner: string;
  attempts: number;
}

export const toWork = (row: WorkRow): WorkItem => ({
  workKey: row.work_key,
  teamId: row.team_id,
  payload: JSON.parse(row.payload_json) as unknown,
  owner: row.owner,
  attempts: Number(row.attempts),
});

/** The number a setting change records (plain digits, as typed after rounding to cents of a cent). */
export const settingValue = (value: number | undefined): string | null => (value === undefined ? null : String(value));

/** Seconds until the oldest of `timesMs` leaves the window (at least 1). */
export const retryAfterSeconds = (oldestMs: number, nowMs: number, windowMs: number): number =>
  Math.max(1, Math.ceil((oldestMs + windowMs - nowMs) / 1000));
