import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { advanceClock, startServer, type RunningServer } from '../support/start-server.js';

/**
 * Drives the real AWS CLI (v1) against a vpcpeer server, as a user would. The 12-digit access key
 * id is the account; the region comes from AWS_DEFAULT_REGION, so it lands in the SigV4 credential
 * scope. The machine's own AWS configuration cannot leak in: every AWS_* variable of the parent is
 * dropped and the config/credentials files point at temporary files we write.
 */

export const ACCOUNT_A = '111111111111';
export const ACCOUNT_B = '222222222222';
export const ACCOUNT_C = '333333333333';

export const HOUR = 3600;
export const DAY = 24 * HOUR;

const home = mkdtempSync(join(tmpdir(), 'vpcpeer-awscli-'));
const emptyCredentials = join(home, 'credentials');
writeFileSync(emptyCredentials, '');

let configs = 0;
function configFile(text: string): string {
  const path = join(home, `config-${configs++}`);
  writeFileSync(path, text);
  return path;
}
const emptyConfig = configFile('');

function cliEnv(account: string, region: string, config: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('AWS_')) env[k] = v;
  return {
    ...env,
    AWS_ACCESS_KEY_ID: account,
    AWS_SECRET_ACCESS_KEY: 'anything',
    AWS_DEFAULT_REGION: region,
    AWS_CONFIG_FILE: config,
    AWS_SHARED_CREDENTIALS_FILE: emptyCredentials,
    AWS_MAX_ATTEMPTS: '1',
    AWS_RETRY_MODE: 'standard',
    AWS_PAGER: '',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

export interface CliResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliFailure extends CliResult {
  /** From `An error occurred (Code) when calling the Operation operation: Message`. */
  readonly code: string;
  readonly operation: string;
  readonly message: string;
}

const ERROR_LINE = /An error occurred \(([^)]+)\) when calling the (\w+) operation(?: \(reached max retries: \d+\))?: (.*)/;

/** One (account, region) as seen through the CLI. */
export interface Caller {
  readonly account: string;
  readonly region: string;
  /** `aws <args> --endpoint-url … --output json`: exit status and output, whatever happened. */
  run(...args: string[]): Promise<CliResult>;
  /** Expects exit 0; returns the parsed JSON output (null when the CLI printed nothing). */
  ok<T = unknown>(...args: string[]): Promise<T>;
  /** Expects a non-zero exit with a service error on stderr; returns its code and message. */
  fail(...args: string[]): Promise<CliFailure>;
}

function caller(url: string, account: string, region: string, config: string): Caller {
  const run = (...args: string[]): Promise<CliResult> =>
    new Promise((done) => {
      execFile(
        'aws',
        [...args, '--endpoint-url', url, '--output', 'json'],
        { env: cliEnv(account, region, config), encoding: 'utf8', timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
        (error, stdout, stderr) => {
          const status = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
          done({ status, stdout, stderr });
        },
      );
    });
  const show = (args: readonly string[], r: CliResult): string =>
    `[${account} ${region}] aws ${args.join(' ')}\nexit ${r.status}\nstdout: ${r.stdout.trim()}\nstderr: ${r.stderr.trim()}`;
  return {
    account,
    region,
    run,
    async ok<T>(...args: string[]): Promise<T> {
      const r = await run(...args);
      if (r.status !== 0) throw new Error(`expected success from ${show(args, r)}`);
      return (r.stdout.trim() === '' ? null : JSON.parse(r.stdout)) as T;
    },
    async fail(...args: string[]): Promise<CliFailure> {
      const r = await run(...args);
      const m = ERROR_LINE.exec(r.stderr);
      if (r.status === 0 || !m) throw new Error(`expected a service error from ${show(args, r)}`);
      return { ...r, code: m[1] as string, operation: m[2] as string, message: (m[3] as string).trim() };
    },
  };
}

export interface CliSuite {
  readonly server: RunningServer;
  /** The CLI as `account` in `region` (us-east-1 by default). `config` is extra ~/.aws/config text. */
  as(account: string, region?: string, config?: string): Caller;
  /** The server clock, in ms since the epoch. */
  now(): Promise<number>;
  /** Moves the server clock forward. */
  advance(seconds: number): Promise<void>;
}

/**
 * Starts one vpcpeer server for the calling `describe` block (a fresh data folder, its own clock)
 * and stops it afterwards. Call it at the top of a `describe`.
 */
export function useServer(): CliSuite {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });
  const running = (): RunningServer => {
    if (!server) throw new Error('the server is not started yet');
    return server;
  };
  return {
    get server() {
      return running();
    },
    as(account, region = 'us-east-1', config) {
      return caller(running().url, account, region, config === undefined ? emptyConfig : configFile(config));
    },
    async now() {
      const res = await fetch(`${running().url}/_vpcpeer/clock`);
      if (!res.ok) throw new Error(`GET /_vpcpeer/clock: HTTP ${res.status} ${await res.text()}`);
      return Date.parse(((await res.json()) as { now: string }).now);
    },
    async advance(seconds) {
      await advanceClock(running(), seconds);
    },
  };
}

// ---- the parts of the CLI's JSON output the tests read ----

export interface Tag {
  Key: string;
  Value: string;
}

export interface PeeringOptions {
  AllowDnsResolutionFromRemoteVpc?: boolean;
  AllowEgressFromLocalClassicLinkToRemoteVpc?: boolean;
  AllowEgressFromLocalVpcToRemoteClassicLink?: boolean;
}

export interface VpcInfo {
  OwnerId?: string;
  VpcId?: string;
  Region?: string;
  CidrBlock?: string;
  CidrBlockSet?: { CidrBlock: string }[];
  Ipv6CidrBlockSet?: { Ipv6CidrBlock: string }[];
  PeeringOptions?: PeeringOptions;
}

