import { Sha256 } from '@aws-crypto/sha256-js';
import {
  CreateNetworkInsightsPathCommand,
  DeleteNetworkInsightsAnalysisCommand,
  DeleteNetworkInsightsPathCommand,
  EC2Client,
  StartNetworkInsightsAnalysisCommand,
} from '@aws-sdk/client-ec2';
import type { CreateNetworkInsightsPathCommandInput } from '@aws-sdk/client-ec2';
import { SignatureV4 } from '@smithy/signature-v4';
import { Command, Option } from 'commander';
import { isIPv4 } from 'node:net';
import { isAccountId } from './account-id.js';
import type { NativeAnalysis } from './format-analysis.js';
import { formatAnalysis } from './format-analysis.js';

interface ReachOptions {
  protocol: string;
  port?: string;
  sourceIp?: string;
  endpoint: string;
  region?: string;
  account?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
  additionalAccount?: string[];
  keep?: boolean;
  json?: boolean;
}

/** Exit codes: 0 reachable, 1 blocked, 2 a usage or API problem (the analysis could not be made). */
const FOUND = 0;
const BLOCKED = 1;
const PROBLEM = 2;

class ReachProblem extends Error {}

function problem(message: string): never {
  throw new ReachProblem(message);
}

interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/**
 * As the AWS CLI finds them: options, then AWS_* variables. `--account` is open mode's shortcut: a
 * 12-digit access key id is that account (the secret is not checked there).
 */
