import { hostLeftovers, newSince } from './host-leftovers.js';

/**
 * Vitest global setup: after every run, no vpcpeer namespace, link or nft table is left in the
 * host's network namespace (issue 15's cleanup condition, for every suite at once). What was
 * there before the run (another run's, or an earlier crash's) is not this run's to answer for.
 */
export default function setup(): () => void {
  const before = hostLeftovers();
  return () => {
    const left = newSince(before, hostLeftovers());
    if (left.length === 0) return;
    // Vitest only logs a teardown's error ("error during close") and exits 0: fail the run here.
    console.error(`FAILED: the test run left these in the host's network namespace: ${left.join('; ')}`);
    process.exitCode = 1;
  };
}
