import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningServer } from '../support/start-server.js';

/**
 * Drives the real AWS CLI (v1) against a vpcpeer server. The 12-digit access key id is the
 * account; the region comes from AWS_DEFAULT_REGION, so it lands in the SigV4 credential scope.
 * The machine's own AWS configuration cannot leak in: every AWS_* variable of the parent is
 * dropped and the config/credentials files point at empty temporary files.
 */

export const ACCOUNT_A = '111111111111';
export const ACCOUNT_B = '222222222222';
export const ACCOUNT_C = '333333333333';

const home = mkdtempSync(join(tmpdir(), 'vpcpeer-awscli-'));
const emptyConfig = join(home, 'config');
const emptyCredentials = join(home, 'credentials');
writeFileSync(emptyConfig, '');
writeFileSync(emptyCredentials, '');

function cliEnv(account: string, region: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('AWS_')) env[k] = v;
  return {
    ...env,
    AWS_ACCESS_KEY_ID: account,
    AWS_SECRET_ACCESS_KEY: 'anything',
    AWS_DEFAULT_REGION: region,
    AWS_CONFIG_FILE: emptyConfig,
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
  /** The EC2 error code from `An error occurred (Code) when calling the X operation: Message`. */
  readonly code: string;
  readonly operation: string;
  readonly message: string;
}

const ERROR_LINE = /An error occurred \(([^)]+)\) when calling the (\w+) operation(?: \(reached max retries: \d+\))?: (.*)/;

export interface Aws {
  /** Runs `aws <args>` and returns the exit status and output, whatever happened. */
  run(account: string, region: string, ...args: string[]): Promise<CliResult>;
  /** Runs `aws <args>`, expects success, and returns the parsed JSON output (or null if empty). */
  ok<T = unknown>(account: string, region: string, ...args: string[]): Promise<T>;
  /** Runs `aws <args>`, expects a service error, and returns its code and message. */
  fail(account: string, region: string, ...args: string[]): Promise<CliFailure>;
}

export function awsCli(server: Pick<RunningServer, 'url'>): Aws {
  const run = (account: string, region: string, ...args: string[]): Promise<CliResult> =>
    new Promise((done) => {
      execFile(
        'aws',
        [...args, '--endpoint-url', server.url, '--output', 'json'],
        { env: cliEnv(account, region), encoding: 'utf8', timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
        (error, stdout, stderr) => {
          const status = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
          done({ status, stdout, stderr });
        },
      );
    });
  const describe = (args: readonly string[], r: CliResult): string => `aws ${args.join(' ')}\nexit ${r.status}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`;
  return {
    run,
    async ok<T>(account: string, region: string, ...args: string[]): Promise<T> {
      const r = await run(account, region, ...args);
      if (r.status !== 0) throw new Error(`expected success from ${describe(args, r)}`);
      return (r.stdout.trim() === '' ? null : JSON.parse(r.stdout)) as T;
    },
    async fail(account: string, region: string, ...args: string[]): Promise<CliFailure> {
      const r = await run(account, region, ...args);
      const m = ERROR_LINE.exec(r.stderr);
      if (r.status === 0 || !m) throw new Error(`expected a service error from ${describe(args, r)}`);
      return { ...r, code: m[1] as string, operation: m[2] as string, message: (m[3] as string).trim() };
    },
  };
}

// ---- small shapes of the CLI's JSON output (only the fields the tests read) ----

export interface Tag {
  Key: string;
  Value: string;
}

export interface VpcInfo {
  OwnerId?: string;
  VpcId?: string;
  Region?: string;
  CidrBlock?: string;
  CidrBlockSet?: { CidrBlock: string }[];
  Ipv6CidrBlockSet?: { Ipv6CidrBlock: string }[];
  PeeringOptions?: {
    AllowDnsResolutionFromRemoteVpc?: boolean;
    AllowEgressFromLocalClassicLinkToRemoteVpc?: boolean;
    AllowEgressFromLocalVpcToRemoteClassicLink?: boolean;
  };
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
  Associations?: { Main?: boolean; RouteTableAssociationId?: string }[];
  Routes: Route[];
}

export interface Vpc {
  VpcId: string;
  CidrBlock: string;
  Ipv6CidrBlockAssociationSet?: { Ipv6CidrBlock?: string; Ipv6CidrBlockState?: { State?: string } }[];
}

// ---- scenario helpers built on the CLI ----

export interface Scoped {
  readonly aws: Aws;
  readonly account: string;
  readonly region: string;
}

export async function createVpc(s: Scoped, cidr: string, ...extra: string[]): Promise<Vpc> {
  const out = await s.aws.ok<{ Vpc: Vpc }>(s.account, s.region, 'ec2', 'create-vpc', '--cidr-block', cidr, ...extra);
  return out.Vpc;
}

export async function describePeering(s: Scoped, id: string): Promise<Peering> {
  const out = await s.aws.ok<{ VpcPeeringConnections: Peering[] }>(s.account, s.region, 'ec2', 'describe-vpc-peering-connections', '--vpc-peering-connection-ids', id);
  if (out.VpcPeeringConnections.length !== 1) throw new Error(`expected exactly one connection ${id}, got ${JSON.stringify(out)}`);
  return out.VpcPeeringConnections[0] as Peering;
}

export async function createPeering(s: Scoped, vpcId: string, peerVpcId: string, ...extra: string[]): Promise<Peering> {
  const out = await s.aws.ok<{ VpcPeeringConnection: Peering }>(s.account, s.region, 'ec2', 'create-vpc-peering-connection', '--vpc-id', vpcId, '--peer-vpc-id', peerVpcId, ...extra);
  return out.VpcPeeringConnection;
}

export async function mainRouteTable(s: Scoped, vpcId: string): Promise<RouteTable> {
  const out = await s.aws.ok<{ RouteTables: RouteTable[] }>(s.account, s.region, 'ec2', 'describe-route-tables', '--filters', `Name=vpc-id,Values=${vpcId}`, 'Name=association.main,Values=true');
  if (out.RouteTables.length !== 1) throw new Error(`expected exactly one main route table for ${vpcId}, got ${JSON.stringify(out)}`);
  return out.RouteTables[0] as RouteTable;
}

export async function routeTable(s: Scoped, id: string): Promise<RouteTable> {
  const out = await s.aws.ok<{ RouteTables: RouteTable[] }>(s.account, s.region, 'ec2', 'describe-route-tables', '--route-table-ids', id);
  if (out.RouteTables.length !== 1) throw new Error(`expected exactly one route table ${id}, got ${JSON.stringify(out)}`);
  return out.RouteTables[0] as RouteTable;
}

export function routeTo(table: RouteTable, destination: string): Route | undefined {
  return table.Routes.find((r) => r.DestinationCidrBlock === destination || r.DestinationIpv6CidrBlock === destination);
}

export function tagValue(tags: readonly Tag[] | undefined, key: string): string | undefined {
  return tags?.find((t) => t.Key === key)?.Value;
}

export const HOUR = 3600;
export const DAY = 24 * HOUR;
