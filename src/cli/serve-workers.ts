import cluster from 'node:cluster';

/** What a worker tells the primary once it listens. */
interface Listening {
  readonly vpcpeer: 'listening';
  readonly address: string;
}

const isListening = (m: unknown): m is Listening => typeof m === 'object' && m !== null && (m as { vpcpeer?: unknown }).vpcpeer === 'listening';

/** Whether this process is one of `serve --workers`'s workers. */
export const isServeWorker = (): boolean => cluster.isWorker;

/** A worker's report that it listens (the primary prints the one start-up line for all). */
export function reportListening(address: string): void {
  process.send?.({ vpcpeer: 'listening', address } satisfies Listening);
}

// A worker that keeps dying (a database gone for good, a bug at start) is not restarted forever.
const MAX_RESTARTS_PER_MINUTE = 10;

/**
 * `serve --workers N`: N copies of this server on one port (node:cluster hands connections to the
 * workers; a worker's `listen(0)` gets the port the first one got), so one machine's cores all
 * work. The state must be shared, so this is for PostgreSQL only (the caller checks). Resolves
 * with the address once every worker listens. A worker that dies is replaced; SIGINT or SIGTERM
 * stops them all, then this process.
 */
export function superviseWorkers(count: number, log: (line: string) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    let listening = 0;
    let stopping = false;
    let address: string | undefined;
    const deaths: number[] = [];
    const fork = (): void => {
      const worker = cluster.fork();
      worker.on('message', (m: unknown) => {
        if (!isListening(m)) return;
        address ??= m.address;
        listening++;
        if (listening === count) resolve(address);
      });
    };
    cluster.on('exit', (worker, code, signal) => {
      if (stopping) {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
        return;
      }
      const now = Date.now();
      deaths.push(now);
      while (deaths.length > 0 && (deaths[0] as number) < now - 60_000) deaths.shift();
      if (listening < count && address === undefined) {
        // A worker that could not start: the others would fail alike. Say why (its own stderr has it).
        reject(new Error(`a worker exited before listening (${signal ?? `code ${code}`})`));
        return;
      }
      if (deaths.length > MAX_RESTARTS_PER_MINUTE) {
        log(`vpcpeer: workers keep exiting (${deaths.length} in a minute); serving with the ones left`);
        return;
      }
      log(`vpcpeer: worker ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another`);
      fork();
    });
    const stop = (): void => {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {});
      if (workers.length === 0) process.exit(0);
      for (const w of workers) w?.process.kill('SIGTERM');
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    for (let i = 0; i < count; i++) fork();
  });
}
