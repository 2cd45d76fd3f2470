import { defineConfig } from 'vitest/config';
import HeavyFirstSequencer from './test/support/heavy-first-sequencer.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous: suites drive real clients (AWS CLI, python, terraform, chromium) on two cores.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // Suites that start servers pick their own ports; running files in parallel on two cores is fine.
    pool: 'forks',
    // The project pins Node 20 (see README); the SDK's once-per-process notice about Node 22
    // would otherwise print in every test file.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    // Most suites wait on child processes (servers, the AWS CLI, python, terraform) rather than
    // compute, so a few files at once finish sooner than one at a time on two cores.
    maxWorkers: 3,
    // Long chains of child processes first (see the sequencer).
    sequence: { sequencer: HeavyFirstSequencer },
    reporters: ['default', './test/support/summary-reporter.ts'],
    // Fails the run if any suite left a vpcpeer namespace, link or nft table on the host.
    globalSetup: ['./test/support/host-leftovers-setup.ts'],
  },
});
