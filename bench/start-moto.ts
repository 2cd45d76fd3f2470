import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { children } from './children.js';
import { freePort } from './free-port.js';
import { LoadClient } from './load-client.js';
import { ProcessMemory } from './process-memory.js';
import { spawnServer } from './spawn-server.js';
import type { Target } from './types.js';

export interface MotoTarget extends Target {
  readonly version: string;
}

/** Whether `moto_server` is on PATH, and moto's version when it is. */
export function motoAvailable(): { readonly found: boolean; readonly version: string } {
  const which = spawnSync('sh', ['-c', 'command -v moto_server'], { encoding: 'utf8' });
  if (which.status !== 0 || which.stdout.trim() === '') return { found: false, version: '' };
  // moto_server has no --version; ask the Python that runs it (pyenv shims resolve like this too).
  const v = spawnSync('sh', ['-c', 'python3 -c "import moto; print(moto.__version__)" 2>/dev/null || python -c "import moto; print(moto.__version__)"'], { encoding: 'utf8' });
  return { found: true, version: v.status === 0 ? v.stdout.trim() : 'unknown' };
}

/**
 * moto's standalone server (Werkzeug's threaded development server) on 127.0.0.1 with a free
 * port and its defaults otherwise: nothing is persisted, signatures are not checked, the account
 * comes from the `x-moto-account-id` header our requests carry (MOTO_ACCOUNT_ID is removed from
 * its environment so it cannot override that), the region from the credential scope. Its
 * per-request access log goes to a file. Every response carries `Connection: close`.
 */
export async function startMoto(logDir: string, connections: number, version: string): Promise<MotoTarget> {
  const port = await freePort();
  const env = { ...process.env };
  delete env.MOTO_ACCOUNT_ID;
  delete env.MOTO_PORT;
  const s = await spawnServer({
    command: 'moto_server',
    args: ['-H', '127.0.0.1', '-p', String(port)],
    env,
    logFile: join(logDir, 'moto.log'),
    readyUrl: `http://127.0.0.1:${port}/`,
  });
  const pid = s.child.pid as number;
  return {
    kind: 'moto',
    version,
    url: s.url,
    pid,
    client: new LoadClient(s.url, connections),
    memory: new ProcessMemory(pid),
    stop: () => children.stop(s.child, 5_000),
  };
}