export interface Peering {
  VpcPeeringConnectionId: string;
  Status: { Code: string; Message: string };
  ExpirationTime?: string;
  RequesterVpcInfo: VpcInfo;
  AccepterVpcInfo: VpcInfo;
  Tags?: Tag[];
}

export interface Route {
  DestinationCidrBlock?: string;
  DestinationIpv6CidrBlock?: string;
  GatewayId?: string;
  VpcPeeringConnectionId?: string;
  Origin?: string;
  State?: string;
}

export interface RouteTable {
  RouteTableId: string;
  VpcId: string;
  Associations?: { Main?: boolean; RouteTableAssociationId?: string; RouteTableId?: string }[];
  Routes: Route[];
}

export interface Vpc {
  VpcId: string;
  CidrBlock: string;
  Ipv6CidrBlockAssociationSet?: { Ipv6CidrBlock?: string; Ipv6CidrBlockState?: { State?: string } }[];
}

// ---- small steps built on the CLI ----

export async function createVpc(c: Caller, cidr: string, ...extra: string[]): Promise<Vpc> {
  return (await c.ok<{ Vpc: Vpc }>('ec2', 'create-vpc', '--cidr-block', cidr, ...extra)).Vpc;
}

/** The IPv6 block of a VPC created with --amazon-provided-ipv6-cidr-block (read back if the create output had none yet). */
export async function ipv6Of(c: Caller, vpc: Vpc): Promise<string> {
  let block = vpc.Ipv6CidrBlockAssociationSet?.[0]?.Ipv6CidrBlock;
  if (!block) {
    const out = await c.ok<{ Vpcs: Vpc[] }>('ec2', 'describe-vpcs', '--vpc-ids', vpc.VpcId);
    block = out.Vpcs[0]?.Ipv6CidrBlockAssociationSet?.[0]?.Ipv6CidrBlock;
  }
  if (!block) throw new Error(`${vpc.VpcId} has no IPv6 block`);
  return block;
}

export async function createPeering(c: Caller, vpcId: string, peerVpcId: string, ...extra: string[]): Promise<Peering> {
  return (await c.ok<{ VpcPeeringConnection: Peering }>('ec2', 'create-vpc-peering-connection', '--vpc-id', vpcId, '--peer-vpc-id', peerVpcId, ...extra)).VpcPeeringConnection;
}

export async function acceptPeering(c: Caller, id: string): Promise<Peering> {
  return (await c.ok<{ VpcPeeringConnection: Peering }>('ec2', 'accept-vpc-peering-connection', '--vpc-peering-connection-id', id)).VpcPeeringConnection;
}

/** Describe by id; exactly one connection is expected back. */
export async function describePeering(c: Caller, id: string): Promise<Peering> {
  const out = await c.ok<{ VpcPeeringConnections: Peering[] }>('ec2', 'describe-vpc-peering-connections', '--vpc-peering-connection-ids', id);
  if (out.VpcPeeringConnections.length !== 1) throw new Error(`expected exactly one connection ${id}, got ${JSON.stringify(out)}`);
  return out.VpcPeeringConnections[0] as Peering;
}

/** Describe with filters (`Name=…,Values=…` strings); returns the connections. */
export async function describePeerings(c: Caller, ...args: string[]): Promise<Peering[]> {
  return (await c.ok<{ VpcPeeringConnections: Peering[] }>('ec2', 'describe-vpc-peering-connections', ...args)).VpcPeeringConnections;
}

/** The VPC's main route table, found the way Terraform finds it: filters vpc-id + association.main=true. */
export async function mainRouteTable(c: Caller, vpcId: string): Promise<RouteTable> {
  const out = await c.ok<{ RouteTables: RouteTable[] }>('ec2', 'describe-route-tables', '--filters', `Name=vpc-id,Values=${vpcId}`, 'Name=association.main,Values=true');
  if (out.RouteTables.length !== 1) throw new Error(`expected exactly one main route table for ${vpcId}, got ${JSON.stringify(out)}`);
  return out.RouteTables[0] as RouteTable;
}

export async function routeTable(c: Caller, id: string): Promise<RouteTable> {
  const out = await c.ok<{ RouteTables: RouteTable[] }>('ec2', 'describe-route-tables', '--route-table-ids', id);
  if (out.RouteTables.length !== 1) throw new Error(`expected exactly one route table ${id}, got ${JSON.stringify(out)}`);
  return out.RouteTables[0] as RouteTable;
}

export async function routeToPeering(c: Caller, routeTableId: string, destination: string, pcxId: string): Promise<void> {
  const flag = destination.includes(':') ? '--destination-ipv6-cidr-block' : '--destination-cidr-block';
  await c.ok('ec2', 'create-route', '--route-table-id', routeTableId, flag, destination, '--vpc-peering-connection-id', pcxId);
}

export function routeTo(table: RouteTable, destination: string): Route | undefined {
  return table.Routes.find((r) => r.DestinationCidrBlock === destination || r.DestinationIpv6CidrBlock === destination);
}

export function tagValue(tags: readonly Tag[] | undefined, key: string): string | undefined {
  return tags?.find((t) => t.Key === key)?.Value;
}

/** `--tag-specifications` for a Name tag on a new peering connection. */
export function nameTagSpec(name: string): string[] {
  return ['--tag-specifications', JSON.stringify([{ ResourceType: 'vpc-peering-connection', Tags: [{ Key: 'Name', Value: name }] }])];
}

export const ALL_OPTIONS_FALSE: PeeringOptions = {
  AllowDnsResolutionFromRemoteVpc: false,
  AllowEgressFromLocalClassicLinkToRemoteVpc: false,
  AllowEgressFromLocalVpcToRemoteClassicLink: false,
};
