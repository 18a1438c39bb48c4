import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Hang guards, not speed limits: a test may take several times longer on a busy 2-core machine
    // (the 50,000-input fuzz files take ~20 s alone, ~80 s with the suite beside them). How fast
    // things are is `npm run bench`'s job.
    testTimeout: 240_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores, which on the project's 2-core machine is a
    // single worker: the suite ran file after file (260 s). Two forks keep both cores busy (174 s).
    maxWorkers: 2,
    // No test mocks modules, stubs the environment or fakes timers, so a fork may run several files
    // without re-importing the engine and catalogs for each one (148 s instead of 174 s). A test that
    // starts doing so must restore what it changed in afterEach/afterAll.
    isolate: false,
  },
});
