/**
 * Composition root for the Slack app (`npm start`): config -> logger -> store (Postgres with
 * DATABASE_URL, else SQLite) -> advisor (on a
 * pool of worker threads, or in-process with TOKCOST_ADVISOR_WORKERS=0) -> Bolt app. Bad configuration
 * ends the process with a message naming the variable, no stack trace; so does a Slack that stays
 * unreachable (auth.test retried with backoff, each retry said) or refuses the token, and a store that
 * cannot be opened (one line naming it, the reason and the fix). SIGTERM/SIGINT stop taking
 * requests, let in-flight answers finish (up to 25 s), then close the pool and the store.
 */
import { ConfigError, configSummary, loadConfig, type Config } from '../config.ts';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openStore } from '../store/open-store.ts';
import { StoreError } from '../store/store-errors.ts';
import type { TokcostStore } from '../store/store.ts';
import type { Advisor } from './advisor.ts';
import { createAdvisorPool } from './advisor-pool.ts';
import { createTokcostApp } from './app.ts';
import { createLogger } from './logger.ts';
import { authTestWithRetry, StartupError } from './startup-auth.ts';

const DRAIN_MS = 25_000;

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee docs/slack.md for where each value comes from.\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

async function storeOrExit(config: Config, logger: ReturnType<typeof createLogger>): Promise<TokcostStore> {
  try {
    return await openStore({
      ...(config.databaseUrl === undefined ? {} : { databaseUrl: config.databaseUrl }),
      sqlitePath: config.dbPath,
      onIdleError: (error) => logger.warn({ err: error }, 'a database connection failed; the pool will reconnect'),
    });
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    logger.fatal({ fault: error.fault }, 'cannot open the store');
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

const CALIBRATION = fileURLToPath(new URL('../../data/calibration.json', import.meta.url));

async function main(): Promise<void> {
  const config = configOrExit();
  const secrets = [config.slack.botToken, ...(config.slack.signingSecret ? [config.slack.signingSecret] : []), ...(config.slack.appToken ? [config.slack.appToken] : [])];
  const logger = createLogger(config.logLevel, undefined, secrets);
  logger.info({ config: configSummary(config) }, 'starting tokcost Slack app');
  const store = await storeOrExit(config, logger);
  const identity = await authTestWithRetry({
    botToken: config.slack.botToken,
    ...(config.slack.apiUrl ? { apiUrl: config.slack.apiUrl } : {}),
    say: (line) => process.stderr.write(`${line}\n`),
  });
  logger.info({ botUserId: identity.botUserId, teamId: identity.teamId }, 'bot token verified (auth.test)');
  if (!existsSync(CALIBRATION)) {
    // Uncalibrated estimates can rank platforms differently: never let that pass quietly.
    logger.warn({ path: CALIBRATION }, 'no calibration');
    process.stderr.write(`tokcost: ${CALIBRATION} is missing, so answers use uncalibrated spec-only estimates and may rank platforms differently; run \`npm run calibrate\` to create it.\n`);
  }
  const now = () => new Date();
  let advisor: Advisor & { close?: () => Promise<void> };
  try {
    // With a pool, this thread never loads the engine, catalog or canvas (memory): only the workers do.
    advisor = config.advisorWorkers > 0 ? await createAdvisorPool({ size: config.advisorWorkers, now }) : await (await import('./load-real-advisor.ts')).loadRealAdvisor({ now });
  } catch (error) {
    logger.fatal({ err: error }, 'cannot load the catalog or engine');
    process.stderr.write(`tokcost cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    await store.close();
    process.exit(1);
  }
  const app = createTokcostApp({ config, store, advisor, logger, botId: identity.botId, botUserId: identity.botUserId });
  const { port } = await app.start();
  // Scheduled price refresh (TOKCOST_REFRESH_CRON): the workers reload data/ after prices change.
  const refresh = config.refreshCron === undefined ? undefined : (await import('../refresh/schedule.ts')).schedulePriceRefresh({
    cron: config.refreshCron,
    logger,
    onWritten: () => ('reload' in advisor && typeof advisor.reload === 'function' ? advisor.reload() : logger.warn({}, 'prices refreshed; the in-process advisor (TOKCOST_ADVISOR_WORKERS=0) uses them after a restart')),
  });
  logger.info(
    config.slack.appToken
      ? { mode: 'socket', port, health: '/healthz', advisorWorkers: config.advisorWorkers }
      : { mode: 'http', port, host: config.host ?? '(all)', events: '/slack/events', health: '/healthz', advisorWorkers: config.advisorWorkers },
    'tokcost is listening',
  );

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, inFlight: app.inFlight }, 'shutting down: finishing in-flight answers');
    app
      .drain(DRAIN_MS)
      .then((drained) => logger.info({ drained, inFlight: app.inFlight }, drained ? 'in-flight work finished' : 'gave up waiting for in-flight work'))
      .catch((error: unknown) => logger.warn({ err: error }, 'error while stopping'))
      .then(() => {
        refresh?.stop();
        return advisor.close?.();
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'error while closing the advisor pool'))
      .then(() => store.close())
      .catch((error: unknown) => logger.warn({ err: error }, 'error while closing the store'))
      .finally(() => {
        logger.info('stopped');
        process.exit(0);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof StartupError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(69); // EX_UNAVAILABLE
  }
  process.stderr.write(`tokcost: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
