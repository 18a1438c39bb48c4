/**
 * Composition root for the Slack app (`npm start`): config -> logger -> SQLite store -> real advisor
 * -> Bolt app. Bad configuration ends the process with a message naming the variable, no stack trace.
 */
import { ConfigError, configSummary, loadConfig, type Config } from '../config.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import { createTokcostApp } from './app.ts';
import { loadRealAdvisor } from './load-real-advisor.ts';
import { createLogger } from './logger.ts';

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

async function main(): Promise<void> {
  const config = configOrExit();
  const logger = createLogger(config.logLevel);
  logger.info({ config: configSummary(config) }, 'starting tokcost Slack app');
  const store = openSqliteStore({ path: config.dbPath });
  let advisor;
  try {
    advisor = await loadRealAdvisor();
  } catch (error) {
    logger.fatal({ err: error }, 'cannot load the catalog or engine');
    process.stderr.write(`tokcost cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    store.close();
    process.exit(1);
  }
  const app = createTokcostApp({ config, store, advisor, logger });
  const { port } = await app.start();
  logger.info(port === undefined ? { mode: 'socket' } : { mode: 'http', port, events: '/slack/events', health: '/healthz' }, 'tokcost is listening');

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    app
      .stop()
      .catch((error: unknown) => logger.warn({ err: error }, 'error while stopping'))
      .finally(() => {
        store.close();
        process.exit(0);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`tokcost: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
