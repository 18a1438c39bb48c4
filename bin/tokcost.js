#!/usr/bin/env node
// The `tokcost` command runs the compiled CLI in dist/ (`npm run build`; `npm ci` builds it through
// `prepare`). Where dist/ was never built (`npm ci --ignore-scripts`), it runs the sources through tsx
// instead and says so. After editing src/, run `npm run build` (or use `npm run tokcost`, which always
// runs the sources).
import { existsSync } from 'node:fs';

// `tokcost ... | head` closes the pipe early: stop quietly instead of printing an EPIPE stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

if (existsSync(new URL('../dist/.build-stamp', import.meta.url))) {
  await import('../dist/cli/main.js');
} else {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write('tokcost: dist/ is not built; run `npm run build` first.\n');
    process.exit(70);
  }
  process.stderr.write('tokcost: dist/ is not built, so the sources run through tsx (slower); `npm run build` makes it fast.\n');
  register();
  await import('../src/cli/main.ts');
}
