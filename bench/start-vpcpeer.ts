import { join, resolve } from 'node:path';
import { children } from './children.js';
import { LoadClient } from './load-client.js';
import { ProcessMemory } from './process-memory.js';
import { spawnServer } from './spawn-server.js';
import type { Target } from './types.js';

/** The compiled CLI, exactly what `npm start` runs. */
const CLI = resolve(import.meta.dirname, '../src/cli/main.js');

export interface VpcpeerOptions {
  readonly dataDir: string;
  readonly logDir: string;
  readonly connections: number;
  /** Extra node flags for the server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`. */
  readonly nodeArgs?: readonly string[];
}

export interface VpcpeerTarget extends Target {
  readonly startMs: number;
}

/**
 * `vpcpeer serve` on 127.0.0.1 with a free port, state in `dataDir` (the embedded SQLite store),
 * with its defaults otherwise, as users run it: log level info, a line per call (to the log file).
 */
export async function startVpcpeer(o: VpcpeerOptions): Promise<VpcpeerTarget> {
  const s = await spawnServer({
    command: process.execPath,
    args: [...(o.nodeArgs ?? []), CLI, 'serve', '--host', '127.0.0.1', '--port', '0', '--data-dir', o.dataDir],
    logFile: join(o.logDir, 'vpcpeer.log'),
    readyLine: /vpcpeer listening on (http:\/\/[^\s]+)/,
  });
  const pid = s.child.pid as number;
  return {
    kind: 'vpcpeer',
    url: s.url,
    pid,
    startMs: s.startMs,
    client: new LoadClient(s.url, o.connections),
    memory: new ProcessMemory(pid),
    stop: () => children.stop(s.child, 10_000),
  };
}
