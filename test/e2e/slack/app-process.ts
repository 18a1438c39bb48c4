/**
 * The Slack app as a child process (`node --max-semi-space-size=4 --import tsx src/slack/main.ts`, what `npm start` runs),
 * configured through its environment against a FakeSlack in the test process. Resolves once the app
 * logs that it is listening; `kill(signal)` resolves with the exit code/signal.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface AppProcess {
  readonly child: ChildProcess;
  readonly eventsUrl: string;
  readonly output: () => string;
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** `args` defaults to the sources through tsx; test/build runs the compiled `dist/slack/main.js` instead. */
export function startAppProcess(env: Record<string, string>, timeoutMs = 20_000, args: readonly string[] = ['--max-semi-space-size=4', '--import', 'tsx', 'src/slack/main.ts']): Promise<AppProcess> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`app did not start in ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /"port":(\d+)[^\n]*tokcost is listening/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        child,
        eventsUrl: `http://127.0.0.1:${match[1]}/slack/events`,
        output: () => out,
        kill: (signal) => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`app exited before listening:\n${out}`));
    });
  });
}
