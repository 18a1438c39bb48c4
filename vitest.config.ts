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
  },
});
