import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  DescribeAddressesCommand,
  DescribeDhcpOptionsCommand,
  DescribeEgressOnlyInternetGatewaysCommand,
  DescribeInternetGatewaysCommand,
  DescribeInstancesCommand,
  DescribeNatGatewaysCommand,
  DescribeNetworkInterfacesCommand,
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeVpcPeeringConnectionsCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll } from 'vitest';
import type { RunningServer } from '../support/start-server.js';
import { startServer } from '../support/start-server.js';
import { toolAvailable } from '../support/require-tool.js';

/**
 * Finds the folder that holds `registry.terraform.io` (the provider mirror: nothing can be
 * downloaded here), so the CLI config can point `filesystem_mirror` at it.
 */
export function findProviderMirror(): string | undefined {
  const candidates = [
    process.env.VPCPEER_TF_MIRROR,
    '/opt/tf-plugins',
    '/usr/share/terraform/plugins',
    '/usr/local/share/terraform/plugins',
    join(homedir(), '.terraform.d/plugins'),
    join(homedir(), '.local/share/terraform/plugins'),
  ];
  for (const c of candidates) if (c && existsSync(join(c, 'registry.terraform.io'))) return c;
  try {
    const found = execFileSync('find', ['/', '-maxdepth', '5', '-type', 'd', '-name', 'registry.terraform.io', '-not', '-path', '/proc/*'], { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n')
      .find((l) => l.trim() !== '');
    return found ? dirname(found.trim()) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether this suite can run: terraform and the provider mirror. In CI their absence fails the run. */
export function terraformAvailable(): boolean {
  if (!toolAvailable('terraform', ['terraform', 'version'])) return false;
  const mirror = findProviderMirror();
  if (!mirror) {
    const why = 'no folder named registry.terraform.io (the AWS provider mirror) was found';
    if (process.env.CI === 'true') throw new Error(`${why}; CI must have it`);
    console.warn(`SKIPPING terraform suite: ${why}`);
    return false;
  }
  return true;
}

export const PROVIDER_VERSION = '5.100.0';

export interface ProviderOptions {
  readonly alias?: string;
  readonly region: string;
  /** A 12-digit access key: that account. */
  readonly accessKey: string;
  /** Reach another account through STS AssumeRole. */
  readonly assumeRoleArn?: string;
}

/** A plain provider block: endpoint settings and credentials, no skip_* flags. */
export function providerBlock(endpoint: string, o: ProviderOptions): string {
  return `
provider "aws" {
  ${o.alias ? `alias      = "${o.alias}"` : ''}
  region     = "${o.region}"
  access_key = "${o.accessKey}"
  secret_key = "not-checked-in-open-mode"
  ${o.assumeRoleArn ? `assume_role {\n    role_arn = "${o.assumeRoleArn}"\n  }` : ''}
  endpoints {
    ec2 = "${endpoint}"
    sts = "${endpoint}"
  }
}
`;
}

export const REQUIRED_PROVIDERS = `
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "${PROVIDER_VERSION}"
    }
  }
}
`;

export interface RunResult {
  readonly code: number;
  readonly output: string;
  readonly ms: number;
}

export interface Workspace {
  readonly dir: string;
  run(...args: string[]): Promise<RunResult>;
  /** Runs and throws with the output unless the exit code is `expected`. */
  must(expected: number, ...args: string[]): Promise<RunResult>;
  remove(): void;
}

/** A folder with main.tf and a CLI config that installs the provider from the local mirror only. */
export function workspace(mainTf: string): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'vpcpeer-tf-'));
  const mirror = findProviderMirror() as string;
  writeFileSync(
    join(dir, 'cli.tfrc'),
    `provider_installation {\n  filesystem_mirror {\n    path    = "${mirror}"\n    include = ["registry.terraform.io/hashicorp/*"]\n  }\n  direct {\n    exclude = ["*/*"]\n  }\n}\n`,
  );
  writeFileSync(join(dir, 'main.tf'), mainTf);
  // Only what Terraform needs: no AWS_* from the machine may change which account is used.
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    TF_CLI_CONFIG_FILE: join(dir, 'cli.tfrc'),
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    CHECKPOINT_DISABLE: '1',
    // The provider rebuilds its whole schema (~1,500 resources) for each of the ~3 instances a
    // command starts; a lazier Go collector cut the suite's CPU by ~30% (vpc-layouts alone:
    // 191 -> 136 CPU-seconds) at ~1 GB of memory per provider process.
    GOGC: '400',
    TF_DATA_DIR: join(dir, '.terraform'),
  };
  mkdirSync(join(dir, '.terraform'), { recursive: true });
  const run = (...args: string[]): Promise<RunResult> =>
    new Promise((done) => {
      const started = Date.now();
      // -no-color follows the (sub)command: `terraform state list` takes no flags before `list`.
      const words = args[0] === 'state' ? 2 : 1;
      const argv = [...args.slice(0, words), ...(args[0] === 'state' ? [] : ['-no-color']), ...args.slice(words)];
      const child = spawn('terraform', argv, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      child.on('close', (code) => done({ code: code ?? -1, output, ms: Date.now() - started }));
    });
  return {
    dir,
    run,
    async must(expected, ...args) {
      const r = await run(...args);
      if (r.code !== expected) throw new Error(`terraform ${args.join(' ')} exited ${r.code}, expected ${expected}:\n${r.output}`);
      return r;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface Timings {
  readonly apply: number;
  readonly plan: number;
  readonly destroy: number;
  /** Time the server spent answering, summed from its access log (needs --log-level info). */
  readonly server?: number;
}

/** Sums the `ms` of every API call in a server's access log. */
export function serverMs(server: { output(): string }): number {
  let total = 0;
  for (const line of server.output().split('\n')) {
    const m = /"ms":([0-9.]+)/.exec(line);
    if (m && line.includes('"api call"')) total += Number(m[1]);
  }
  return Math.round(total);
}

/** init -> apply -> plan must show no changes -> destroy, timing each step. */
export async function applyPlanDestroy(ws: Workspace, between?: () => Promise<void>, server?: { output(): string }): Promise<Timings> {
  await ws.must(0, 'init', '-input=false');
  const apply = await ws.must(0, 'apply', '-auto-approve', '-input=false');
  const plan = await ws.run('plan', '-detailed-exitcode', '-input=false');
  if (plan.code !== 0) throw new Error(`plan after apply is not empty (exit ${plan.code}):\n${plan.output}`);
  if (between) await between();
  const destroy = await ws.must(0, 'destroy', '-auto-approve', '-input=false');
  return { apply: apply.ms, plan: plan.ms, destroy: destroy.ms, ...(server ? { server: serverMs(server) } : {}) };
}

/** Appends one configuration's timings to test-output/terraform-timings.json (for the record). */
export function recordTimings(name: string, t: Timings): void {
  const file = resolve(import.meta.dirname, '../../test-output/terraform-timings.jsonl');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ name, ...t, at: new Date().toISOString() }) + '\n', { flag: 'a' });
  console.log(`terraform ${name}: apply ${t.apply} ms, plan ${t.plan} ms, destroy ${t.destroy} ms${t.server === undefined ? '' : `, server ${t.server} ms in all`}`);
}

export function ec2Client(url: string, account: string, region: string): EC2Client {
  return new EC2Client({ endpoint: url, region, credentials: { accessKeyId: account, secretAccessKey: 'x' }, maxAttempts: 1 });
}

/**
 * After destroy the API must show nothing but what AWS gives every account: the default VPC with
 * its subnets, main route table, internet gateway and DHCP options, and no live peering
 * connection, gateway, address, NAT gateway, network interface or instance (but terminated ones).
 */
export async function leftovers(url: string, account: string, region: string): Promise<string[]> {
  const c = ec2Client(url, account, region);
  const found: string[] = [];
  const vpcs = (await c.send(new DescribeVpcsCommand({}))).Vpcs ?? [];
  const defaultVpc = vpcs.find((v) => v.IsDefault)?.VpcId;
  for (const v of vpcs) if (!v.IsDefault) found.push(`vpc ${v.VpcId}`);
  for (const s of (await c.send(new DescribeSubnetsCommand({}))).Subnets ?? []) if (s.VpcId !== defaultVpc) found.push(`subnet ${s.SubnetId}`);
  for (const t of (await c.send(new DescribeRouteTablesCommand({}))).RouteTables ?? []) if (t.VpcId !== defaultVpc) found.push(`route table ${t.RouteTableId}`);
  for (const g of (await c.send(new DescribeInternetGatewaysCommand({}))).InternetGateways ?? []) if (g.Attachments?.[0]?.VpcId !== defaultVpc) found.push(`internet gateway ${g.InternetGatewayId}`);
  for (const g of (await c.send(new DescribeEgressOnlyInternetGatewaysCommand({}))).EgressOnlyInternetGateways ?? []) found.push(`egress-only gateway ${g.EgressOnlyInternetGatewayId}`);
  for (const a of (await c.send(new DescribeAddressesCommand({}))).Addresses ?? []) found.push(`address ${a.AllocationId}`);
  for (const n of (await c.send(new DescribeNatGatewaysCommand({}))).NatGateways ?? []) if (n.State !== 'deleted') found.push(`NAT gateway ${n.NatGatewayId} (${n.State})`);
  for (const e of (await c.send(new DescribeNetworkInterfacesCommand({}))).NetworkInterfaces ?? []) found.push(`network interface ${e.NetworkInterfaceId}`);
  for (const r of (await c.send(new DescribeInstancesCommand({}))).Reservations ?? []) {
    for (const i of r.Instances ?? []) if (i.State?.Name !== 'terminated') found.push(`instance ${i.InstanceId} (${i.State?.Name})`);
  }
  const defaultSet = vpcs.find((v) => v.IsDefault)?.DhcpOptionsId;
  for (const d of (await c.send(new DescribeDhcpOptionsCommand({}))).DhcpOptions ?? []) if (d.DhcpOptionsId !== defaultSet) found.push(`DHCP options ${d.DhcpOptionsId}`);
  for (const p of (await c.send(new DescribeVpcPeeringConnectionsCommand({}))).VpcPeeringConnections ?? []) {
    const code = p.Status?.Code ?? '';
    if (!['deleted', 'failed', 'rejected', 'expired'].includes(code)) found.push(`peering ${p.VpcPeeringConnectionId} (${code})`);
  }
  return found;
}

/**
 * One server for a Terraform suite, started before its tests and stopped after them, logging
 * each API call (so serverMs can sum the server's own share of a run).
 */
export function useTerraformServer(): { readonly current: RunningServer } {
  const holder: { current: RunningServer } = { current: undefined as unknown as RunningServer };
  beforeAll(async () => {
    holder.current = await startServer({ args: ['--log-level', 'info'] });
  });
  afterAll(async () => {
    await holder.current?.stop();
  });
  return holder;
}
