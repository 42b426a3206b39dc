import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One temporary directory for the run, removed at its end (test/support/tmp.ts).
    globalSetup: ['test/support/tmp.ts'],
  },
});
