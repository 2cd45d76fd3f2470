import { join, resolve } from 'node:path';
import { children } from './children.js';
import { LoadClient } from './load-client.js';
import { ProcessMemory } from './process-memory.js';
import { spawnServer } from './spawn-server.js';
import type { Target } from './types.js';

const SERVER = resolve(import.meta.dirname, 'ceiling-server.js');

export interface CeilingTarget extends Target {
  /** Sets the canned answers: one body per Action (the bodies vpcpeer gave for this workload). */
  setResponses(byAction: Readonly<Record<string, string>>): Promise<void>;
}

/** The bare Node `http` server (ceiling-server.ts) in its own process, like the servers under test. */
export async function startCeiling(logDir: string, connections: number): Promise<CeilingTarget> {
  const s = await spawnServer({
    command: process.execPath,
    args: [SERVER],
    logFile: join(logDir, 'ceiling.log'),
    readyLine: /ceiling listening on (http:\/\/[^\s]+)/,
  });
  const pid = s.child.pid as number;
  return {
    kind: 'ceiling',
    url: s.url,
    pid,
    client: new LoadClient(s.url, connections),
    memory: new ProcessMemory(pid),
    stop: () => children.stop(s.child, 5_000),
    async setResponses(byAction) {
      const r = await fetch(`${s.url}/_ceiling/responses`, { method: 'POST', body: JSON.stringify(byAction) });
      if (!r.ok) throw new Error(`ceiling: ${r.status} ${await r.text()}`);
    },
  };
}