function credentialsOf(opts: ReachOptions): Credentials {
  const accessKeyId = opts.accessKeyId ?? opts.account ?? process.env.AWS_ACCESS_KEY_ID;
  if (opts.account !== undefined && !isAccountId(opts.account)) problem(`--account must be a 12-digit account id, not '${opts.account}'`);
  if (accessKeyId === undefined || accessKeyId === '') problem('no credentials: give --account (open mode), --access-key-id/--secret-access-key, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
  const secretAccessKey = opts.secretAccessKey ?? (opts.account !== undefined ? 'open-mode' : process.env.AWS_SECRET_ACCESS_KEY) ?? 'open-mode';
  const sessionToken = opts.sessionToken ?? (opts.accessKeyId === undefined && opts.account === undefined ? process.env.AWS_SESSION_TOKEN : undefined);
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}

/** The path's question: DESTINATION is a resource (id or ARN) or an IPv4 address. */
function pathInput(source: string, destination: string, opts: ReachOptions): CreateNetworkInsightsPathCommandInput {
  const protocol = opts.protocol.toLowerCase();
  if (protocol !== 'tcp' && protocol !== 'udp') problem(`--protocol must be tcp or udp, not '${opts.protocol}'`);
  let port: number | undefined;
  if (opts.port !== undefined) {
    port = Number(opts.port);
    if (!/^\d{1,5}$/.test(opts.port) || port > 65535) problem(`--port must be a whole number from 0 to 65535, not '${opts.port}'`);
  }
  if (opts.sourceIp !== undefined && !isIPv4(opts.sourceIp)) problem(`--source-ip must be an IPv4 address, not '${opts.sourceIp}'`);
  const base = { Source: source, Protocol: protocol as 'tcp' | 'udp', TagSpecifications: [{ ResourceType: 'network-insights-path' as const, Tags: [{ Key: 'Name', Value: 'vpcpeer reach' }] }] };
  if (isIPv4(destination)) {
    // An address alone is FilterAtSource.DestinationAddress (AWS refuses DestinationIp without a
    // Destination, terraform-provider-aws #38132); the filter then carries the port and source too.
    return {
      ...base,
      FilterAtSource: {
        DestinationAddress: destination,
        ...(port !== undefined ? { DestinationPortRange: { FromPort: port, ToPort: port } } : {}),
        ...(opts.sourceIp !== undefined ? { SourceAddress: opts.sourceIp } : {}),
      },
    };
  }
  return { ...base, Destination: destination, ...(port !== undefined ? { DestinationPort: port } : {}), ...(opts.sourceIp !== undefined ? { SourceIp: opts.sourceIp } : {}) };
}

/** GET /_vpcpeer/analyses/<id>, signed as the EC2 calls are (the endpoint authenticates the same way). */
async function fetchNative(endpoint: URL, region: string, credentials: Credentials, id: string): Promise<NativeAnalysis> {
  const path = `/_vpcpeer/analyses/${encodeURIComponent(id)}`;
  const signer = new SignatureV4({ service: 'ec2', region, credentials, sha256: Sha256 });
  const signed = await signer.sign({
    method: 'GET',
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    ...(endpoint.port !== '' ? { port: Number(endpoint.port) } : {}),
    path,
    query: {},
    headers: { host: endpoint.host },
  });
  const res = await fetch(new URL(path, endpoint), { headers: signed.headers });
  const body = (await res.json().catch(() => ({}))) as { NetworkInsightsAnalysis?: NativeAnalysis; error?: string; message?: string };
  if (!res.ok || !body.NetworkInsightsAnalysis) problem(`GET ${path}: HTTP ${res.status} ${body.error ?? ''} ${body.message ?? ''}`.trim());
  return body.NetworkInsightsAnalysis;
}

async function reach(source: string, destination: string, opts: ReachOptions): Promise<number> {
  let endpoint: URL;
  try {
    endpoint = new URL(opts.endpoint);
  } catch {
    problem(`--endpoint must be a URL such as http://127.0.0.1:4566, not '${opts.endpoint}'`);
  }
  const region = opts.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  const credentials = credentialsOf(opts);
  const input = pathInput(source, destination, opts);
  for (const a of opts.additionalAccount ?? []) if (!/^\d{12}$/.test(a)) problem(`--additional-account must be a 12-digit account id, not '${a}'`);
  // vpcpeer supports Node 20.12+ (package.json engines); the SDK's notice about its own future
  // Node requirement is not this command's output.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const ec2 = new EC2Client({ endpoint: endpoint.toString(), region, credentials, maxAttempts: 1 });
  try {
    const path = (await ec2.send(new CreateNetworkInsightsPathCommand(input))).NetworkInsightsPath;
    const pathId = path?.NetworkInsightsPathId ?? problem('CreateNetworkInsightsPath answered without a path id');
    let analysisId: string | undefined;
    try {
      const started = await ec2.send(
        new StartNetworkInsightsAnalysisCommand({ NetworkInsightsPathId: pathId, ...(opts.additionalAccount ? { AdditionalAccounts: opts.additionalAccount } : {}) }),
      );
      analysisId = started.NetworkInsightsAnalysis?.NetworkInsightsAnalysisId ?? problem('StartNetworkInsightsAnalysis answered without an analysis id');
      const analysis = await fetchNative(endpoint, region, credentials, analysisId);
      if (opts.json) process.stdout.write(JSON.stringify(analysis, null, 2) + '\n');
      else {
        const what = `${input.Protocol}${input.DestinationPort !== undefined ? ` port ${input.DestinationPort}` : input.FilterAtSource?.DestinationPortRange ? ` port ${input.FilterAtSource.DestinationPortRange.FromPort}` : ''}`;
        const kept = opts.keep ? ` (kept: path ${pathId}, analysis ${analysisId})` : '';
        process.stdout.write(formatAnalysis(analysis, `${source} -> ${destination}, ${what}${kept}`));
      }
      if (analysis.Status !== 'succeeded') return PROBLEM;
      return analysis.NetworkPathFound ? FOUND : BLOCKED;
    } finally {
      if (!opts.keep) {
        if (analysisId) await ec2.send(new DeleteNetworkInsightsAnalysisCommand({ NetworkInsightsAnalysisId: analysisId }));
        await ec2.send(new DeleteNetworkInsightsPathCommand({ NetworkInsightsPathId: pathId }));
      }
    }
  } finally {
    ec2.destroy();
  }
}

/** `vpcpeer reach SOURCE DESTINATION`: a Network Insights path and analysis made through a running server's API, printed hop by hop. */
export function reachCommand(): Command {
  return new Command('reach')
    .description('Would traffic from SOURCE reach DESTINATION? Analyses the path through a running server and prints it hop by hop (exit 0: reachable, 1: blocked, 2: error)')
    .argument('<source>', 'network interface or instance (id or ARN)')
    .argument('<destination>', 'network interface, instance or peering connection (id or ARN), or an IPv4 address')
    .addOption(new Option('--protocol <protocol>', 'tcp or udp').default('tcp'))
    .option('--port <port>', 'destination port (default: any)')
    .option('--source-ip <ip>', 'one of the source\'s private IPv4 addresses (default: its primary)')
    .addOption(new Option('--endpoint <url>', 'the vpcpeer server').env('VPCPEER_ENDPOINT').default('http://127.0.0.1:4566'))
    .option('--region <region>', 'Region (default: AWS_REGION, AWS_DEFAULT_REGION, us-east-1)')
    .option('--account <id>', 'open mode: act as this 12-digit account (used as the access key id)')
    .option('--access-key-id <key>', 'access key id (default: AWS_ACCESS_KEY_ID)')
    .option('--secret-access-key <secret>', 'secret access key (default: AWS_SECRET_ACCESS_KEY)')
    .option('--session-token <token>', 'session token of temporary credentials (default: AWS_SESSION_TOKEN)')
    .option('--additional-account <id...>', 'other accounts the analysis may enter (AdditionalAccounts)')
    .option('--keep', 'keep the path and analysis (by default both are deleted after printing)')
    .option('--json', 'print the analysis as JSON (with sentences) instead of text')
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : PROBLEM))
    .action(async (source: string, destination: string, opts: ReachOptions) => {
      try {
        process.exitCode = await reach(source, destination, opts);
      } catch (err) {
        const e = err as { name?: string; message?: string };
        const what = err instanceof ReachProblem ? e.message : `${e.name ?? 'Error'}: ${e.message ?? String(err)}`;
        process.stderr.write(`vpcpeer reach: ${what}\n`);
        process.exitCode = PROBLEM;
      }
    });
}
