/**
 * Structured logs with pino; tokens, secrets and auth headers are redacted wherever they appear.
 * `boltLogger` adapts a pino logger to the Logger interface Bolt and the Web API client expect.
 */
import type { Logger as BoltLogger, LogLevel } from '@slack/bolt';
import { pino, type DestinationStream, type Logger } from 'pino';

export const REDACT_PATHS = [
  'token', '*.token', '*.*.token',
  'botToken', '*.botToken', '*.*.botToken',
  'appToken', '*.appToken', '*.*.appToken',
  'signingSecret', '*.signingSecret', '*.*.signingSecret',
  'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization',
  'response_url', '*.response_url', 'trigger_id', '*.trigger_id',
];

const TOKEN_PATTERN = /\b(xox[abposre]|xapp)-[A-Za-z0-9-]+/g;
const BEARER_PATTERN = /(Bearer\s+)[^\s"',]+/gi;

/** Scrubs anything that looks like a Slack token, a bearer credential, or one of the given secrets. */
export function scrubSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(TOKEN_PATTERN, '$1-[redacted]').replace(BEARER_PATTERN, '$1[redacted]');
  for (const secret of secrets) if (secret.length >= 6) out = out.replaceAll(secret, '[redacted]');
  return out;
}

/**
 * A pino logger whose every line passes through `scrubSecrets` before it is written: the redact paths
 * catch known fields, the scrub catches tokens and secrets wherever else they turn up (error messages,
 * nested request configs, Bolt's free-form strings).
 */
export function createLogger(level: string, destination?: DestinationStream, secrets: readonly string[] = []): Logger {
  const target = destination ?? pino.destination(1);
  const scrubbed: DestinationStream = { write: (line: string) => target.write(scrubSecrets(line, secrets)) };
  return pino({ name: 'tokcost', level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, scrubbed);
}

/** Bolt logs free-form strings; scrub anything that looks like a Slack token. */
const scrub = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? scrubSecrets(a) : a)).join(' ');

export function boltLogger(logger: Logger): BoltLogger {
  let child = logger.child({ component: 'bolt' });
  let level = logger.level as LogLevel;
  return {
    debug: (...msg: unknown[]) => child.debug(scrub(msg)),
    info: (...msg: unknown[]) => child.info(scrub(msg)),
    warn: (...msg: unknown[]) => child.warn(scrub(msg)),
    error: (...msg: unknown[]) => child.error(scrub(msg)),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: (name: string) => {
      child = logger.child({ component: name });
    },
  };
}
