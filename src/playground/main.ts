/**
 * `npm run playground`: the real tokcost Slack app and a local stand-in for Slack, with a page on
 * http://127.0.0.1:<port>/ to try it without a workspace. No tokens, no network beyond loopback.
 */
import { loadPlaygroundConfig, PlaygroundConfigError } from './playground-config.ts';
import { startPlayground } from './playground.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = loadPlaygroundConfig(process.env);
  } catch (error) {
    if (!(error instanceof PlaygroundConfigError)) throw error;
    process.stderr.write(`tokcost playground: ${error.message}\n`);
    process.exit(78);
  }
  const playground = await startPlayground({ port: config.port, logLevel: config.logLevel });
  process.stdout.write(
    `tokcost playground: ${playground.url}\n` +
      '  the real tokcost app, talking to a local stand-in for Slack (not Slack itself)\n' +
      '  try: /tokcost help   /tokcost (the form)   @tokcost gpt-oss-120b, 2k in / 400 out, 30 rps\n' +
      '  Ctrl+C to stop\n',
  );
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    playground
      .stop()
      .catch((error: unknown) => process.stderr.write(`error while stopping: ${String(error)}\n`))
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`tokcost playground: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
