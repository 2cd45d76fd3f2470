import { readFileSync } from 'node:fs';

/** Clock ticks per second for /proc's CPU times: 100 on every Linux this runs on (USER_HZ). */
const TICKS = 100;

/** User plus system CPU seconds a process (all its threads) has used so far, from /proc. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}

/**
 * How busy a process was while `work` ran: CPU seconds used over wall seconds (1.0 is one core
 * fully busy). A Node server's JavaScript runs on one thread, so near 1.0 means the server, not
 * the load generator, was the limit.
 */
export async function measureBusy<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; busy: number }> {
  const cpu0 = cpuSeconds(pid);
  const t0 = performance.now();
  const result = await work();
  const busy = (cpuSeconds(pid) - cpu0) / ((performance.now() - t0) / 1000);
  return { result, busy };
}
