import { spawnSync } from 'node:child_process';

/**
 * Whether an external client (aws, python3 with boto3, terraform, chromium) is here. In CI
 * (CI=true) a missing tool fails the run loudly; elsewhere the suite skips and says why.
 */
export function toolAvailable(name: string, probe: readonly string[]): boolean {
  const r = spawnSync(probe[0] as string, probe.slice(1), { encoding: 'utf8' });
  const ok = r.status === 0;
  if (!ok) {
    const why = `${name} is not available (${probe.join(' ')} failed: ${r.error?.message ?? r.stderr?.trim() ?? 'exit ' + r.status})`;
    if (process.env.CI === 'true') throw new Error(`${why}; CI must install it`);
    console.warn(`SKIPPING ${name} suite: ${why}`);
  }
  return ok;
}
