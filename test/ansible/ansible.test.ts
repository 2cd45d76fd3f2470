// Ansible's AWS modules, as Debian 12 ships them (ansible-core 2.14, amazon.aws 5.5.1,
// community.aws 5.5.0, run by /usr/bin/python3 with Debian's boto3 1.26), against a started
// vpcpeer. Each playbook under playbooks/ drives one module and its _info module through create,
// an unchanged re-run, check mode, tag changes and delete, and asserts on what the modules return
// with Ansible's own `assert`: a failed assertion fails the play, and so this test.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../support/start-server.js';
import { startServer } from '../support/start-server.js';
import { toolAvailable } from '../support/require-tool.js';

const ok =
  toolAvailable('ansible-playbook', ['ansible-playbook', '--version']) &&
  toolAvailable("Debian's python3 with boto3 (Ansible's interpreter)", ['/usr/bin/python3', '-c', 'import boto3']) &&
  toolAvailable('the amazon.aws and community.aws collections', ['ansible-doc', '-t', 'module', 'community.aws.ec2_vpc_peer']);

const PLAYBOOKS = resolve(import.meta.dirname, 'playbooks');
const ACCOUNT = '123456789012';
const PEER_ACCOUNT = '210987654321';
// Ansible masks every occurrence of the secret's text in module output, so it must be a string
// that appears nowhere else (a short one like "x" would mangle ids and assertions).
const SECRET = 'vpcpeer-ansible-suite-secret-key-0f3c9a7e5b1d';

let server: RunningServer;
let home: string;
beforeAll(async () => {
  if (!ok) return;
  server = await startServer();
  home = mkdtempSync(join(tmpdir(), 'vpcpeer-ansible-'));
});
afterAll(async () => {
  await server?.stop();
  if (home) rmSync(home, { recursive: true, force: true });
});

interface PlayResult {
  readonly code: number;
  readonly output: string;
}

function play(playbook: string): Promise<PlayResult> {
  // Only what Ansible needs: the machine's own AWS_* settings must not change which account runs.
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: home,
    LANG: 'C.UTF-8',
    EC2_URL: server.url,
    AWS_ACCESS_KEY_ID: ACCOUNT,
    AWS_SECRET_ACCESS_KEY: SECRET,
    AWS_REGION: 'us-east-1',
    ANSIBLE_PYTHON_INTERPRETER: '/usr/bin/python3',
    ANSIBLE_LOCALHOST_WARNING: 'false',
    ANSIBLE_INVENTORY_UNPARSED_WARNING: 'false',
    ANSIBLE_DEPRECATION_WARNINGS: 'false',
    ANSIBLE_NOCOLOR: '1',
    ANSIBLE_LOCAL_TEMP: join(home, 'tmp'),
    ANSIBLE_REMOTE_TEMP: join(home, 'tmp'),
  };
  const args = [join(PLAYBOOKS, playbook), '-e', `account=${ACCOUNT}`, '-e', `peer_account=${PEER_ACCOUNT}`];
  return new Promise((done) => {
    execFile('ansible-playbook', args, { env, timeout: 280_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      done({ code, output: `${stdout}\n${stderr}` });
    });
  });
}

/** The RECAP line's counters for localhost. */
function recap(output: string): Record<string, number> {
  const line = /localhost\s*:\s*(ok=.*)$/m.exec(output)?.[1] ?? '';
  return Object.fromEntries([...line.matchAll(/(\w+)=(\d+)/g)].map((m) => [m[1] as string, Number(m[2])]));
}

const playbooks = readdirSync(PLAYBOOKS).filter((f) => f.endsWith('.yml')).sort();

describe.skipIf(!ok)('Ansible amazon.aws / community.aws modules', () => {
  it('the suite has a playbook for each module family', () => {
    expect(playbooks).toEqual(['dhcp-option.yml', 'igw.yml', 'nat-gateway.yml', 'peering.yml', 'route-table.yml', 'security-addresses.yml', 'subnet.yml', 'vpc-net.yml']);
  });

  it.each(playbooks)('%s runs to the end with every assertion holding', async (playbook) => {
    const r = await play(playbook);
    const counts = recap(r.output);
    expect({ code: r.code, failed: counts.failed, unreachable: counts.unreachable }, r.output).toEqual({ code: 0, failed: 0, unreachable: 0 });
    // Every play creates, re-runs and deletes: a run that did nothing would be no test.
    expect(counts.ok ?? 0, r.output).toBeGreaterThan(10);
    expect(counts.changed ?? 0, r.output).toBeGreaterThan(2);
    // Each task starts a Python module process: a playbook of ~30 tasks takes a minute or two
    // on two busy cores.
  }, 300_000);
});
