import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous: suites drive real clients (AWS CLI, python, terraform, chromium) on two cores.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // Suites that start servers pick their own ports; running files in parallel on two cores is fine.
    pool: 'forks',
    // Most suites wait on child processes (servers, the AWS CLI, python, terraform) rather than
    // compute, so a few files at once finish sooner than one at a time on two cores.
    maxWorkers: 3,
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
