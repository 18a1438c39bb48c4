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

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ name: 'tokcost', level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, destination);
}

const TOKEN_PATTERN = /\b(xox[abposr]|xapp)-[A-Za-z0-9-]+/g;
/** Bolt logs free-form strings; scrub anything that looks like a Slack token. */
const scrub = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a.replace(TOKEN_PATTERN, '$1-[redacted]') : a)).join(' ');

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
