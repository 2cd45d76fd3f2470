import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Suites that start servers pick their own ports; running files in parallel on two cores is fine.
    pool: 'forks',
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
