/** The playground's few settings, read from an environment passed in (main.ts passes process.env). */

export interface PlaygroundConfig {
  /** 0 = any free port. */
  readonly port: number;
  readonly logLevel: string;
}

const LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

export class PlaygroundConfigError extends Error {}

/** PLAYGROUND_PORT, else PORT, else 0; LOG_LEVEL (default warn: the page shows the activity). */
export function loadPlaygroundConfig(env: Readonly<Record<string, string | undefined>>): PlaygroundConfig {
  const rawPort = (env.PLAYGROUND_PORT ?? env.PORT ?? '0').trim() || '0';
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port > 65535) {
    throw new PlaygroundConfigError(`${env.PLAYGROUND_PORT !== undefined ? 'PLAYGROUND_PORT' : 'PORT'} must be a port number from 0 to 65535 (0 = any free port), not "${rawPort}"`);
  }
  const logLevel = (env.LOG_LEVEL ?? 'warn').trim() || 'warn';
  if (!LEVELS.has(logLevel)) throw new PlaygroundConfigError(`LOG_LEVEL must be one of ${[...LEVELS].join(', ')}`);
  return { port, logLevel };
}
